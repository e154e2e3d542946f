// What a 2021 keystroke changes in the page (a deterministic diagnostic, unlike timings on a
// shared machine): the DOM mutations from the keystroke until the page is quiet, by kind and
// by the nearest element with a class or data attribute.
//   node bench/mutations-per-keystroke.mjs DIST [N]
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { openForTyping } from './keystroke-page.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(join(ROOT, 'package.json'))('playwright-core');
const [dist, n = '20'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const server = await serve(dist);
const page = await (await browser.newContext()).newPage();
// MUT_PLAN=1: the plan-scale page (170-unit bloc, 40 targets) instead.
await openForTyping(page, server.url, { plan: Boolean(process.env.MUT_PLAN) });
await page.evaluate(() => {
  const where = (node) => {
    let e = node.nodeType === 1 ? node : node.parentElement;
    while (e && !(e.className && typeof e.className === 'string') && !e.getAttributeNames().some((a) => a.startsWith('data-'))) e = e.parentElement;
    if (!e) return '?';
    const data = e.getAttributeNames().filter((a) => a.startsWith('data-'))[0];
    return `${e.tagName.toLowerCase()}${data ? `[${data}]` : ''}${typeof e.className === 'string' && e.className ? '.' + e.className.split(' ')[0] : ''}`;
  };
  window.__mut = { total: 0, by: {} };
  new MutationObserver((list) => {
    for (const m of list) {
      const n = m.type === 'childList' ? m.addedNodes.length + m.removedNodes.length : 1;
      const k = `${m.type}${m.attributeName ? ' ' + m.attributeName : ''} @ ${where(m.target)}`;
      window.__mut.total += n;
      window.__mut.by[k] = (window.__mut.by[k] ?? 0) + n;
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
});
for (let i = 0; i < Number(n); i++) {
  const before = await page.evaluate(() => window.__mut.total);
  await page.keyboard.press(i % 2 === 0 ? '5' : 'Backspace');
  await page.waitForFunction((b) => window.__mut.total > b, before, { polling: 5 });
}
await page.waitForTimeout(2500); // the debounced save and its bookkeeping
const { total, by } = await page.evaluate(() => window.__mut);
console.log(`${(total / Number(n)).toFixed(1)} DOM mutations per keystroke`);
for (const [k, v] of Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${(v / Number(n)).toFixed(2).padStart(7)}  ${k}`);
await browser.close();
await server.close();
