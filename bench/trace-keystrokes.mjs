// Where a 2021 keystroke's time goes, by kind of browser work (a diagnostic, not a
// benchmark): the page of bench/browser.mjs's `keystrokes` scenario (Xã Vĩnh Bình,
// recruitment), N keystrokes at 4x CPU slowdown under a Chromium trace; prints the time per
// trace event name on the page's main thread (script, style, layout, paint...) per keystroke.
//   node bench/trace-keystrokes.mjs DIST [N]
// TRACE_PLAN=1: the plan-scale page (170-unit bloc, 40 targets) instead. TRACE_CSS: rules added.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { BLANK_PAGES, dropCssRules, installKeystrokeProbe, openForTyping, typeOne } from './keystroke-page.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(join(ROOT, 'package.json'))('playwright-core');
const [dist, n = '100'] = process.argv.slice(2);

const browser = await chromium.launch({ executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const server = await serve(dist, { pages: BLANK_PAGES });
const context = await browser.newContext();
const page = await context.newPage();
const { input } = await openForTyping(page, server.url, { plan: Boolean(process.env.TRACE_PLAN) });
// TRACE_CSS='rules': added to the page first (an experiment), through the CSSOM: the
// page's CSP refuses a <style> element.
if (process.env.TRACE_CSS) {
  await page.evaluate((rules) => {
    const sheet = [...document.styleSheets].at(-1);
    for (const rule of rules.split('}').filter((r) => r.trim())) sheet.insertRule(rule + '}', sheet.cssRules.length);
  }, process.env.TRACE_CSS);
}
// TRACE_DROP_CSS=text: the style rules whose selector contains it are deleted first.
if (process.env.TRACE_DROP_CSS) console.log('css rules dropped:', await dropCssRules(page, process.env.TRACE_DROP_CSS));
await input.focus();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await installKeystrokeProbe(page);
await page.waitForTimeout(3000); // the first autosave is over

const events = [];
cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
await cdp.send('Tracing.start', {
  transferMode: 'ReportEvents',
  traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'toplevel'] },
});
for (let i = 0; i < Number(n); i++) await typeOne(page, i);
await cdp.send('Tracing.end');
await done;
const lat = (await page.evaluate(() => window.__keys.latencies)).sort((a, b) => a - b);
console.log('latency p50', lat[Math.floor(lat.length / 2)].toFixed(1), 'p95', lat[Math.ceil(lat.length * 0.95) - 1].toFixed(1));

// The renderer's main thread: the thread of the most 'EventDispatch' events.
const count = new Map();
for (const e of events) if (e.name === 'EventDispatch') count.set(`${e.pid}:${e.tid}`, (count.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
const main = [...count].sort((a, b) => b[1] - a[1])[0][0];
const mine = events.filter((e) => `${e.pid}:${e.tid}` === main && (e.ph === 'X' || e.ph === 'B' || e.ph === 'E')).sort((a, b) => a.ts - b.ts);
// Self time per event name: complete events nest; the innermost open event owns the time.
const self = new Map();
const stack = [];
const close = (upTo) => {
  while (stack.length && stack[stack.length - 1].end <= upTo) {
    const top = stack.pop();
    const from = Math.max(top.cursor, top.start);
    self.set(top.name, (self.get(top.name) ?? 0) + Math.max(0, top.end - from));
    if (stack.length) stack[stack.length - 1].cursor = top.end;
  }
};
const open = [];
for (const e of mine) {
  if (e.ph === 'B') { open.push(e); continue; }
  let start = e.ts, end = e.ts + (e.dur ?? 0), name = e.name;
  if (e.ph === 'E') {
    const b = open.pop();
    if (!b) continue;
    start = b.ts; name = b.name; end = e.ts;
    continue; // B/E pairs are rare on this thread; left out of the nesting
  }
  close(start);
  if (stack.length) {
    const top = stack[stack.length - 1];
    self.set(top.name, (self.get(top.name) ?? 0) + Math.max(0, start - Math.max(top.cursor, top.start)));
    top.cursor = start;
  }
  stack.push({ name, start, end, cursor: start });
}
close(Infinity);
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`main thread busy ${(total / 1000 / Number(n)).toFixed(2)} ms per keystroke; self time by event (ms per keystroke):`);
for (const [name, us] of rows) console.log(`  ${(us / 1000 / Number(n)).toFixed(2).padStart(7)}  ${name}`);
// The tasks per keystroke: how many top-level tasks ran, and how long (the keystroke's own
// and what follows it: effects, timers, rendering).
{
  const tasks = mine.filter((e) => e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask'));
  const top = [];
  let end = -1;
  for (const e of tasks) if (e.ts >= end) { top.push(e); end = e.ts + (e.dur ?? 0); }
  const long = top.filter((e) => e.dur > 5000);
  const sum = long.reduce((a, e) => a + e.dur, 0);
  console.log(`tasks over 5 ms: ${(long.length / Number(n)).toFixed(2)} per keystroke, ${(sum / 1000 / Number(n)).toFixed(1)} ms per keystroke; over 50 ms: ${(top.filter((e) => e.dur > 50000).length / Number(n)).toFixed(2)} per keystroke`);
}
// TRACE_DUMP=name: the events of that name (args, durations) of the 10th to 12th keystrokes.
if (process.env.TRACE_DUMP) {
  const named = mine.filter((e) => e.name === process.env.TRACE_DUMP);
  const keys = mine.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  const [from, to] = [keys[10]?.ts ?? 0, keys[13]?.ts ?? Infinity];
  for (const e of named.filter((e) => e.ts >= from && e.ts < to)) console.log(((e.ts - from) / 1000).toFixed(1), ((e.dur ?? 0) / 1000).toFixed(2), JSON.stringify(e.args).slice(0, 300));
}
await browser.close();
await server.close();
