// Where a keystroke's time goes with 10 000 profiles saved (a diagnostic, not a benchmark;
// issue 14): the page of bench/browser.mjs's `scale` scenario, N keystrokes into a numerator
// at 4x CPU slowdown, each until its debounced save has written, under the CDP profiler;
// prints the functions with the most self and inclusive time. Use a build whose wasm keeps
// its names (see BENCHMARKS.md, "10 000 units").
//   node bench/profile-scale.mjs DIST [N]
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { BLANK, BLANK_PAGES } from './keystroke-page.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';
import { DATA_KEY } from '../tests/e2e/names.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(join(ROOT, 'package.json'))('playwright-core');
const [dist, n = '10'] = process.argv.slice(2);

/** As `districtData` in bench/browser.mjs: `n` profiles in the commune bloc, version 1. */
function districtData(n) {
  const communes = ['31231', '31232', '31211', '31234', '31237', '31240', '31241', '31243', '31244', '31246', '31252'];
  const ratio = (num, den) => ({ mode: 'counts', numerator: String(num), denominator: String(den), percent: '', answer: null, before: '', after: '' });
  const profiles = [];
  for (let i = 0; i < n; i++) {
    const unit = i < communes.length ? communes[i] : 'other';
    profiles.push({
      id: `p${i + 1}`,
      profile: {
        label: '',
        bloc: 'commune',
        unit_id: unit,
        other_name: unit === 'other' ? `Đơn vị thử ${i + 1}` : '',
        entries: { recruitment: ratio(i % 11, 10), online_work_files: ratio((i * 7) % 23, 20) },
      },
    });
  }
  return { format: 'cchc-2021', version: 1, data: { profiles, active: 'p3', peer_scores: {}, language: 'vi' } };
}

const browser = await chromium.launch({ executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const server = await serve(dist, { pages: BLANK_PAGES });
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(server.url + BLANK);
await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DATA_KEY, JSON.stringify(districtData(Number(process.env.UNITS ?? 10000)))]);
await page.goto(server.url + '/');
const input = page.locator('input[data-field="numerator"]').first();
await page.waitForFunction(() => !document.querySelector('[data-prerendered]'), null, { timeout: 120_000 });
const revision = () => page.evaluate((k) => Number((localStorage.getItem(k) ?? '').slice(0, 200).match(/"revision":(\d+)/)?.[1] ?? 0), DATA_KEY);
const typeAndSave = async (key) => {
  const before = await revision();
  await input.press(key);
  await page.waitForFunction(([k, r]) => Number((localStorage.getItem(k) ?? '').slice(0, 200).match(/"revision":(\d+)/)?.[1] ?? 0) > r, [DATA_KEY, before], { timeout: 120_000, polling: 20 });
};
await input.click();
await typeAndSave('5'); // the first save (version 1 → bodies): not profiled
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
for (let i = 0; i < Number(n); i++) await typeAndSave(i % 2 === 0 ? 'Backspace' : '5');
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
const self = new Map();
const incl = new Map();
const dt = profile.timeDeltas;
const clean = (f) => f.replace(/::h[0-9a-f]{16}/, '').slice(0, 140);
profile.samples.forEach((id, i) => {
  const d = (dt[i + 1] ?? 0) / 1000;
  const node = byId.get(id);
  const name = clean(node.callFrame.functionName || `(${node.callFrame.url.split('/').pop()})`);
  if (name === '(idle)' || name === '(program)') return;
  self.set(name, (self.get(name) ?? 0) + d);
  const seen = new Set();
  for (let at = id; at != null; at = parent.get(at)) {
    const f = clean(byId.get(at).callFrame.functionName || '(anon)');
    if (!seen.has(f)) {
      seen.add(f);
      incl.set(f, (incl.get(f) ?? 0) + d);
    }
  }
});
const per = (t) => (t / Number(n)).toFixed(1).padStart(8);
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, t]) => `${per(t)} ms/keystroke  ${f}`).join('\n');
console.log('--- self\n' + top(self, 30));
console.log('--- inclusive\n' + top(incl, 60));
await browser.close();
await server.close();
// PROFILE_CALLERS=substring: who calls the functions whose name contains it.
if (process.env.PROFILE_CALLERS) {
  const want = process.env.PROFILE_CALLERS;
  const callers = new Map();
  profile.samples.forEach((id, i) => {
    const d = (dt[i + 1] ?? 0) / 1000;
    const chain = [];
    for (let at = id; at != null; at = parent.get(at)) chain.push(clean(byId.get(at).callFrame.functionName || '(anon)'));
    const k = chain.findIndex((f) => f.includes(want));
    if (k < 0) return;
    const path = chain.slice(k, k + 5).map((f) => f.slice(0, 80)).join('  <  ');
    callers.set(path, (callers.get(path) ?? 0) + d);
  });
  console.log(`--- callers of ${want}\n` + top(callers, 12));
}
