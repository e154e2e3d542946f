// End-to-end tests of the commune officer's journey on a phone (issue 13): the next steps
// in the summary (best gain first, each taking the keyboard to its card; sending once every
// figure is in), the targets that do not apply folded after the others, the summary on one
// line while a field has the keyboard, the targets chart and the cards' threshold marks,
// what a download, a copy, a print or a share says, the first visit starting with the unit,
// and no sideways scrolling at 360 px.
// Run from the repository root after `trunk build --release`:
//     node --test --test-concurrency=1 tests/e2e/officer.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fill, poll, seedStorage, useSuite, waitForApp, waitForAttributes } from './harness.mjs';
import { DATA_KEY, card, field } from './app.mjs';

const TEST_TIMEOUT = 60_000;
const PHONE = { width: 360, height: 740 };
const { withPage } = useSuite('officer');

const counts = (numerator, denominator) => ({ mode: 'counts', numerator, denominator });

/** The eight targets that apply to Xã Vĩnh Bình (31211), in the plan's order. */
const APPLICABLE = [
  'online_work_files',
  'tthc_online_l34',
  'l34_with_applications',
  'online_resolution',
  'infosec_dossiers',
  'tthc_rating_good',
  'satisfaction_admin',
  'recruitment',
];

// Each of the 8 targets weighs 12,5 points; meeting one adds 12,5 × (1 − attainment).
const FIGURES = {
  online_work_files: counts('90', '100'), // met (≥ 35%)
  tthc_online_l34: counts('13', '20'), // 65%: met
  l34_with_applications: counts('6', '40'), // 15% of 30%: gain 6,25
  online_resolution: counts('20', '100'), // 20% of 25%: gain 2,5
  // infosec_dossiers: not filled in, gain 12,5
  tthc_rating_good: { answer: true }, // met
  satisfaction_admin: counts('87', '100'), // met
  recruitment: counts('1', '4'), // 25% of 100%: gain 9,375
};

function saved(entries) {
  return JSON.stringify({
    format: 'cchc-2021',
    version: 1,
    data: { profiles: [{ id: 'p1', profile: { bloc: 'commune', unit_id: '31211', entries } }], active: 'p1' },
  });
}

async function open(page, entries = FIGURES) {
  await seedStorage(page, { [DATA_KEY]: saved(entries) });
  await page.goto('/');
  await waitForApp(page);
}

const nextSteps = (page) =>
  page.locator('[data-summary] [data-next-step]').evaluateAll((steps) => steps.map((s) => s.dataset.nextStep));

const focusedIn = (page, selector) => page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, selector);

async function noSidewaysScroll(page, where) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= width, `${where}: the page scrolls sideways (${scroll} > ${width} px)`);
}

test('the next steps: every target not met or not filled in, best gain first; then sending', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, { viewport: PHONE }, async ({ page }) => {
    await open(page);
    await poll(() => nextSteps(page), (ids) => ids.length === 4, { message: 'four next steps' });
    assert.deepEqual(await nextSteps(page), ['infosec_dossiers', 'recruitment', 'l34_with_applications', 'online_resolution']);
    assert.equal(await page.locator('[data-next-send]').count(), 0, 'nothing to send while a figure is missing');

    // The last missing figure: the result can be sent, and the targets not met stay listed.
    await fill(page, field(card(page, 'infosec_dossiers'), 'numerator'), '1');
    await fill(page, field(card(page, 'infosec_dossiers'), 'denominator'), '1');
    await page.locator('[data-next-send]').waitFor({ state: 'attached' });
    assert.deepEqual(await nextSteps(page), ['recruitment', 'l34_with_applications', 'online_resolution']);

    // Everything met: sending is the only next step.
    await fill(page, field(card(page, 'recruitment'), 'numerator'), '4');
    await fill(page, field(card(page, 'l34_with_applications'), 'numerator'), '12');
    await fill(page, field(card(page, 'online_resolution'), 'numerator'), '25');
    await poll(() => nextSteps(page), (ids) => ids.length === 0, { message: 'no target left to improve' });
    await page.locator('#targets-heading').click(); // the keyboard leaves the field: the whole summary is back
    await page.locator('[data-next-send]').click();
    await poll(() => focusedIn(page, '[data-send] button'), (yes) => yes, { message: 'the send step puts the keyboard on the send buttons' });
    assert.ok(await page.locator('[data-send]').isVisible());
  });
});

test('a next step takes the keyboard to its card; the summary keeps to one line while typing on a phone', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, { viewport: PHONE }, async ({ page }) => {
    await open(page);
    const summary = page.locator('[data-summary]');
    const tall = (await summary.boundingBox()).height;
    await page.locator('[data-next-step="recruitment"]').click();
    await poll(() => focusedIn(page, '[data-target="recruitment"] [data-field="numerator"]'), (yes) => yes, {
      message: 'the recruitment numerator has the keyboard',
    });
    // The field is in sight, below the summary.
    const input = await field(card(page, 'recruitment'), 'numerator').boundingBox();
    const bar = await summary.boundingBox();
    assert.ok(input.y >= bar.y + bar.height && input.y + input.height <= PHONE.height, 'the focused field is in view, not under the summary');
    // One line now, and the data is all still there.
    await poll(async () => (await summary.boundingBox()).height, (h) => h < 50, { message: 'the summary shrinks to one line' });
    assert.ok(tall > 100, `the summary was taller before (${tall} px)`);
    assert.equal(await page.locator('[data-next-steps]').isVisible(), false);
    // 1 + 1 + 0,5 + 0,8 + 0 + 1 + 1 + 0,25 of 8.
    assert.equal(await summary.getAttribute('data-score'), '69.38');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('4');
    await waitForAttributes(summary, { 'data-met': '5' });
    // Leaving the field brings the whole summary back.
    await page.locator('#targets-heading').click();
    await poll(async () => (await summary.boundingBox()).height, (h) => h > 100, { message: 'the summary is whole again' });

    // A field in error is the one that gets the keyboard.
    await fill(page, field(card(page, 'online_resolution'), 'denominator'), 'abc');
    await page.locator('#targets-heading').click();
    await page.locator('[data-next-step="online_resolution"]').click();
    await poll(() => focusedIn(page, '[data-target="online_resolution"] [data-field="denominator"]'), (yes) => yes, {
      message: 'the field in error has the keyboard',
    });
  });
});

test('targets that do not apply come after the others, folded into one line', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, { viewport: PHONE }, async ({ page }) => {
    await open(page);
    const order = await page.locator('[data-target]').evaluateAll((cards) =>
      cards.map((c) => ({ id: c.dataset.target, folded: !!c.closest('details[data-na-fold]'), status: c.dataset.status })),
    );
    assert.deepEqual(order.filter((c) => !c.folded).map((c) => c.id), APPLICABLE, 'the applicable targets first, in plan order');
    const folded = order.filter((c) => c.folded);
    assert.equal(folded.length, 5);
    assert.ok(folded.every((c) => c.status === 'na'));
    assert.deepEqual(order.slice(APPLICABLE.length).map((c) => c.folded), folded.map(() => true), 'the folded ones come last');
    const fold = page.locator('details[data-na-fold]');
    assert.equal(await fold.getAttribute('data-na-fold'), '5');
    assert.equal(await card(page, folded[0].id).isVisible(), false, 'folded');
    const line = (await fold.locator(':scope > summary').boundingBox()).height;
    assert.ok(line < 60, `one line (${line} px)`);
    await fold.locator(':scope > summary').click();
    await card(page, folded[0].id).waitFor({ state: 'visible' });
    await noSidewaysScroll(page, 'the fold open at 360 px');
  });
});

test('the targets chart: one bar per applicable target, a threshold mark, never full unless met', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, { viewport: PHONE }, async ({ page }) => {
    await open(page);
    const chart = page.locator('svg[data-chart="targets"]');
    await chart.waitFor();
    assert.equal(await chart.getAttribute('role'), 'img');
    const name = await chart.evaluate((svg) =>
      svg.getAttribute('aria-labelledby').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
    );
    assert.match(name, /Mức đạt từng chỉ tiêu/);
    assert.match(name, /Cán bộ, công chức, viên chức được tuyển dụng .*: 25% · 100% \(100%, Chưa đạt\)\./, 'the text equivalent has the figures');
    const bars = await chart.locator('[data-bar]').evaluateAll((groups) =>
      groups.map((g) => {
        const box = (el) => el?.getBoundingClientRect();
        const track = box(g.querySelector('.chart-track'));
        const fill = box(g.querySelector('[data-fill-rect]'));
        const mark = box(g.querySelector('[data-threshold-mark]'));
        return {
          id: g.dataset.bar,
          status: g.dataset.status,
          fill: fill ? (fill.right - track.left) / track.width : 0,
          mark: mark ? (mark.left + mark.width / 2 - track.left) / track.width : null,
        };
      }),
    );
    assert.deepEqual(bars.map((b) => b.id), APPLICABLE);
    for (const bar of bars) {
      assert.ok(Math.abs(bar.mark - 0.8) < 0.02, `${bar.id}: the threshold mark at 80% (${bar.mark})`);
      if (bar.status === 'met') assert.ok(bar.fill >= 0.79, `${bar.id} is met: its bar reaches the mark (${bar.fill})`);
      else assert.ok(bar.fill < 0.8, `${bar.id} is ${bar.status}: its bar stops before the mark (${bar.fill})`);
      assert.ok(bar.status === 'met' || bar.fill < 0.99, `${bar.id}: not full`);
    }
    const recruitment = bars.find((b) => b.id === 'recruitment');
    assert.ok(Math.abs(recruitment.fill - 0.2) < 0.02, `25% of 100%: a quarter of the way to the mark (${recruitment.fill})`);

    // The cards' bars: the same scale and mark.
    const meter = await card(page, 'recruitment').evaluate((c) => {
      const progress = c.querySelector('progress').getBoundingClientRect();
      const mark = c.querySelector('[data-threshold-mark]').getBoundingClientRect();
      return { value: Number(c.querySelector('progress').value), mark: (mark.left + mark.width / 2 - progress.left) / progress.width };
    });
    assert.ok(meter.value < 80 && Math.abs(meter.mark - 0.8) < 0.02, `the card's bar: ${JSON.stringify(meter)}`);
    await noSidewaysScroll(page, 'the calculator with its chart at 360 px');
  });
});

test('downloading and copying the link say what happened and where the file went', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, { viewport: PHONE }, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page, { ...FIGURES, infosec_dossiers: counts('1', '1') });
    const toast = page.locator('[data-toast]');
    assert.equal(await toast.getAttribute('role'), 'status');
    assert.equal(await toast.getAttribute('aria-live'), 'polite');
    assert.equal((await toast.innerText()).trim(), '', 'nothing said yet');

    await page.locator('[data-next-send]').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="send-file"]').click()]);
    const file = download.suggestedFilename();
    await waitForAttributes(toast, { 'data-toast': 'downloaded' });
    const said = await toast.innerText();
    assert.ok(said.includes(`“${file}”`), `the toast names the file ${file}: ${said}`);
    assert.match(said, /thư mục Tải về/);

    await page.locator('[data-action="send-link"]').click();
    await waitForAttributes(toast, { 'data-toast': 'copied' });
    assert.match(await toast.innerText(), /Đã sao chép liên kết/);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(link.startsWith(`${new URL(page.url()).origin}/#`), `the share link is on the clipboard: ${link.slice(0, 60)}`);

    // The buttons of the data view say so too.
    await page.locator('[data-view="data"]').click();
    await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export-csv"]').click()]);
    await waitForAttributes(toast, { 'data-toast': 'downloaded' });
    assert.match(await toast.innerText(), /\.csv”/);
    await noSidewaysScroll(page, 'the toast at 360 px');
  });
});

test('printing says so; where the browser can share, the link goes to its share sheet', { timeout: TEST_TIMEOUT }, async (t) => {
  const fakeShare = () => {
    window.print = () => {};
    navigator.share = async (data) => {
      window.__shared = { url: data.url, title: data.title, files: data.files?.length ?? 0 };
    };
    navigator.canShare = () => true;
  };
  await withPage(t, { viewport: PHONE, initScript: fakeShare }, async ({ page }) => {
    await open(page, { ...FIGURES, infosec_dossiers: counts('1', '1') });
    const toast = page.locator('[data-toast]');
    const share = page.locator('[data-action="share-native"]');
    await share.click();
    await waitForAttributes(toast, { 'data-toast': 'shared' });
    const shared = await page.evaluate(() => window.__shared);
    assert.ok(shared.url.startsWith(`${new URL(page.url()).origin}/#`), `the link was shared: ${shared.url.slice(0, 60)}`);
    assert.equal(shared.title, 'Xã Vĩnh Bình');

    await page.locator('[data-action="send-print"]').click();
    await page.locator('[data-action="print-now"]').click();
    await waitForAttributes(toast, { 'data-toast': 'printed' });
    assert.match(await toast.innerText(), /hộp thoại in/);
  });
});

test('a browser without a share sheet shows no share button', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, { viewport: PHONE, initScript: () => delete Navigator.prototype.share }, async ({ page }) => {
    await open(page);
    await page.locator('[data-action="send-file"]').waitFor();
    assert.equal(await page.locator('[data-action="share-native"]').count(), 0);
  });
});

test('a first visit starts with the unit; the profiles are not called "hồ sơ"', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, { viewport: PHONE }, async ({ page }) => {
    await page.goto('/');
    await waitForApp(page);
    const before = (a, b) =>
      page.evaluate(([a, b]) => !!(document.querySelector(a).compareDocumentPosition(document.querySelector(b)) & Node.DOCUMENT_POSITION_FOLLOWING), [a, b]);
    assert.ok(await before('select[data-field="unit"]', 'select[data-field="profile"]'), 'the unit picker comes before the profile bar');
    assert.ok(await before('[data-target]', 'select[data-field="profile"]'), 'the profile bar waits after the targets');
    const unitTop = (await page.locator('select[data-field="unit"]').boundingBox()).y;
    assert.ok(unitTop < PHONE.height, `the unit picker is on the first screen (${unitTop} px)`);
    // Once the unit is chosen, the profile bar stays where it is for this visit.
    await page.locator('select[data-field="unit"]').selectOption('31211');
    await page.locator('[data-next-unit]').waitFor({ state: 'detached' });
    assert.ok(await before('[data-target]', 'select[data-field="profile"]'), 'the profile bar has not jumped to the top');
    const bar = await page.locator('.profile-bar').innerText();
    assert.match(bar, /Bản đánh giá đang xem/);
    assert.match(bar, /Thêm bản đánh giá/);
    assert.doesNotMatch(bar, /hồ sơ/i);
    await noSidewaysScroll(page, 'the first visit at 360 px');
  });
  await withPage(t, { viewport: PHONE }, async ({ page }) => {
    await open(page);
    const first = await page.evaluate(() => document.querySelector('select[data-field="profile"]').compareDocumentPosition(document.querySelector('[data-view]')) & Node.DOCUMENT_POSITION_FOLLOWING);
    assert.ok(first, 'with a unit saved, the profile bar is at the top again');
  });
});

test('before the unit is chosen, choosing it is the first next step', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, { viewport: PHONE }, async ({ page }) => {
    await page.goto('/');
    await waitForApp(page);
    await page.locator('[data-next-unit]').click();
    await poll(() => focusedIn(page, 'select[data-field="unit"]'), (yes) => yes, { message: 'the unit picker has the keyboard' });
  });
});
