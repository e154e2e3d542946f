// End-to-end tests of two tabs on one browser's saved data (issue 10, items 2 to 4): two
// pages of ONE browser context, the second CPU-throttled (an old office PC, a background
// tab), typing at human speed in both. Nothing typed is lost, each tab keeps its own
// profile, the later of two edits of one field is kept and the other tab is told, and data
// of a newer version is never written over.
// Run from the repository root after `trunk build --release`:
//     node --test --test-concurrency=1 tests/e2e/tabs.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  choose,
  poll,
  useSuite,
  waitForApp,
  waitForStatus,
  waitForValue,
  savedWorkspace,
} from './harness.mjs';
import { DATA_KEY } from './names.mjs';

const { withPage } = useSuite('tabs');
const SLOW = 20_000;
const TEST_TIMEOUT = 120_000;

const recruitment = (page) => page.locator('[data-target="recruitment"]');
const numerator = (page) => recruitment(page).locator('input[data-field="numerator"]');
const denominator = (page) => recruitment(page).locator('input[data-field="denominator"]');
const unitSelect = (page) => page.locator('select[data-field="unit"]');
const unitName = (page) => page.locator('input[data-field="unit-name"]');

/** A second page (tab) in the same context, its errors recorded in `log`. */
async function secondTab(context, log, { throttle } = {}) {
  const page = await context.newPage();
  page.on('pageerror', (err) => log.pageErrors.push(`second tab: ${err?.stack || err}`));
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  return page;
}

async function open(page) {
  await page.goto('/');
  await waitForApp(page);
}

/** Types like a person: click, select all, then one key every 100 ms. */
async function typeSlowly(field, text) {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(text, { delay: 100 });
}

/** The saved profiles as [unit_id, other_name, numerator, denominator]. */
function savedProfiles(page) {
  return savedWorkspace(page).then((data) =>
    data == null
      ? null
      : data.profiles.map(({ profile }) => [
          profile.unit_id ?? '',
          profile.other_name ?? '',
          profile.entries?.recruitment?.numerator ?? '',
          profile.entries?.recruitment?.denominator ?? '',
        ]),
  );
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

async function waitForSavedProfiles(page, expected) {
  await poll(() => savedProfiles(page), (v) => same(v, expected), {
    timeout: SLOW,
    message: `saved profiles become ${JSON.stringify(expected)}`,
  });
}

test('two tabs on different profiles: each keeps its own profile, and both units keep their figures', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, {}, async ({ context, page: a, log }) => {
    await open(a);
    await choose(a, unitSelect(a), '31211');
    const b = await secondTab(context, log, { throttle: 6 });
    await open(b);
    await waitForValue(unitSelect(b), '31211', { timeout: SLOW });
    await b.click('[data-action="profile-new"]');
    await choose(b, unitSelect(b), '31234');
    // A learns of B's profile, and stays on its own.
    await poll(() => a.locator('select[data-field="profile"] option').count(), (n) => n === 2, { message: 'A lists both profiles' });
    assert.equal(await unitSelect(a).inputValue(), '31211', 'A still shows its profile');

    await Promise.all([typeSlowly(numerator(a), '412'), typeSlowly(numerator(b), '1038')]);
    await waitForSavedProfiles(a, [
      ['31211', '', '412', ''],
      ['31234', '', '1038', ''],
    ]);
    assert.equal(await unitSelect(a).inputValue(), '31211');
    assert.equal(await unitSelect(b).inputValue(), '31234');

    await Promise.all([a.reload(), b.reload()]);
    await Promise.all([waitForApp(a), waitForApp(b, { timeout: SLOW })]);
    assert.equal(await unitSelect(a).inputValue(), '31211', 'A reloads on its own profile');
    assert.equal(await numerator(a).inputValue(), '412');
    assert.equal(await unitSelect(b).inputValue(), '31234', 'B reloads on its own profile');
    assert.equal(await numerator(b).inputValue(), '1038');
    await waitForSavedProfiles(a, [
      ['31211', '', '412', ''],
      ['31234', '', '1038', ''],
    ]);
  });
});

test('a slow second tab on the same profile loses none of the keystrokes typed in the first', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, {}, async ({ context, page: a, log }) => {
    await open(a);
    const b = await secondTab(context, log, { throttle: 6 });
    await open(b);
    const name = 'Xã Thử Nghiệm Mới';
    await choose(a, unitSelect(a), 'other');
    await typeSlowly(numerator(a), '412');
    await typeSlowly(denominator(a), '1038');
    await typeSlowly(unitName(a), name);
    const expected = [['other', name, '412', '1038']];
    await waitForSavedProfiles(a, expected);
    for (const page of [a, b]) {
      await waitForValue(numerator(page), '412', { timeout: SLOW });
      await waitForValue(denominator(page), '1038', { timeout: SLOW });
      await waitForValue(unitName(page), name, { timeout: SLOW });
    }
    // Once the slow tab has caught up, nothing was written back over it.
    await b.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    assert.deepEqual(await savedProfiles(a), expected);
    assert.equal(await numerator(a).inputValue(), '412');
    assert.equal(await denominator(a).inputValue(), '1038');
    assert.equal(await unitName(a).inputValue(), name);
  });
});

test('both tabs typing at once into different fields of one profile: both figures are saved', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, {}, async ({ context, page: a, log }) => {
    await open(a);
    await choose(a, unitSelect(a), '31211');
    const b = await secondTab(context, log, { throttle: 6 });
    await open(b);
    await waitForValue(unitSelect(b), '31211', { timeout: SLOW });
    // Each tab types into two fields, its keystrokes interleaved with the other's.
    const profileName = (page) => page.locator('input[data-field="profile-name"]');
    const online = (page) => page.locator('[data-target="online_work_files"] input[data-field="numerator"]');
    await Promise.all([
      typeSlowly(numerator(a), '456').then(() => typeSlowly(profileName(a), 'Xã A')),
      typeSlowly(denominator(b), '789').then(() => typeSlowly(online(b), '321')),
    ]);
    const saved = (page) =>
      savedWorkspace(page).then(({ profiles }) =>
        profiles.map(({ profile: p }) => [p.label, p.entries?.recruitment?.numerator, p.entries?.recruitment?.denominator, p.entries?.online_work_files?.numerator]),
      );
    const expected = [['Xã A', '456', '789', '321']];
    await poll(() => saved(a), (v) => same(v, expected), { timeout: SLOW, message: 'both tabs\' typing is saved' });
    for (const page of [a, b]) {
      await waitForValue(numerator(page), '456', { timeout: SLOW });
      await waitForValue(denominator(page), '789', { timeout: SLOW });
      await waitForValue(profileName(page), 'Xã A', { timeout: SLOW });
      await waitForValue(online(page), '321', { timeout: SLOW });
    }
    // Nothing older was written back once both caught up.
    await b.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    assert.deepEqual(await saved(a), expected);
  });
});

test('both tabs editing the same field: the later edit is kept and the other tab is told', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, {}, async ({ context, page: a, log }) => {
    await open(a);
    await choose(a, unitSelect(a), '31211');
    const b = await secondTab(context, log, { throttle: 6 });
    await open(b);
    await waitForValue(unitSelect(b), '31211', { timeout: SLOW });
    await typeSlowly(numerator(a), '111');
    await waitForSavedProfiles(a, [['31211', '', '111', '']]);
    await waitForValue(numerator(b), '111', { timeout: SLOW });
    await typeSlowly(numerator(b), '222');
    await waitForSavedProfiles(a, [['31211', '', '222', '']]);
    await waitForValue(numerator(a), '222', { timeout: SLOW });
    const notice = a.locator('[data-banner="edit-conflict"]');
    await notice.waitFor({ state: 'visible', timeout: SLOW });
    assert.equal(await notice.getAttribute('role'), 'status');
    const text = await notice.innerText();
    assert.match(text, /Xã Vĩnh Bình/, `the notice names the unit: ${text}`);
    assert.match(text, /Tuyển dụng|tuyển dụng/i, `the notice names the target: ${text}`);
    assert.equal(await b.locator('[data-banner="edit-conflict"]').count(), 0, 'the tab whose edit was kept is not told');
    assert.equal(await numerator(b).inputValue(), '222');
  });
});

test('data of a newer version written while a tab is open is never written over by it', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, {}, async ({ context, page: a, log }) => {
    await open(a);
    await choose(a, unitSelect(a), '31211');
    await waitForSavedProfiles(a, [['31211', '', '', '']]);
    // The newer version, in another tab, saves its own format (4 is this build's since issue 14).
    const newer = JSON.stringify({ format: 'cchc-2021', version: 5, revision: 50, data: { profiles: [], future: true } });
    const b = await secondTab(context, log);
    await open(b);
    await b.evaluate(([key, value]) => localStorage.setItem(key, value), [DATA_KEY, newer]);
    // The old tab's next edit.
    await typeSlowly(numerator(a), '3');
    await typeSlowly(denominator(a), '4');
    await waitForStatus(recruitment(a), 'not-met');
    // Let the save queued after that edit run.
    await a.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    assert.equal(await a.evaluate((key) => localStorage.getItem(key), DATA_KEY), newer, 'the newer data is untouched');
    await a.locator('[data-banner="saved-data-newer"]').waitFor({ state: 'visible' });
    assert.equal(await a.locator('[data-app]').getAttribute('data-save-state'), 'memory');
  });
});

// The autosave waits for a pause in typing (store::SaveSchedule): leaving the page at once
// after a keystroke must still save it (pagehide), in a throttled tab too.
test('an edit typed just before the page is left is saved (the autosave flushes on pagehide)', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, {}, async ({ context, page: a, log }) => {
    const b = await secondTab(context, log, { throttle: 4 });
    await open(b);
    await choose(b, unitSelect(b), '31211');
    await waitForSavedProfiles(b, [['31211', '', '', '']]);
    await typeSlowly(numerator(b), '37');
    // No pause for the autosave: the page is left right after the last keystroke shows.
    await waitForValue(numerator(b), '37');
    await b.goto('/__e2e__/blank.html');
    await waitForSavedProfiles(b, [['31211', '', '37', '']]);
    // And the other tab of the browser opens it.
    await open(a);
    assert.equal(await numerator(a).inputValue(), '37');
  });
});
