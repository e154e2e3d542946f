// Where a keystroke's latency goes (a diagnostic, not a benchmark): the latency of
// bench/keystroke-page.mjs (keydown's timestamp to the summary's data-score changing, 4x CPU
// slowdown) split into three phases, for builds measured alternately, round by round:
//   queue   - the event's timestamp to the keydown listener: the page was busy (a frame, a
//             save, the previous keystroke's layout) when the key came;
//   browser - keydown to the input event: the browser inserting the character (its forced
//             layouts, the caret);
//   app     - the input event to data-score: the app's reducer, render and DOM changes.
//   node bench/keystroke-phases.mjs DIST... [N]
// PHASES_PLAN=1: the plan-scale page (170-unit bloc, 40 targets). PHASES_ROUNDS (default 2).
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { BLANK_PAGES, openForTyping } from './keystroke-page.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(join(ROOT, 'package.json'))('playwright-core');
const args = process.argv.slice(2);
const n = /^\d+$/.test(args.at(-1) ?? '') ? Number(args.pop()) : 100;
const dists = args;
if (!dists.length) {
  console.error('usage: node bench/keystroke-phases.mjs DIST... [N]');
  process.exit(2);
}
const plan = Boolean(process.env.PHASES_PLAN);
const rounds = Number(process.env.PHASES_ROUNDS) || 2;
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

const browser = await chromium.launch({ executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const servers = [];
for (const dist of dists) servers.push(await serve(dist, { pages: BLANK_PAGES }));
const phases = dists.map(() => ({ total: [], queue: [], browser: [], app: [] }));
try {
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < dists.length; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const { input } = await openForTyping(page, servers[i].url, { plan });
      await input.focus();
      await page.evaluate(() => {
        const k = (window.__phases = { rows: [], current: null });
        document.addEventListener('keydown', (e) => (k.current = { stamp: e.timeStamp, keydown: performance.now() }), true);
        document.addEventListener('input', () => k.current && (k.current.input = performance.now()), true);
        new MutationObserver(() => {
          if (!k.current) return;
          k.rows.push({ ...k.current, score: performance.now() });
          k.current = null;
        }).observe(document.querySelector('[data-summary]'), { attributes: true, attributeFilter: ['data-score'] });
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      for (let key = 0; key < n; key++) {
        await page.keyboard.press(key % 2 === 0 ? '5' : 'Backspace');
        await page.waitForFunction((m) => window.__phases.rows.length >= m, key + 1, { polling: 5 });
      }
      for (const row of await page.evaluate(() => window.__phases.rows)) {
        phases[i].total.push(row.score - row.stamp);
        phases[i].queue.push(row.keydown - row.stamp);
        phases[i].browser.push(row.input - row.keydown);
        phases[i].app.push(row.score - row.input);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  for (const server of servers) await server.close();
}
for (const [i, dist] of dists.entries()) {
  console.log(dist);
  for (const [name, values] of Object.entries(phases[i])) {
    console.log(`  ${name.padEnd(8)} p50 ${percentile(values, 50).toFixed(1).padStart(6)}  p95 ${percentile(values, 95).toFixed(1).padStart(6)} ms`);
  }
}
