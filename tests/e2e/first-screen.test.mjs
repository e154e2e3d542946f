// End-to-end tests of the pre-rendered first screen: index.html carries the calculator's
// first screen (rendered at build time by src/bin/prerender.rs), so on a slow connection the
// unit picker and the inputs take typing before the wasm has arrived. The app then replaces
// that screen, keeps everything typed on it and puts the caret back.
// The wasm is held back by the test (a route that answers only when told), not by timing.
// Run from the repository root after `trunk build --release`:
//     node --test tests/e2e/first-screen.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choose, fill, poll, seedStorage, useSuite, waitForApp, waitForSaved, waitForStatus, waitForSummary } from './harness.mjs';
import { DATA_KEY, card, field, unit } from './app.mjs';

const { withPage } = useSuite('first-screen');

/** Opens the page with the wasm held back; returns a function that lets it through. */
async function openWithWasmHeld(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  let asked;
  const wasmAsked = new Promise((resolve) => (asked = resolve));
  await page.route('**/*.wasm', async (route) => {
    asked();
    await released;
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await wasmAsked;
  return release;
}

/** The controls of the page in order, as `tag[data-field]@data-target`, within `root`. */
const controls = (page, root) =>
  page.locator(root).evaluate((element) =>
    [...element.querySelectorAll('input, select, button')].map((c) => {
      const card = c.closest('[data-target]');
      const name = c.dataset.field ?? c.dataset.action ?? c.dataset.view ?? '';
      return `${c.tagName.toLowerCase()}[${name}]${card ? '@' + card.dataset.target : ''}`;
    }),
  );

test('typing on the first screen before the app has loaded is kept, caret and all', async (t) => {
  await withPage(t, {}, async ({ page }) => {
    const release = await openWithWasmHeld(page);
    const screen = page.locator('[data-prerendered]');
    assert.equal(await screen.count(), 1, 'the page carries the pre-rendered first screen');
    assert.equal(await page.locator('[data-app]').count(), 1, 'only the pre-rendered screen is there yet');

    // A person starts working while the app is still on its way.
    await choose(page, unit(page), '31231');
    const c = card(page, 'tthc_online_l34');
    await fill(page, field(c, 'numerator'), '13');
    await fill(page, field(c, 'denominator'), '20');
    assert.equal(await screen.count(), 1, 'still the pre-rendered screen: the wasm is held back');

    release();
    await waitForApp(page);

    // The live app shows what was typed and computes with it: 13 of 20 is exactly 65 %.
    assert.equal(await unit(page).inputValue(), '31231');
    assert.equal(await field(c, 'numerator').inputValue(), '13');
    assert.equal(await field(c, 'denominator').inputValue(), '20');
    await waitForStatus(c, 'met');
    await waitForSummary(page, { met: '1' });

    // The caret is back in the denominator, at its end: typing goes on where it was.
    await poll(
      () => page.evaluate(() => document.activeElement?.matches('[data-target="tthc_online_l34"] [data-field="denominator"]')),
      (focused) => focused === true,
      { message: 'the denominator has the keyboard again' },
    );
    await page.keyboard.type('0');
    assert.equal(await field(c, 'denominator').inputValue(), '200');
    await waitForStatus(c, 'not-met');
    await waitForSaved(page, ['31231', '200']);
  });
});

test('typing straight through the moment the app takes over loses no keystroke', async (t) => {
  await withPage(t, {}, async ({ page }) => {
    const release = await openWithWasmHeld(page);
    const c = card(page, 'tthc_online_l34');
    await field(c, 'numerator').click();
    release();
    // Forty keys a few milliseconds apart: some land on the first screen, some during the
    // takeover, the rest on the live app.
    const digits = '1234567890123456789012345678901234567890';
    await page.keyboard.type(digits, { delay: 15 });
    await waitForApp(page);
    assert.equal(await field(c, 'numerator').inputValue(), digits);
    await waitForSaved(page, [digits]);
  });
});

test('a tab and the language tapped on the first screen are where the app opens', async (t) => {
  await withPage(t, {}, async ({ page }) => {
    const release = await openWithWasmHeld(page);
    const screen = page.locator('[data-prerendered]');
    await screen.locator('[data-action="language"]').click();
    await screen.locator('[data-view="ranking"]').click();
    assert.equal(await screen.locator('[data-view="ranking"]').getAttribute('aria-current'), 'page', 'the tapped tab is marked');
    release();
    await screen.waitFor({ state: 'detached', timeout: 15_000 });
    await page.locator('table.bloc-table').waitFor();
    assert.equal(await page.locator('[data-view="ranking"]').getAttribute('aria-current'), 'page');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  });
});

/** Runs in the page before its scripts: adds up the layout shifts (CLS). */
function countLayoutShifts() {
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
}

test('the first screen is the app\'s own first screen: the same controls, in the same order, nothing moves', async (t) => {
  await withPage(t, { initScript: countLayoutShifts }, async ({ page }) => {
    const release = await openWithWasmHeld(page);
    const before = await controls(page, '[data-prerendered]');
    assert.ok(before.includes('select[unit]'), `the unit picker is on the first screen: ${before}`);
    assert.ok(before.includes('input[numerator]@online_work_files'), 'the inputs are on the first screen');
    release();
    await waitForApp(page);
    assert.deepEqual(await controls(page, '[data-app]'), before);
    // The app takes the first screen's place in one step: the two are never on screen
    // together, so nothing on the page moves (layout shift, as Lighthouse's CLS counts it).
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift < 0.01, `the page moved while the app took over: layout shift ${shift}`);
  });
});

test('a returning user never sees the fresh first screen, and the saved figures stay', async (t) => {
  await withPage(t, {}, async ({ page }) => {
    const saved = {
      format: 'cchc-2021',
      version: 1,
      data: {
        profiles: [{ id: 'p1', profile: { bloc: 'commune', unit_id: '31232', entries: { tthc_online_l34: { mode: 'counts', numerator: '7', denominator: '10' } } } }],
        active: 'p1',
      },
    };
    await seedStorage(page, { [DATA_KEY]: JSON.stringify(saved) });

    // The first screen shows a fresh start, which would be the wrong figures for this user.
    const release = await openWithWasmHeld(page);
    const screen = page.locator('[data-prerendered]');
    await poll(() => screen.evaluate((e) => e.hidden), (hidden) => hidden === true, {
      message: 'the first screen is hidden when figures are saved',
    });
    release();
    await waitForApp(page);
    const c = card(page, 'tthc_online_l34');
    assert.equal(await unit(page).inputValue(), '31232');
    assert.equal(await field(c, 'numerator').inputValue(), '7');
    await waitForStatus(c, 'met');
    await waitForSaved(page, ['31232', '7']);
  });
});
