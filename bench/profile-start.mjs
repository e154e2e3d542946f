// The page's start-up on the mobile profile (4x CPU, Lighthouse's network), traced: the
// main thread's long tasks with what runs in each (wasm compile/instantiate, main(), the
// first render, the prefetch), and, with a name-keeping wasm, a CPU profile's heaviest
// functions per task (issue 14).
//
// Usage: node bench/profile-start.mjs DIST [SECONDS=8] [OUT.json]
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { serve } from './serve.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';

const require = createRequire(import.meta.url);
// Lighthouse's mobile profile, as bench/browser.mjs (which runs when imported).
const MOBILE = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, cpu: 4 };
const { chromium } = require('playwright-core');
const [dist, seconds = '8', out] = process.argv.slice(2);
const server = await serve(dist);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: 'vi-VN' });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: MOBILE.latency, downloadThroughput: MOBILE.downloadThroughput, uploadThroughput: MOBILE.uploadThroughput });
await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE.cpu });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
const events = [];
cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
const traced = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing', 'loading'] } });
await cdp.send('Profiler.start');
await page.goto(server.url + '/');
await page.waitForTimeout(Number(seconds) * 1000);
const { profile } = await cdp.send('Profiler.stop');
await cdp.send('Tracing.end');
await traced;
await browser.close();
await server.close?.();

// The renderer's main thread: the thread with the page's navigation.
const threads = new Map();
for (const e of events) if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
const count = new Map();
for (const e of events) if (threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain') count.set(`${e.pid}:${e.tid}`, (count.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
const main = [...count].sort((a, b) => b[1] - a[1])[0][0];
const mine = events.filter((e) => `${e.pid}:${e.tid}` === main);
const t0 = Math.min(...mine.filter((e) => e.name === 'navigationStart' || e.name === 'CommitLoad' || e.name === 'ResourceSendRequest').map((e) => e.ts));
const ms = (ts) => Math.round((ts - t0) / 1000);
const marks = events.filter((e) => ['firstContentfulPaint', 'largestContentfulPaint::Candidate', 'domContentLoadedEventEnd', 'loadEventEnd'].includes(e.name) || (e.cat ?? '').includes('blink.user_timing'));
console.log('marks:', marks.map((e) => `${e.name}@${ms(e.ts)}`).join(' '));
// Profile samples by time, to name what runs in each task.
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
let t = profile.startTime;
const samples = profile.samples.map((id, i) => ((t += profile.timeDeltas[i]), { id, ts: t }));
const label = (n) => `${n.callFrame.functionName || '(anon)'}${n.callFrame.url ? '' : ''}`;
const tasks = mine.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.dur >= 50_000);
const report = [];
for (const task of tasks) {
  const inside = mine.filter((e) => e !== task && e.ph === 'X' && e.ts >= task.ts && e.ts < task.ts + task.dur && e.dur >= 5_000);
  const what = inside.map((e) => `${e.name}${e.args?.data?.functionName ? ' ' + e.args.data.functionName : ''}${e.args?.data?.url ? ' ' + e.args.data.url.split('/').pop().slice(0, 24) : ''} ${Math.round(e.dur / 1000)}`);
  const self = new Map();
  for (const s of samples) if (s.ts >= task.ts && s.ts < task.ts + task.dur) {
    const name = label(nodes.get(s.id));
    self.set(name, (self.get(name) ?? 0) + 1);
  }
  // Inclusive: every function on the sample's stack, once.
  const incl = new Map();
  for (const s of samples) if (s.ts >= task.ts && s.ts < task.ts + task.dur) {
    const seen = new Set();
    for (let n = nodes.get(s.id); n; n = parent.get(n.id)) {
      const name = label(n);
      if (seen.has(name)) continue;
      seen.add(name);
      incl.set(name, (incl.get(name) ?? 0) + 1);
    }
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, c]) => `${n} ${Math.round((100 * c) / total)}%`);
  const inclTop = [...incl].sort((a, b) => b[1] - a[1]).filter(([n]) => /cchc_2021|yew::|app|main|render|view/.test(n)).slice(0, Number(process.env.TOP ?? 25)).map(([n, c]) => `${n.replace(/::h[0-9a-f]{16}/, '').slice(0, 110)} ${Math.round((100 * c) / total)}%`);
  report.push({ at: ms(task.ts), duration: Math.round(task.dur / 1000), what: what.slice(0, 14), selfTop: top });
  console.log(`task @${ms(task.ts)} ms, ${Math.round(task.dur / 1000)} ms\n   ${what.slice(0, 14).join('\n   ')}\n   self: ${top.join(', ')}${task.dur > 200_000 ? '\n   inclusive:\n     ' + inclTop.join('\n     ') : ''}`);
}
if (out) writeFileSync(out, JSON.stringify({ report, profile }, null, 1));
