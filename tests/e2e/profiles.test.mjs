// End-to-end tests of the profiles kept in one browser, where a slip must not lose one:
// a double click (or two quick clicks) on "Xóa bản đánh giá" is undone in full by "Hoàn tác"; and a
// unit with two profiles is named on the district view, where the user chooses which one
// counts in the totals (the choice is saved).
// Run from the repository root after `trunk build --release`:
//     node --test tests/e2e/profiles.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  looksVietnamese,
  poll,
  seedStorage,
  useSuite,
  waitForApp,
  waitForAttributes,
  waitForValue,
  savedWorkspace,
} from './harness.mjs';
import { DATA_KEY, go } from './app.mjs';

const { withPage } = useSuite('profiles');

const recruitment = (numerator, denominator) => ({ recruitment: { mode: 'counts', numerator, denominator } });

/** Saved data (version 1) holding these profiles, p1 first and active. */
function saved(profiles) {
  return JSON.stringify({
    format: 'cchc-2021',
    version: 1,
    data: {
      profiles: profiles.map(([unit_id, entries, label = ''], i) => ({
        id: `p${i + 1}`,
        profile: { label, bloc: 'commune', unit_id, other_name: '', entries },
      })),
      active: 'p1',
    },
  });
}

const THREE = [
  ['31211', recruitment('1', '3'), 'Vĩnh Bình'],
  ['31234', recruitment('2', '3'), 'Thạnh Mỹ'],
  ['31237', recruitment('3', '3'), 'Vĩnh Trinh'],
];
const ALL = [['p1', 'Vĩnh Bình'], ['p2', 'Thạnh Mỹ'], ['p3', 'Vĩnh Trinh']];

const profileSelect = (page) => page.locator('select[data-field="profile"]');
const deleteButton = (page) => page.locator('[data-action="profile-delete"]');
const toast = (page) => page.locator('[data-undo]');

function profiles(page) {
  return profileSelect(page).evaluate((s) => ({
    options: [...s.options].map((o) => [o.value, o.textContent.trim()]),
    selected: s.value,
  }));
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function waitForProfiles(page, options, selected, message) {
  return poll(() => profiles(page), (o) => same(o, { options, selected }), { message: `profiles: ${message}` });
}

function savedIds(page) {
  return savedWorkspace(page).then((data) => data?.profiles.map((r) => r.id));
}

async function open(page, data) {
  await seedStorage(page, { [DATA_KEY]: data });
  await page.goto('/');
  await waitForApp(page);
}

/** Undo, then reload: every profile is back, in its place, saved. */
async function undoAndReload(page) {
  await toast(page).locator('[data-action="undo-delete"]').click();
  await toast(page).waitFor({ state: 'detached' });
  await waitForProfiles(page, ALL, 'p1', 'every profile back after undo');
  await poll(() => savedIds(page), (ids) => same(ids, ['p1', 'p2', 'p3']), { message: 'every profile saved again' });
  await page.reload();
  await waitForApp(page);
  await waitForProfiles(page, ALL, 'p1', 'every profile back after a reload');
}

test('a double click on "Xóa bản đánh giá" deletes one profile, and undo brings it back', { timeout: 60_000 }, async (t) => {
  await withPage(t, {}, async ({ page }) => {
    await open(page, saved(THREE));
    await waitForProfiles(page, ALL, 'p1', 'the saved profiles');
    await deleteButton(page).dblclick();
    await toast(page).waitFor({ state: 'visible' });
    // The second click of the double click deleted nothing more.
    await waitForProfiles(page, ALL.slice(1), 'p2', 'only the profile on screen deleted');
    await waitForAttributes(toast(page), { 'data-undo': '1' });
    const text = (await toast(page).innerText()).trim();
    assert.ok(text.includes('Vĩnh Bình') && looksVietnamese(text), `the toast names the profile: ${text}`);
    await undoAndReload(page);
  });
});

test('two quick clicks on "Xóa bản đánh giá": one undo brings back everything deleted', { timeout: 60_000 }, async (t) => {
  await withPage(t, {}, async ({ page }) => {
    await open(page, saved(THREE));
    await waitForProfiles(page, ALL, 'p1', 'the saved profiles');
    const box = await deleteButton(page).boundingBox();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    // Two separate clicks (each a first click), as quick as the page takes them.
    await page.mouse.click(x, y);
    await page.mouse.click(x, y);
    await toast(page).waitFor({ state: 'visible' });
    const left = await poll(() => profiles(page), (o) => o.options.length < 3, { message: 'a profile deleted' });
    await waitForAttributes(toast(page), { 'data-undo': String(3 - left.options.length) });
    await undoAndReload(page);
  });
});

test('a unit with two profiles is named on the district view; the chosen one counts, and stays chosen', { timeout: 60_000 }, async (t) => {
  await withPage(t, {}, async ({ page }) => {
    // Xã Vĩnh Bình twice (1/3 and 3/3 recruited), Xã Thạnh Mỹ once (2/4).
    await open(page, saved([['31211', recruitment('1', '3')], ['31234', recruitment('2', '4')], ['31211', recruitment('3', '3'), 'Vĩnh Bình (2)']]));
    await go(page, 'district');
    const notice = page.locator('[data-district-duplicates]');
    await waitForAttributes(notice, { 'data-district-duplicates': '1' });
    const noticeText = (await notice.innerText()).trim();
    assert.ok(looksVietnamese(noticeText), `the notice is Vietnamese: ${noticeText}`);
    const choice = page.locator('[data-district-duplicate="31211"] select[data-field="district-choice"]');
    await waitForValue(choice, 'p1');
    assert.deepEqual(await choice.locator('option').evaluateAll((os) => os.map((o) => o.value)), ['p1', 'p3']);
    const figures = page.locator('tr[data-district-target="recruitment"] td[data-scope="commune"] .figures');
    const waitForFigures = (prefix) =>
      poll(async () => (await figures.innerText()).trim(), (v) => v.startsWith(prefix), { message: `commune recruitment total ${prefix}` });
    await waitForFigures('3/7 '); // 1 + 2 of 3 + 4: the first profile of Xã Vĩnh Bình
    await choice.selectOption('p3');
    await waitForFigures('5/7 '); // 3 + 2 of 3 + 4
    await poll(
      async () => (await savedWorkspace(page)).district_choices,
      (c) => same(c, { 31211: 'p3' }),
      { message: 'the choice is saved' },
    );
    await page.reload();
    await waitForApp(page);
    await go(page, 'district');
    await waitForValue(choice, 'p3');
    await waitForFigures('5/7 ');
  });
});
