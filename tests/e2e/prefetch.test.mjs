// End-to-end tests of the idle prefetch of the on-demand views (issue 14, src/app/lazy.rs):
// after the first result is shown, in idle time, the app fetches, compiles and instantiates
// every on-demand module (one at a time, after the service worker, if any, has precached
// them), then marks <html data-views-prefetched>; opening a view then only renders it. The
// prefetch never holds up typing, works offline after one visit and under a sub-path.
//
// They test the split build (scripts/build.sh). On a one-module build made on purpose
// (CCHC_UNSPLIT=1) the module checks are skipped (there the attribute is set at once).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { choose, distDir, launchBrowser, newPage, requireBuild, startServer, waitForApp } from './harness.mjs';

const TEST_TIMEOUT = 90_000;

// Each view: how to open it and what shows it is there.
const VIEWS = [
  { view: 'ranking', open: '[data-view="ranking"]', marker: 'table.bloc-table' },
  { view: 'district', open: '[data-view="district"]', marker: '[data-district]' },
  { view: 'settings', open: '[data-view="settings"]', marker: '[data-settings]' },
  { view: 'plans', open: '[data-view="plans"]', marker: '[data-plans]' },
  { view: 'data', open: '[data-view="data"]', marker: '[data-data-view]' },
  // The print view opens from the data view.
  { view: 'print', open: '[data-action="print"]', marker: '[data-print]' },
];

let browser;
let server;
let modules = null; // split-modules.json of the build, or null for a one-module build
const cleanups = [];

before(async () => {
  const dir = requireBuild(distDir());
  const manifest = join(dir, 'split-modules.json');
  if (existsSync(manifest)) modules = JSON.parse(readFileSync(manifest, 'utf8'));
  browser = await launchBrowser();
  server = await startServer(dir);
});

after(async () => {
  await browser?.close();
  await server?.close();
  for (const clean of cleanups) clean();
});

function requireSplit(t) {
  if (modules) return true;
  if (process.env.CCHC_UNSPLIT === '1') {
    t.skip('a one-module build (CCHC_UNSPLIT=1)');
    return false;
  }
  assert.fail(`${distDir()} is not a split build (no split-modules.json): did scripts/build.sh fall back?`);
}

const isModule = (path) => modules.onDemand.some((m) => path.endsWith(`/${m.file}`));

/** Waits for the end of the idle prefetch; its value: "" all loaded, "failed" otherwise. */
async function waitForPrefetch(page) {
  await page.locator('html[data-views-prefetched]').waitFor({ state: 'attached', timeout: 30_000 });
  return page.evaluate(() => document.documentElement.dataset.viewsPrefetched);
}

/** Records whether a `[data-loading]` status ever shows from now on. */
async function watchLoading(page) {
  await page.evaluate(() => {
    window.sawLoading = 0;
    new MutationObserver(() => {
      if (document.querySelector('[data-loading]')) window.sawLoading += 1;
    }).observe(document.body, { childList: true, subtree: true });
  });
}

/** Opens every view in turn; each must draw without a loading status. */
async function openEveryView(page) {
  await watchLoading(page);
  for (const { view, open, marker } of VIEWS) {
    await page.locator(open).click();
    await page.locator(marker).first().waitFor({ state: 'visible' });
    assert.equal(await page.evaluate(() => window.sawLoading), 0, `${view} drew at once, without downloading`);
  }
}

/** A copy of the build under `<tmp>/<sub>/`, served from `<tmp>`, so the app lives at /<sub>/. */
async function serveCopy(sub) {
  const root = mkdtempSync(join(tmpdir(), 'cchc-e2e-'));
  cpSync(distDir(), join(root, sub), { recursive: true });
  const copy = await startServer(root);
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  return { url: `${copy.url}/${sub}/`, server: copy };
}

test('after the first result the on-demand modules are prefetched in idle time, and the views then only render', { timeout: TEST_TIMEOUT }, async (t) => {
  if (!requireSplit(t)) return;
  // No service worker: the page's own requests are the only ones.
  const { context, page, log } = await newPage(browser, {
    baseURL: server.url,
    initScript: () => {
      delete Navigator.prototype.serviceWorker;
    },
  });
  // Whether the live app showed its result when each module was asked for.
  const early = [];
  await page.route(
    (url) => isModule(url.pathname),
    async (route) => {
      const live = await page
        .evaluate(() => !document.querySelector('[data-prerendered]') && !!document.querySelector('[data-summary]'))
        .catch(() => false);
      if (!live) early.push(route.request().url());
      await route.continue();
    },
  );
  const first = server.requests.length;
  await page.goto(server.url);
  await waitForApp(page);
  assert.equal(await waitForPrefetch(page), '', 'every module prefetched');
  assert.deepEqual(early, [], 'no module is asked for before the first result shows');
  const fetched = server.requests.slice(first).filter((r) => isModule(r.path));
  for (const m of modules.onDemand) {
    assert.equal(fetched.filter((r) => r.path.endsWith(`/${m.file}`)).length, 1, `${m.file} (${m.views.join(', ')}) fetched once`);
  }

  // Opening a view now downloads nothing and shows no loading status.
  const before = server.requests.length;
  await openEveryView(page);
  assert.deepEqual(server.requests.slice(before), [], 'opening the views downloaded nothing');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test('typing while the modules are prefetched still updates the summary at once', { timeout: TEST_TIMEOUT }, async (t) => {
  if (!requireSplit(t)) return;
  const { context, page, log } = await newPage(browser, {
    baseURL: server.url,
    initScript: () => {
      delete Navigator.prototype.serviceWorker;
    },
  });
  // The modules are let through one at a time, each after a keystroke has been typed and
  // shown in the summary: every keystroke lands while the prefetch is under way.
  let release = [];
  let asked = 0;
  let onAsk = () => {};
  await page.route(
    (url) => isModule(url.pathname),
    async (route) => {
      asked += 1;
      onAsk();
      await new Promise((resolve) => release.push(resolve));
      await route.continue();
    },
  );
  await page.goto(server.url);
  await waitForApp(page);
  await choose(page, page.locator('select[data-field="unit"]'), '31211');
  const card = page.locator('[data-target="online_work_files"]');
  await card.locator('input[data-field="denominator"]').fill('20');
  const numerator = card.locator('input[data-field="numerator"]');
  const summary = page.locator('[data-summary]');
  await numerator.focus();
  if (asked === 0) {
    let timer;
    await Promise.race([
      new Promise((resolve) => (onAsk = resolve)),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no module was prefetched within 20 s')), 20_000))),
    ]).finally(() => clearTimeout(timer));
  }

  let typed = 0;
  while (!(await page.evaluate(() => document.documentElement.hasAttribute('data-views-prefetched')))) {
    const score = await summary.getAttribute('data-score');
    await page.keyboard.press(typed % 2 ? 'Backspace' : '7');
    typed += 1;
    // The keystroke shows in the summary without any module being let through.
    await page.waitForFunction(
      (before) => document.querySelector('[data-summary]').getAttribute('data-score') !== before,
      score,
      { timeout: 2_000 },
    );
    const waiting = release;
    release = [];
    for (const go of waiting) go();
    await page.waitForTimeout(0);
    if (typed > 200) assert.fail('the prefetch never finished');
  }
  assert.ok(typed >= 2, `keystrokes typed during the prefetch: ${typed}`);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.viewsPrefetched), '');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test('offline after one visit, under a sub-path, the prefetch loads every module and every view opens at once', { timeout: TEST_TIMEOUT }, async (t) => {
  if (!requireSplit(t)) return;
  const site = await serveCopy('cchc');
  try {
    const { context, page, log } = await newPage(browser, { baseURL: site.url });
    await page.goto(site.url);
    await waitForApp(page);
    // The prefetch waits for the service worker, which precaches every module, so that
    // the modules come over the network once.
    assert.equal(await waitForPrefetch(page), '');
    const online = site.server.requests.filter((r) => r.path.startsWith('/cchc/') && isModule(r.path));
    for (const m of modules.onDemand) {
      assert.equal(online.filter((r) => r.path.endsWith(`/${m.file}`)).length, 1, `${m.file} downloaded once (worker and page)`);
    }

    await context.setOffline(true);
    await page.reload();
    await waitForApp(page);
    assert.equal(await waitForPrefetch(page), '', 'offline, every module loads from the service worker');
    await openEveryView(page);
    assert.equal(await page.locator('[data-loading="failed"]').count(), 0);
    const outside = site.server.requests.filter((r) => !r.path.startsWith('/cchc/'));
    assert.deepEqual(outside, [], 'no request outside /cchc/');
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  } finally {
    await site.server.close();
  }
});
