// Where a keystroke's time goes (a diagnostic, not a benchmark): the plan-scale page of
// bench/browser.mjs, N keystrokes at 4x CPU slowdown under the CDP profiler; prints the
// functions with the most self time. Use a build whose wasm keeps its names.
//   node bench/profile-keystrokes.mjs DIST [N]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { planData } from './plan-data.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';
import { DATA_KEY } from '../tests/e2e/names.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(join(ROOT, 'package.json'))('playwright-core');
const [dist, n = '60'] = process.argv.slice(2);
const file = JSON.parse(readFileSync(join(ROOT, 'plans/examples/scale-170x40.json'), 'utf8'));
const plan = file.plan;
const bloc = plan.blocs[0];
const saved = JSON.stringify(planData(file));

const browser = await chromium.launch({ executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const server = await serve(dist, { pages: { '/__b__/blank.html': '<!doctype html><title>b</title>' } });
const context = await browser.newContext();
const page = await context.newPage();
// PROFILE_2021=1: the 2021 page of the `keystrokes` scenario instead (Xã Vĩnh Bình, recruitment).
const in2021 = Boolean(process.env.PROFILE_2021);
if (!in2021) {
  await page.goto(server.url + '/__b__/blank.html');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DATA_KEY, saved]);
}
await page.goto(server.url + '/');
if (in2021) {
  await page.locator('select[data-field="bloc"]').selectOption('commune');
  await page.locator('select[data-field="unit"]').selectOption('31211');
}
await page.locator('[data-summary][data-score]').waitFor();
// PROFILE_DROP_CSS=text: the style rules whose selector contains it are deleted first (an experiment).
if (process.env.PROFILE_DROP_CSS) {
  const dropped = await page.evaluate((text) => {
    let n = 0;
    const walk = (list) => { for (let i = list.length - 1; i >= 0; i--) { const r = list[i]; if (r.selectorText?.includes(text)) { (r.parentRule ?? r.parentStyleSheet).deleteRule(i); n++; } else if (r.cssRules) walk(r.cssRules); } };
    for (const sheet of document.styleSheets) walk(sheet.cssRules);
    return n;
  }, process.env.PROFILE_DROP_CSS);
  console.log('css rules dropped:', dropped);
}
const target = in2021 ? { id: 'recruitment' } : plan.targets.find((t) => t.kind === 'ratio' && bloc.id in t.applies);
const card = page.locator(`[data-target="${target.id}"]`);
await card.locator('input[data-field="denominator"]').fill('10');
const input = card.locator('input[data-field="numerator"]');
await input.fill('');
await input.focus();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await page.evaluate(() => {
  const b = (window.__keys = { latencies: [], pending: null });
  document.addEventListener('keydown', (e) => (b.pending = e.timeStamp), true);
  new MutationObserver(() => {
    if (b.pending == null) return;
    b.latencies.push(performance.now() - b.pending);
    b.pending = null;
  }).observe(document.querySelector('[data-summary]'), { attributes: true, attributeFilter: ['data-score'] });
});
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
for (let i = 0; i < Number(n); i++) {
  await page.keyboard.press(i % 2 === 0 ? '5' : 'Backspace');
  await page.waitForFunction((k) => window.__keys.latencies.length >= k, i + 1, { polling: 5 });
}
const { profile } = await cdp.send('Profiler.stop');
const lat = (await page.evaluate(() => window.__keys.latencies)).sort((a, b) => a - b);
console.log('latency p50', lat[Math.floor(lat.length / 2)].toFixed(1), 'p95', lat[Math.ceil(lat.length * 0.95) - 1].toFixed(1));
// Self time per function, and inclusive time per function.
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
const self = new Map();
const incl = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const d = (dt[i + 1] ?? 0) / 1000;
  const node = byId.get(id);
  const name = node.callFrame.functionName || `(${node.callFrame.url.split('/').pop()})`;
  self.set(name, (self.get(name) ?? 0) + d);
  const seen = new Set();
  for (let at = id; at != null; at = parent.get(at)) {
    const f = byId.get(at).callFrame.functionName || '(anon)';
    if (!seen.has(f)) { seen.add(f); incl.set(f, (incl.get(f) ?? 0) + d); }
  }
});
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, t]) => `${t.toFixed(1).padStart(8)} ms  ${f.slice(0, 150)}`).join('\n');
console.log('--- self\n' + top(self, 40));
console.log('--- inclusive\n' + top(incl, 60));
await browser.close();
await server.close();
// PROFILE_CALLERS=substring: who calls the functions whose name contains it (self+children time).
if (process.env.PROFILE_CALLERS) {
  const want = process.env.PROFILE_CALLERS;
  const callers = new Map();
  profile.samples.forEach((id, i) => {
    const d = (dt[i + 1] ?? 0) / 1000;
    const chain = [];
    for (let at = id; at != null; at = parent.get(at)) chain.push(byId.get(at).callFrame.functionName || '(anon)');
    const k = chain.findIndex((f) => f.includes(want));
    if (k < 0) return;
    const path = chain.slice(k, k + 6).map((f) => f.replace(/::h[0-9a-f]{16}/, '').slice(0, 90)).join('  <  ');
    callers.set(path, (callers.get(path) ?? 0) + d);
  });
  console.log(`--- callers of ${want}\n` + top(callers, 15));
}
// PROFILE_CALLEES=substring: the time below the functions whose name contains it, by the
// FunctionProvider::run (component) or cchc function first reached below them.
if (process.env.PROFILE_CALLEES) {
  const want = process.env.PROFILE_CALLEES;
  const below = new Map();
  profile.samples.forEach((id, i) => {
    const d = (dt[i + 1] ?? 0) / 1000;
    const chain = [];
    for (let at = id; at != null; at = parent.get(at)) chain.push(byId.get(at).callFrame.functionName || '(anon)');
    const k = chain.findIndex((f) => f.includes(want));
    if (k < 0) return;
    // Walk down from the match: the first two cchc frames under it.
    const down = chain.slice(0, k).reverse().filter((f) => f.includes(process.env.PROFILE_FILTER || 'cchc_2021')).slice(0, Number(process.env.PROFILE_DEPTH || 2));
    const key = down.map((f) => f.replace(/::h[0-9a-f]{16}/, '').replace('cchc_2021::', '').slice(0, 100)).join('  >  ') || '(none)';
    below.set(key, (below.get(key) ?? 0) + d);
  });
  console.log(`--- below ${want}\n` + top(below, 40));
}
// PROFILE_SELF_UNDER=substring: self time of the functions run below the ones whose name contains it.
if (process.env.PROFILE_SELF_UNDER) {
  const want = process.env.PROFILE_SELF_UNDER;
  const leaves = new Map();
  profile.samples.forEach((id, i) => {
    const d = (dt[i + 1] ?? 0) / 1000;
    let under = false;
    for (let at = id; at != null; at = parent.get(at)) if ((byId.get(at).callFrame.functionName || '').includes(want)) { under = true; break; }
    if (!under) return;
    const f = byId.get(id).callFrame.functionName || '(anon)';
    leaves.set(f, (leaves.get(f) ?? 0) + d);
  });
  console.log(`--- self time below ${want}\n` + top(leaves, 30));
}
