// Where a keystroke's time goes (a diagnostic, not a benchmark): the plan-scale page of
// bench/browser.mjs, N keystrokes at 4x CPU slowdown under the CDP profiler; prints the
// functions with the most self time. Use a build whose wasm keeps its names.
//   node bench/profile-keystrokes.mjs DIST [N]
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { BLANK_PAGES, dropCssRules, installKeystrokeProbe, openForTyping, typeOne } from './keystroke-page.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(join(ROOT, 'package.json'))('playwright-core');
const [dist, n = '60'] = process.argv.slice(2);

const browser = await chromium.launch({ executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const server = await serve(dist, { pages: BLANK_PAGES });
const context = await browser.newContext();
const page = await context.newPage();
// PROFILE_2021=1: the 2021 page of the `keystrokes` scenario instead (Xã Vĩnh Bình, recruitment).
const { input } = await openForTyping(page, server.url, { plan: !process.env.PROFILE_2021 });
// PROFILE_DROP_CSS=text: the style rules whose selector contains it are deleted first (an experiment).
if (process.env.PROFILE_DROP_CSS) console.log('css rules dropped:', await dropCssRules(page, process.env.PROFILE_DROP_CSS));
await input.focus();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await installKeystrokeProbe(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
for (let i = 0; i < Number(n); i++) await typeOne(page, i);
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
// PROFILE_MATCH=substring: inclusive time of every function whose name contains it.
if (process.env.PROFILE_MATCH) {
  const rows = [...incl].filter(([f]) => f.includes(process.env.PROFILE_MATCH)).map(([f, t]) => [f.replace(/::h[0-9a-f]{16}/, '').replace(/cchc_2021::app::components::/g, ''), t]);
  console.log(`--- inclusive, ${process.env.PROFILE_MATCH}\n` + top(new Map(rows), 40));
}
