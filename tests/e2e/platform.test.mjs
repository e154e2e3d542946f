// End-to-end tests of what the platform must guarantee: offline after one visit, any
// sub-path, a new deployment announced, the Content-Security-Policy and no foreign
// requests, text never interpreted as HTML, the crash page, two tabs, both languages, and
// zero axe-core violations on every view.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, appendFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import {
  artifactPath,
  choose,
  distDir,
  fill,
  REPO_ROOT,
  launchBrowser,
  newPage,
  poll,
  requireBuild,
  startServer,
  waitForApp,
  waitForStatus,
  savedText,
} from './harness.mjs';
import { DATA_KEY } from './names.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TEST_TIMEOUT = 90_000;
const PLAN_FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'plans');

let browser;
let server;
const cleanups = [];

before(async () => {
  requireBuild(distDir());
  browser = await launchBrowser();
  server = await startServer(distDir());
});

after(async () => {
  await browser?.close();
  await server?.close();
  for (const clean of cleanups) clean();
});

/** A copy of the build under `<tmp>/<sub>/`, served from `<tmp>`, so the app lives at /<sub>/. */
async function serveCopy(sub) {
  const root = mkdtempSync(join(tmpdir(), 'cchc-e2e-'));
  cpSync(distDir(), join(root, sub), { recursive: true });
  const copy = await startServer(root);
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  return { root, dir: join(root, sub), url: `${copy.url}/${sub}/`, server: copy };
}

function assertClean(log) {
  assert.deepEqual(log.pageErrors, [], 'no uncaught page errors');
  assert.deepEqual(log.consoleErrors, [], 'no console errors');
  assert.deepEqual(log.foreignRequests, [], 'no request to any other origin');
}

async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    return registration.active?.state;
  });
}

test('works offline after one visit, from a sub-path', { timeout: TEST_TIMEOUT }, async () => {
  const site = await serveCopy('cchc');
  try {
    const { context, page, log } = await newPage(browser, { baseURL: site.url });
    await page.goto(site.url);
    await waitForApp(page);
    await waitForServiceWorker(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.ok(scope.endsWith('/cchc/'), `the service worker's scope is the sub-path: ${scope}`);

    await context.setOffline(true);
    await page.reload();
    await waitForApp(page);
    await choose(page, page.locator('select[data-field="unit"]'), '31211');
    const card = page.locator('[data-target="online_work_files"]');
    await fill(page, card.locator('input[data-field="numerator"]'), '7');
    await fill(page, card.locator('input[data-field="denominator"]'), '20');
    await waitForStatus(card, 'met');
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.foreignRequests, []);
    // Every file was requested under the sub-path; nothing escaped to the server root.
    const outside = site.server.requests.filter((r) => !r.path.startsWith('/cchc/'));
    assert.deepEqual(outside, [], 'no request outside /cchc/');
    await context.close();
  } finally {
    await site.server.close();
  }
});

test('only the app\'s own page is the offline app: a guide page next to it never replaces it', { timeout: TEST_TIMEOUT }, async () => {
  const site = await serveCopy('cchc');
  const GUIDE = '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Hướng dẫn</title><h1 data-guide="">Hướng dẫn sử dụng</h1></html>';
  writeFileSync(join(site.dir, 'huong-dan.html'), GUIDE);
  // Whether the page shown (once it has settled: an offline failure shows the browser's
  // error page) is the app.
  const isApp = async (page) => {
    await page.waitForLoadState('load').catch(() => {});
    return poll(
      () => page.evaluate(() => !!document.querySelector('[data-app], [data-prerendered]')).catch(() => null),
      (v) => v !== null,
      { message: 'the page settles' },
    );
  };
  try {
    const { context, page } = await newPage(browser, { baseURL: site.url });
    await page.goto(site.url);
    await waitForApp(page);
    await waitForServiceWorker(page);

    // Offline, the guide (never visited, not part of the build) is not the app.
    await context.setOffline(true);
    await page.goto(`${site.url}huong-dan.html`).catch(() => {});
    assert.equal(await isApp(page), false, 'offline, huong-dan.html does not open the app');

    // Online, the guide is itself; opening it does not make it the offline copy of the app.
    await context.setOffline(false);
    await page.goto(`${site.url}huong-dan.html`);
    await page.locator('[data-guide]').waitFor();
    assert.equal(await isApp(page), false);

    // Offline again: the app (at its root and as index.html) is still the app.
    await context.setOffline(true);
    for (const url of [site.url, `${site.url}index.html`]) {
      await page.goto(url);
      await waitForApp(page);
      assert.equal(await page.locator('[data-guide]').count(), 0, `${url} is the app, not the guide`);
      await choose(page, page.locator('select[data-field="unit"]'), '31211');
    }
    await page.goto(`${site.url}huong-dan.html`).catch(() => {});
    assert.equal(await isApp(page), false, 'still not the app');
    await context.close();
  } finally {
    await site.server.close();
  }
});

test('a new deployment is used on the next online visit and announced; figures survive', { timeout: TEST_TIMEOUT }, async () => {
  const site = await serveCopy('app');
  try {
    const { context, page, log } = await newPage(browser, { baseURL: site.url });
    await page.goto(site.url);
    await waitForApp(page);
    await waitForServiceWorker(page);
    await choose(page, page.locator('select[data-field="unit"]'), '31234');
    await poll(async () => (await savedText(page)) || '', (v) => v.includes('31234'), {
      message: 'the unit is saved',
    });
    assert.equal(await page.locator('[data-banner="update"]').count(), 0, 'no update notice on a first visit');

    // "Deploy" a new version: the service worker's bytes change, as they do for every build.
    appendFileSync(join(site.dir, 'sw.js'), '\n// next deployment\n');
    await page.reload();
    await waitForApp(page);
    await page.locator('[data-banner="update"]').waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await page.locator('select[data-field="unit"]').inputValue(), '31234', 'figures survive the update');
    assertClean(log);
    await context.close();
  } finally {
    await site.server.close();
  }
});

test('a Content-Security-Policy without inline script, and no foreign request', { timeout: TEST_TIMEOUT }, async () => {
  const html = readFileSync(join(distDir(), 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(csp, 'index.html carries a CSP');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*|https?:/);
  assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, 'no inline <script> in index.html');
  assert.doesNotMatch(html, /https?:\/\//, 'index.html names no other origin');

  const { context, page, log } = await newPage(browser, { baseURL: server.url });
  await page.goto(server.url);
  await waitForApp(page);
  for (const view of ['ranking', 'district', 'settings', 'calculator']) {
    await page.click(`[data-view="${view}"]`);
  }
  assertClean(log);
  await context.close();
});

test('unit names and other typed text are shown as text, never run as HTML', { timeout: TEST_TIMEOUT }, async () => {
  const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>"'&`;
  const { context, page, log } = await newPage(browser, { baseURL: server.url });
  await page.goto(server.url);
  await waitForApp(page);
  await choose(page, page.locator('select[data-field="unit"]'), 'other');
  await fill(page, page.locator('input[data-field="unit-name"]'), payload);
  await fill(page, page.locator('input[data-field="profile-name"]'), payload);
  // A figure holds at most 40 characters (issue 10): a payload that fits.
  await fill(page, page.locator('[data-target="recruitment"] input[data-field="numerator"]'), '<img src=x onerror="window.__pwned=3">');
  await page.click('[data-view="ranking"]');
  await page.reload();
  await waitForApp(page);
  await page.click('[data-view="ranking"]');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no payload ran');
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'no element was created from the text');
  const summaryText = await page.locator('[data-summary]').innerText();
  assert.ok(summaryText.includes('<img src=x'), 'the name is shown literally');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a crash shows a friendly page with the saved data to download', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page } = await newPage(browser, { baseURL: server.url });
  await page.goto(server.url);
  await waitForApp(page);
  await choose(page, page.locator('select[data-field="unit"]'), '31240');
  await poll(async () => (await savedText(page)) || '', (v) => v.includes('31240'), {
    message: 'the unit is saved',
  });
  await page.evaluate(() => {
    try {
      window.wasmBindings.cchcSimulateCrash();
    } catch {
      // the wasm trap after the panic hook ran
    }
  });
  const crash = page.locator('[data-crash]');
  await crash.waitFor({ state: 'visible' });
  assert.match(await crash.innerText(), /Rất tiếc, trang vừa gặp lỗi/);
  const href = await page.locator('[data-action="download-saved"]').getAttribute('href');
  assert.ok(decodeURIComponent(href).includes('"unit_id":"31240"'), 'the download carries the saved data');
  await context.close();
});

test('two tabs: the other tab follows an edit, nothing is lost', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, log } = await newPage(browser, { baseURL: server.url });
  await page.goto(server.url);
  await waitForApp(page);
  const second = await context.newPage();
  await second.goto(server.url);
  await waitForApp(second);

  await choose(page, page.locator('select[data-field="unit"]'), '31211');
  const card = (p) => p.locator('[data-target="recruitment"]');
  await fill(page, card(page).locator('input[data-field="numerator"]'), '3');
  await fill(page, card(page).locator('input[data-field="denominator"]'), '3');
  await waitForStatus(card(second), 'met');
  assert.equal(await second.locator('select[data-field="unit"]').inputValue(), '31211');
  await second.locator('[data-banner="synced"]').waitFor({ state: 'visible' });

  // And back: an edit in the second tab reaches the first.
  await fill(second, card(second).locator('input[data-field="numerator"]'), '2');
  await waitForStatus(card(page), 'not-met');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('English and Vietnamese, switchable and remembered, with each one\'s number format', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, log } = await newPage(browser, { baseURL: server.url });
  await page.goto(server.url);
  await waitForApp(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  const card = page.locator('[data-target="satisfaction_admin"]');
  await choose(page, card.locator('select[data-field="entry"]'), 'percent');
  await fill(page, card.locator('input[data-field="percent"]'), '65,5');
  await waitForStatus(card, 'not-met');
  assert.match(await card.innerText(), /65,5%/);
  await page.click('[data-action="language"]');
  await poll(() => page.getAttribute('html', 'lang'), (v) => v === 'en', { message: 'html lang becomes en' });
  assert.match(await card.innerText(), /Achieved: 65\.5%/);
  assert.match(await page.locator('h1').innerText(), /administrative-reform targets/);
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the language is remembered');
  await page.click('[data-action="language"]');
  await poll(() => page.getAttribute('html', 'lang'), (v) => v === 'vi', { message: 'back to vi' });
  assertClean(log);
  await context.close();
});

async function axeViolations(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
}

test('axe-core finds no violation on any view, at 360 and 1280 px', { timeout: TEST_TIMEOUT * 2 }, async () => {
  for (const width of [360, 1280]) {
    // axe is injected as a script, which the app's CSP rightly forbids: bypass it for this test.
    const context = await browser.newContext({ baseURL: server.url, viewport: { width, height: 800 }, bypassCSP: true, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForApp(page);
    await choose(page, page.locator('select[data-field="unit"]'), '31211');
    await fill(page, page.locator('[data-target="recruitment"] input[data-field="numerator"]'), 'abc');
    await page.locator('[data-explain] summary').click();
    const problems = {};
    problems.calculator = await axeViolations(page);
    await page.click('[data-view="ranking"]');
    await fill(page, page.locator('tr[data-unit="31231"] input[data-field="peer-score"]'), 'x');
    problems['ranking with an error'] = await axeViolations(page);
    await page.screenshot({ path: artifactPath(`axe-ranking-${width}.png`), fullPage: true });
    // The plans view (issue 12): the list, a plan link shown, a plan added from a file.
    await page.click('[data-view="plans"]');
    const builtinPlan = page.locator('li[data-plan-id="vinh-thanh-2021"]');
    await builtinPlan.locator('[data-action="share-plan"]').click();
    await builtinPlan.locator('[data-plan-link]').waitFor();
    await page.locator('input[data-field="import-plan"]').setInputFiles(join(PLAN_FIXTURES, 'can-tho-2026-one-place.json'));
    await page.locator('[data-plans-added]').waitFor();
    problems.plans = await axeViolations(page);
    // The plan editor, on a copy of the built-in plan, with a problem shown next to its field.
    await builtinPlan.locator('[data-action="edit-plan"]').click();
    await page.locator('[data-plan-editor]').waitFor();
    const threshold = 'plan.targets[0].applies.commune';
    await fill(page, page.locator(`[data-plan-field="${threshold}"]:not([type="checkbox"])`), '87,125');
    await page.locator(`[data-problem="${threshold}"]`).waitFor();
    problems['plan editor with a problem'] = await axeViolations(page);
    await page.screenshot({ path: artifactPath(`axe-plan-editor-${width}.png`), fullPage: true });
    await page.click('[data-action="close-plan-editor"]');
    await page.click('[data-view="settings"]');
    await page.click('[data-action="demo-start"]');
    for (const view of ['settings', 'ranking', 'district']) {
      await page.click(`[data-view="${view}"]`);
      problems[`${view} (demo)`] = await axeViolations(page);
    }
    await context.close();
    for (const [view, list] of Object.entries(problems)) {
      assert.deepEqual(list, [], `axe violations on ${view} at ${width}px`);
    }
  }
});

test('axe-core finds no violation on the plans view with a refused plan file', { timeout: TEST_TIMEOUT }, async () => {
  for (const width of [360, 1280]) {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width, height: 800 }, bypassCSP: true, locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await waitForApp(page);
      await page.click('[data-view="plans"]');
      await page
        .locator('input[data-field="import-plan"]')
        .setInputFiles([join(PLAN_FIXTURES, 'refused', 'threshold-87.125.json'), join(PLAN_FIXTURES, 'refused', 'unknown-kind.json')]);
      await poll(() => page.locator('[data-plan-error]').count(), (n) => n === 2, { message: 'both files refused' });
      assert.deepEqual(await axeViolations(page), [], `axe violations on the plans view with refused files at ${width}px`);
    } finally {
      await context.close();
    }
  }
});

test('the whole flow works with the keyboard alone, with a visible focus', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, log } = await newPage(browser, { baseURL: server.url, viewport: { width: 360, height: 740 } });
  await page.goto(server.url);
  await waitForApp(page);
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    const style = getComputedStyle(e);
    return { field: e.dataset.field || e.dataset.view || e.dataset.action || e.tagName, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  // Tab to the unit picker (past the language button, the profile bar and the views).
  let current;
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    current = await focused();
    if (current.field === 'unit') break;
  }
  assert.equal(current.field, 'unit', 'Tab reaches the unit picker');
  assert.notEqual(current.outline, 'none', 'the focus is visible');
  assert.ok(current.width >= 2, `a clear focus ring (${current.width}px)`);
  // Choose a unit with the arrow keys.
  await page.keyboard.press('ArrowDown');
  await poll(() => page.locator('select[data-field="unit"]').inputValue(), (v) => v !== '', { message: 'a unit is chosen' });
  // On to the first card's fields, and type.
  for (let i = 0; i < 10 && (await focused()).field !== 'numerator'; i++) await page.keyboard.press('Tab');
  assert.equal((await focused()).field, 'numerator', 'Tab reaches the first numerator');
  await page.keyboard.type('7');
  await page.keyboard.press('Tab');
  assert.equal((await focused()).field, 'denominator');
  await page.keyboard.type('20');
  await waitForStatus(page.locator('[data-target="online_work_files"]'), 'met');
  // The result is announced: the live region holds the new score.
  const live = await page.locator('[data-summary] [aria-live="polite"]').innerText();
  assert.match(live, /12,5\/100/);
  assert.match(live, /Đạt 1\/8 chỉ tiêu/);
  // Views switch from the keyboard too.
  await page.focus('[data-view="ranking"]');
  await page.keyboard.press('Enter');
  await page.locator('tr[data-unit]').first().waitFor();
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
