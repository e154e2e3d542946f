// End-to-end test of the ranking table's pages: a browser holding many profiles (here 120:
// the 11 communes and 109 "other" units of the commune bloc) gets a table of 120 rows shown
// 50 at a time, in rank order (issue 13), with previous/next, "trang x/y" and "go to my unit".
// Run from the repository root after `trunk build --release`:
//     node --test tests/e2e/pager.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { poll, seedStorage, useSuite, waitForApp, waitForAttributes } from './harness.mjs';
import { DATA_KEY } from './names.mjs';

const COMMUNES = ['31231', '31232', '31211', '31234', '31237', '31240', '31241', '31243', '31244', '31246', '31252'];
const UNITS = 120;

const { withPage } = useSuite('pager');

/** Saved data: the 11 communes and UNITS - 11 named "other" units; `active` is a profile id. */
function savedData(active) {
  const profiles = [];
  for (let i = 0; i < UNITS; i++) {
    const unit = COMMUNES[i] ?? 'other';
    profiles.push({
      id: `p${i + 1}`,
      profile: {
        bloc: 'commune',
        unit_id: unit,
        other_name: unit === 'other' ? `Đơn vị ${i + 1}` : '',
        entries: { recruitment: { mode: 'counts', numerator: String(i % 11), denominator: '10' } },
      },
    });
  }
  return JSON.stringify({ format: 'cchc-2021', version: 1, data: { profiles, active } });
}

const rowIds = (page) => page.locator('table.bloc-table tbody tr').evaluateAll((rows) => rows.map((r) => `${r.dataset.unit}${r.dataset.profile && r.dataset.unit === 'other' ? ':' + r.dataset.profile : ''}`));
const status = (page) => page.locator('[data-pager] [data-page]');

/** Opens the ranking view on a phone-sized page holding the saved data, `active` on screen. */
async function openRanking(page, active) {
  await seedStorage(page, { [DATA_KEY]: savedData(active) });
  await page.goto('/');
  await waitForApp(page);
  await page.locator('[data-view="ranking"]').click();
  await page.locator('table.bloc-table').waitFor();
}

const PHONE = { viewport: { width: 412, height: 823 } };

/** Row ids (as `rowIds` reads them) in rank order (issue 13): profile i scores in
 * proportion to i % 11 (its recruitment figure), equal scores keep the list order. */
const RANKED = Array.from({ length: UNITS }, (_, i) => i)
  .sort((a, b) => (b % 11) - (a % 11) || a - b)
  .map((i) => (i < COMMUNES.length ? COMMUNES[i] : `other:p${i + 1}`));

const rowScores = (page) => page.locator('table.bloc-table tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.dataset.score)));

test('a long table is shown 50 rows at a time, in rank order', { timeout: 60_000 }, async (t) => {
  await withPage(t, PHONE, async ({ page }) => {
    await openRanking(page, 'p3'); // Xã Vĩnh Bình
    await waitForAttributes(page.locator('table.bloc-table'), { 'data-rows': String(UNITS) });
    await waitForAttributes(status(page), { 'data-page': '1', 'data-pages': '3' });
    assert.match((await status(page).innerText()).trim(), /^Trang 1\/3 · hàng 1–50 trên 120$/);
    // Issue 13: the pages follow the rank order (the bloc's list order before it).
    let ids = await rowIds(page);
    assert.deepEqual(ids, RANKED.slice(0, 50), 'the 50 best first');
    const scores = await rowScores(page);
    assert.ok(scores.every((s, i) => i === 0 || s <= scores[i - 1]), `scores never rise down the page: ${scores}`);
    // One row per commune, none with a score input (every commune has a profile here).
    for (const id of COMMUNES) assert.equal(await page.locator(`tr[data-unit="${id}"]`).count(), RANKED.slice(0, 50).includes(id) ? 1 : 0, id);
    assert.equal(await page.locator('tr[data-unit] input[data-field="peer-score"]').count(), 0, 'every commune has a profile here');
    assert.equal(await page.locator('tr.own').count(), 0, 'Vĩnh Bình (rank 88) is on page 2');
    assert.equal(await page.locator('[data-action="page-previous"]').isDisabled(), true);

    await page.locator('[data-action="page-next"]').click();
    await waitForAttributes(status(page), { 'data-page': '2' });
    ids = await rowIds(page);
    assert.deepEqual(ids, RANKED.slice(50, 100));
    await waitForAttributes(page.locator('tr[data-unit="31211"]'), { 'data-source': 'own', 'data-profile': 'p3', 'data-rank-best': '88', 'data-rank-worst': '88' });
    await page.locator('[data-action="page-next"]').click();
    await waitForAttributes(status(page), { 'data-page': '3' });
    await poll(() => rowIds(page), (v) => v.length === 20 && v.join() === RANKED.slice(100).join(), { message: 'the last page holds the last 20 rows' });
    await waitForAttributes(page.locator('tr[data-profile="p12"]'), { 'data-unit': 'other', 'data-source': 'profile', 'data-score': '0.00' });
    assert.equal(await page.locator('[data-action="page-next"]').isDisabled(), true);

    // "Go to my unit" brings back the page with the own row.
    await page.locator('[data-action="page-own"]').click();
    await waitForAttributes(status(page), { 'data-page': '2' });
    await page.locator('tr.own[data-unit="31211"]').waitFor();
  });
});

test('an "other" unit far down the table is reached with "go to my unit"', { timeout: 60_000 }, async (t) => {
  await withPage(t, PHONE, async ({ page }) => {
    await openRanking(page, 'p111'); // scores 0: the last row
    await waitForAttributes(status(page), { 'data-page': '1', 'data-pages': '3' });
    assert.equal(await page.locator('tr.own').count(), 0, 'the own row is on another page');
    // Seen from p111 the communes are peers with profiles, p111 is its own "other" row.
    await page.locator('[data-action="page-own"]').click();
    await waitForAttributes(status(page), { 'data-page': '3' });
    await waitForAttributes(page.locator('tr.own'), { 'data-unit': 'other', 'data-profile': 'p111', 'data-source': 'own' });
    assert.match(await page.locator('tr.own th').innerText(), /Đơn vị 111/);
    assert.equal((await rowIds(page)).at(-1), 'other:p111', 'last in rank order: the last of the ties at 0');
  });
});
