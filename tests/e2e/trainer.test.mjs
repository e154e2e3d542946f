// End-to-end tests of the trainer's journey on a projector (issue 13): the leaderboard (rank
// order with ties and unknown scores, data-rank-* and data-score), its bar chart with the
// award cut-off, presentation mode, the default model beside a custom one, the
// demonstration bloc opened from the settings, and "Chưa biết" that never loses a score.
// Run from the repository root after `trunk build --release`:
//     node --test tests/e2e/trainer.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choose, fill, poll, setChecked, useSuite, waitForApp, waitForAttributes, waitForSummary, waitForValue } from './harness.mjs';
import { chooseUnit, enterRatio, go } from './app.mjs';

const TEST_TIMEOUT = 60_000;
const PROJECTOR = { viewport: { width: 1366, height: 768 } };

const { withPage } = useSuite('trainer');

const row = (page, id) => page.locator(`tr[data-unit="${id}"]`);
const peer = (page, id) => row(page, id).locator('input[data-field="peer-score"]');
const app = (page) => page.locator('[data-app]');

async function openApp(page) {
  await page.goto('/');
  await waitForApp(page);
}

/** The rows of the ranking table, top to bottom, with their data attributes. */
function rows(page) {
  return page.locator('table.bloc-table tbody tr').evaluateAll((trs) =>
    trs.map((r) => ({
      id: r.dataset.unit,
      best: r.dataset.rankBest ?? null,
      worst: r.dataset.rankWorst ?? null,
      score: r.dataset.score ?? null,
      own: r.classList.contains('own'),
    })),
  );
}

async function waitForOrder(page, ids, message) {
  await poll(() => rows(page).then((rs) => rs.map((r) => r.id)), (got) => got.join() === ids.join(), {
    message: `${message}: rows should be ${ids.join()}`,
  });
}

/** Moves the focus out of the table (to the view's heading), so that it settles. */
async function leaveTable(page) {
  await page.locator('#ranking-heading').focus();
}

test('the leaderboard: rank order with ties and unknown scores, data attributes, chart with the cut-off, legend', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, PROJECTOR, async ({ page }) => {
    await openApp(page);
    await chooseUnit(page, 'commune', '31211');
    await enterRatio(page, 'recruitment', '1', '1');
    await waitForSummary(page, { score: '12.50' });
    await go(page, 'ranking');
    const typed = { 31231: '90', 31232: '12,5', 31234: '50', 31237: 'abc', 31240: '70', 31241: '95', 31243: '5' };
    for (const [id, text] of Object.entries(typed)) await fill(page, peer(page, id), text);
    await leaveTable(page);
    // Best first; the tie at 12,5 in list order (31232 is listed before 31211); the unknown
    // ones (31237's "abc" among them) after, in list order.
    const order = ['31241', '31231', '31240', '31234', '31232', '31211', '31243', '31237', '31244', '31246', '31252'];
    await waitForOrder(page, order, 'rank order');
    const got = await rows(page);
    const want = {
      31241: ['1', '5', '95.00'],
      31231: ['2', '6', '90.00'],
      31240: ['3', '7', '70.00'],
      31234: ['4', '8', '50.00'],
      31232: ['5', '9', '12.50'],
      31211: ['5', '9', '12.50'],
      31243: ['7', '11', '5.00'],
    };
    for (const r of got) {
      const [best, worst, score] = want[r.id] ?? [null, null, null];
      assert.deepEqual([r.best, r.worst, r.score], [best, worst, score], `row ${r.id}`);
    }
    // The unit on screen in its place, not at the bottom.
    assert.deepEqual(got.map((r) => r.own), order.map((id) => id === '31211'));

    // The chart: one bar per known score in the same order, the cut-off after the six rows
    // that can be in the five award places (the tie at the 5th place is in).
    const chart = page.locator('svg[data-chart="ranking"]');
    await waitForAttributes(chart, { role: 'img', 'data-bars': '7', 'data-places': '5' });
    const labelled = await chart.evaluate((svg) =>
      svg.getAttribute('aria-labelledby').split(' ').map((id) => svg.querySelector(`#${id}`)?.textContent.trim() ?? ''),
    );
    assert.equal(labelled.length, 2);
    assert.ok(labelled.every((text) => text.length > 10), `title and description: ${labelled}`);
    assert.match(labelled[1], /7 đơn vị/);
    const bars = await chart.locator('g.chart-row').evaluateAll((gs) =>
      gs.map((g) => ({
        id: g.dataset.unit,
        top: parseFloat(g.querySelector('rect.bar').getAttribute('y')),
        width: g.querySelector('rect.bar').getAttribute('width'),
        inZone: g.classList.contains('in'),
      })),
    );
    assert.deepEqual(bars.map((b) => b.id), order.slice(0, 7));
    assert.deepEqual(bars.map((b) => b.width), ['95.00%', '90.00%', '70.00%', '50.00%', '12.50%', '12.50%', '5.00%']);
    assert.deepEqual(bars.map((b) => b.inZone), [true, true, true, true, true, true, false]);
    const cutoff = parseFloat(await chart.locator('[data-chart-cutoff]').getAttribute('data-chart-cutoff'));
    assert.ok(bars[5].top < cutoff && cutoff < bars[6].top, `the cut-off (${cutoff}) between the 6th and the 7th bar`);
    assert.match(await chart.locator('.cutoff text').textContent(), /5 đơn vị dẫn đầu/);

    // The legend explains every mark the table uses.
    const legend = page.locator('[data-legend]');
    const marks = await legend.locator('[data-legend-mark]').evaluateAll((lis) => lis.map((li) => li.dataset.legendMark));
    for (const mark of ['own', 'in', 'possible', 'range', 'no-rank', 'cutoff', 'order']) assert.ok(marks.includes(mark), `legend explains ${mark}`);
    assert.equal(await page.locator('tr[data-zone="possible"]').count() > 0, true, 'the table uses the "possible" mark');

    // While a score is typed the rows stay put; leaving the table sorts them.
    await fill(page, peer(page, '31244'), '99');
    await waitForAttributes(row(page, '31244'), { 'data-rank-best': '1', 'data-score': '99.00' });
    assert.equal((await rows(page)).findIndex((r) => r.id === '31244'), 8, 'the row being typed in does not move');
    assert.equal(await peer(page, '31244').evaluate((el) => el === document.activeElement), true, 'the field keeps the focus');
    await leaveTable(page);
    await waitForOrder(page, ['31244', ...order.filter((id) => id !== '31244')], 'after leaving the table');
  }),
);

test('"Chưa biết" says what it removed and can be undone; the typed score is not lost', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, {}, async ({ page }) => {
    await openApp(page);
    await chooseUnit(page, 'commune', '31211');
    await go(page, 'ranking');
    await fill(page, peer(page, '31231'), '87,25');
    await waitForAttributes(row(page, '31231'), { 'data-source': 'typed', 'data-score': '87.25' });
    await row(page, '31231').locator('[data-field="peer-unknown"]').click();
    await waitForValue(peer(page, '31231'), '');
    await waitForAttributes(row(page, '31231'), { 'data-source': 'unknown' });
    const notice = page.locator('[data-peer-cleared="31231"]');
    await notice.waitFor();
    assert.equal(await notice.getAttribute('role'), 'status');
    const text = await notice.innerText();
    assert.match(text, /87,25/, 'names the score removed');
    assert.match(text, /Thị trấn Thạnh An/, 'names the unit');
    const undo = notice.locator('[data-action="undo-peer-unknown"]');
    await poll(() => undo.evaluate((el) => el === document.activeElement), (v) => v, { message: 'the undo has the focus' });
    await undo.click();
    await waitForValue(peer(page, '31231'), '87,25');
    await waitForAttributes(row(page, '31231'), { 'data-source': 'typed', 'data-score': '87.25' });
    await page.locator('[data-peer-cleared="31231"]').waitFor({ state: 'detached' });
  }),
);

test('presentation mode: large type, the view full width, Escape or the button leaves it', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, PROJECTOR, async ({ page }) => {
    await openApp(page);
    await chooseUnit(page, 'commune', '31211');
    await go(page, 'ranking');
    const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const before = await fontSize();
    const button = page.locator('[data-action="present"]');
    await button.click();
    await waitForAttributes(app(page), { 'data-present': 'true' });
    assert.ok((await fontSize()) >= before * 1.3, 'large type');
    // The room sees the summary and the view, scrolled past the page's header.
    await poll(() => page.evaluate(() => document.querySelector('[data-summary]').getBoundingClientRect().top), (top) => Math.abs(top) < 2, {
      message: 'the summary at the top of the screen',
    });
    const layout = await page.evaluate(() => ({
      main: document.querySelector('main.layout').getBoundingClientRect().width,
      summary: getComputedStyle(document.querySelector('[data-summary]')).position,
      chart: document.querySelector('svg[data-chart="ranking"]').getBoundingClientRect(),
      table: document.querySelector('table.bloc-table').getBoundingClientRect(),
    }));
    assert.ok(layout.main >= 1300, `the view full width: ${layout.main}`);
    assert.equal(layout.summary, 'static', 'the summary no longer sticks over the view');
    assert.ok(layout.chart.right <= layout.table.left, 'the chart beside the table at 1366 px');
    await page.keyboard.press('Escape');
    await poll(() => app(page).getAttribute('data-present'), (v) => v === null, { message: 'Escape leaves presentation mode' });
    assert.equal(await fontSize(), before);
    await button.click();
    await waitForAttributes(app(page), { 'data-present': 'true' });
    await button.click();
    await poll(() => app(page).getAttribute('data-present'), (v) => v === null, { message: 'the button leaves it too' });
    await go(page, 'calculator');
    await button.click();
    await waitForAttributes(app(page), { 'data-present': 'true' });
    // Every next step in sight of the room: on as many lines as they need, none scrolled
    // sideways off the screen.
    const steps = await page.evaluate(() => ({
      width: document.documentElement.clientWidth,
      rights: [...document.querySelectorAll('[data-next-step]')].map((e) => e.getBoundingClientRect().right),
    }));
    assert.ok(steps.rights.length >= 5, `the unit has figures to fill in: ${steps.rights.length} next steps`);
    for (const right of steps.rights) assert.ok(right <= steps.width, `a next step ends at ${right} px, past the screen's ${steps.width}`);
  }),
);

test('a custom model shows the score and rank under the default model beside its own', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, {}, async ({ page }) => {
    await openApp(page);
    await chooseUnit(page, 'commune', '31211');
    await enterRatio(page, 'online_work_files', '6', '20'); // 30% of 35%: partly met
    await enterRatio(page, 'recruitment', '1', '1');
    await waitForSummary(page, { score: '23.21' });
    const summaryDefault = page.locator('[data-summary] [data-default-score]');
    assert.equal(await summaryDefault.count(), 0, 'nothing to compare under the default model');
    await go(page, 'ranking');
    await fill(page, peer(page, '31231'), '20');
    await go(page, 'settings');
    await setChecked(page, page.locator('input[data-field="scoring-mode"][value="all_or_nothing"]'), true);
    await waitForSummary(page, { score: '12.50' });
    // Custom: 12,5 below the peer's 20; default: 23,21 above it.
    await waitForAttributes(page.locator('[data-summary] [data-rank]'), { 'data-rank-best': '2', 'data-rank-worst': '11' });
    await waitForAttributes(summaryDefault, { 'data-default-score': '23.21', 'data-default-rank-best': '1', 'data-default-rank-worst': '10' });
    assert.match(await summaryDefault.innerText(), /\(mặc định: 23,21 · Hạng 1–10\/11\)/);
    await go(page, 'ranking');
    const own = row(page, '31211');
    await waitForAttributes(own, { 'data-score': '12.50', 'data-rank-best': '2' });
    await waitForAttributes(own.locator('[data-default-score]'), { 'data-default-score': '23.21', 'data-default-rank-best': '1' });
    assert.equal(await row(page, '31231').locator('[data-default-score]').count(), 0, 'a typed score is the same under every model');
    // A PC shows them beside the score; a phone under the unit's name, where they fit on a
    // line, not squeezed into the score column four lines tall.
    const tag = own.locator('.default-tag');
    assert.ok(await own.locator('[data-default-score]').isVisible(), 'beside the score on a PC');
    assert.ok(await tag.isHidden(), 'not twice on a PC');
    await page.setViewportSize({ width: 360, height: 740 });
    await poll(() => tag.isVisible(), (v) => v, { message: 'under the name on a phone' });
    assert.match(await tag.innerText(), /^\(mặc định: 23,21 · Hạng 1–10\/11\)$/);
    assert.ok(await own.locator('[data-default-score]').isHidden(), 'not twice on a phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('[data-legend-mark="default"]').waitFor();
    // Back to the default model: nothing to compare.
    await go(page, 'settings');
    await page.locator('[data-action="reset-model"]').click();
    await summaryDefault.waitFor({ state: 'detached' });
    await waitForSummary(page, { score: '23.21' });
  }),
);

test('opening the demonstration bloc takes the trainer to its ranking', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, PROJECTOR, async ({ page }) => {
    await openApp(page);
    await go(page, 'settings');
    const start = page.locator('[data-settings] [data-action="demo-start"]');
    await start.scrollIntoViewIfNeeded();
    await start.click();
    await waitForAttributes(app(page), { 'data-demo': 'true' });
    await waitForAttributes(page.locator('[data-view="ranking"]'), { 'aria-current': 'page' });
    await poll(() => page.evaluate(() => document.activeElement?.id), (id) => id === 'ranking-heading', {
      message: 'the focus on the ranking heading',
    });
    const box = await page.locator('#ranking-heading').boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 768, `the heading in sight: ${JSON.stringify(box)}`);
    await waitForAttributes(page.locator('svg[data-chart="ranking"]'), { 'data-bars': '11' });
    await choose(page, page.locator('select[data-field="profile"]'), 'p2'); // the demo's profiles work as before
  }),
);
