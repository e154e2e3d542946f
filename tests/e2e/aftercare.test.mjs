// End-to-end tests of the aftercare of issue 13 (items noticed once the three journeys had
// landed): the ranking table at 360 px with the source under each unit's name rather than a
// squeezed column, the targets chart drawing every name whole within its width, the legend
// of the district grid's numbered columns, the document's title following the plan on
// screen, and presentation mode kept by a reload of the tab.
// Run from the repository root after a build:
//     node --test --test-concurrency=1 tests/e2e/aftercare.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, choose, poll, seedStorage, useSuite, waitForApp, waitForAttributes } from './harness.mjs';
import { DATA_KEY, go } from './app.mjs';

const TEST_TIMEOUT = 60_000;
const PHONE = { viewport: { width: 360, height: 740 } };
const PROJECTOR = { viewport: { width: 1366, height: 768 } };
const OFFICE = { viewport: { width: 1280, height: 800 } };

const { withPage } = useSuite('aftercare');

const PLAN = JSON.parse(readFileSync(join(REPO_ROOT, 'plans', 'vinh-thanh-2021.json'), 'utf8')).plan;
const EXAMPLE = JSON.parse(readFileSync(join(REPO_ROOT, 'plans', 'examples', 'tinh-an-hoa-2026.json'), 'utf8')).plan;
/** A plan file's text ("…" or { vi, en }) in `lang`. */
const say = (text, lang = 'vi') => (typeof text === 'string' ? text : (text[lang] ?? text.vi));
const targetName = (id) => say(PLAN.targets.find((t) => t.id === id).name);
const app = (page) => page.locator('[data-app]');

async function openApp(page) {
  await page.goto('/');
  await waitForApp(page);
}

// ---------------------------------------------------------------------------------------
// 1. The ranking table at 360 px
// ---------------------------------------------------------------------------------------

test('ranking at 360 px: the source is a line under the unit\'s name, not a squeezed column; rows stay short', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, PHONE, async ({ page }) => {
    await openApp(page);
    // The demonstration bloc: computed rows (from profiles) and typed ones.
    await page.locator('[data-view="settings"]').click();
    await page.locator('[data-action="demo-start"]').click();
    await waitForAttributes(app(page), { 'data-demo': 'true' });
    const table = page.locator('table.bloc-table');
    await table.locator('tbody tr[data-unit]').first().waitFor();
    const layout = await table.evaluate((tableEl) => {
      const visible = (el) => el.checkVisibility() && el.getBoundingClientRect().width > 0;
      const heads = [...tableEl.querySelectorAll('thead th')].filter(visible).map((th) => th.textContent.trim());
      const wrap = tableEl.closest('.table-wrap');
      const rows = [...tableEl.querySelectorAll('tbody tr[data-unit]')].map((tr) => {
        const header = tr.querySelector('th');
        // The source, where a reader sees it: any visible element of the row header
        // besides the name and the marks.
        const tag = [...header.querySelectorAll('[data-source-tag]')].find(visible);
        return {
          unit: tr.dataset.unit,
          source: tr.dataset.source,
          height: tr.getBoundingClientRect().height,
          tag: tag ? tag.textContent.trim() : null,
          cells: [...tr.children].filter(visible).length,
          best: tr.dataset.rankBest ?? null,
          score: tr.dataset.score ?? null,
        };
      });
      return { heads, rows, overflow: wrap.scrollWidth - wrap.clientWidth };
    });
    assert.deepEqual(layout.heads, ['Hạng', 'Đơn vị', 'Điểm'], 'no source column on a phone');
    assert.ok(layout.overflow <= 1, `the table fits the phone's width (${layout.overflow} px too wide)`);
    const sources = { own: 'Đơn vị của bạn', profile: 'Từ bản đánh giá trong trình duyệt', typed: 'Điểm nhập tay', unknown: 'Chưa có số liệu' };
    for (const row of layout.rows) {
      assert.equal(row.cells, 3, `row ${row.unit}: rank, unit and score, no source cell`);
      assert.ok(row.tag, `row ${row.unit}: its source is shown under its name`);
      if (sources[row.source]) assert.equal(row.tag, sources[row.source], `row ${row.unit}`);
    }
    // The public attributes are kept.
    assert.ok(layout.rows.some((r) => r.best !== null && r.score !== null));
    // Short rows: a computed row (name, marks and source) in a few lines, not one word a line.
    const computed = layout.rows.filter((r) => r.source === 'profile' || r.source === 'own');
    assert.ok(computed.length > 0);
    for (const row of computed) assert.ok(row.height <= 100, `row ${row.unit} is ${row.height} px tall`);
  }));

test('ranking on a PC keeps the source column', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, OFFICE, async ({ page }) => {
    await openApp(page);
    await go(page, 'ranking');
    const heads = await page.locator('table.bloc-table thead th').evaluateAll((ths) => ths.filter((th) => th.checkVisibility()).map((th) => th.textContent.trim()));
    assert.deepEqual(heads, ['Hạng', 'Đơn vị', 'Điểm', 'Nguồn điểm']);
    assert.equal(await page.locator('table.bloc-table [data-source-tag]').evaluateAll((tags) => tags.filter((t) => t.checkVisibility()).length), 0, 'no second copy of the source');
  }));

// ---------------------------------------------------------------------------------------
// 2. The targets chart: whole names within its width
// ---------------------------------------------------------------------------------------

/** Xã Vĩnh Bình (31211) with one figure typed: eight targets apply, the longest name 87 characters. */
function seedVinhBinh(page) {
  return seedStorage(page, {
    [DATA_KEY]: JSON.stringify({
      format: 'cchc-2021',
      version: 1,
      data: {
        profiles: [{ id: 'p1', profile: { bloc: 'commune', unit_id: '31211', entries: { recruitment: { mode: 'counts', numerator: '1', denominator: '4' } } } }],
        active: 'p1',
      },
    }),
  });
}

/** Each bar's name as drawn (lines joined by a space), its lines' widths, and the chart's width. */
function chartNames(page) {
  return page.locator('svg[data-chart="targets"]').evaluate((svg) => {
    const width = svg.getBoundingClientRect().width;
    const bars = [...svg.querySelectorAll('[data-bar]')].map((g) => {
      const text = g.querySelector('.chart-name');
      const lines = [...text.querySelectorAll('tspan')];
      const parts = lines.length ? lines : [text];
      return {
        id: g.dataset.bar,
        name: parts.map((p) => p.textContent).join(' '),
        lines: parts.length,
        widest: Math.max(...parts.map((p) => p.getComputedTextLength())),
        right: Math.max(...parts.map((p) => p.getBoundingClientRect().right)) - svg.getBoundingClientRect().left,
      };
    });
    const desc = svg.getAttribute('aria-labelledby').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    return { width, bars, desc };
  });
}

function assertWhole(chart, where) {
  assert.equal(chart.bars.length, 8, where);
  for (const bar of chart.bars) {
    const name = targetName(bar.id);
    assert.equal(bar.name, name, `${where}: ${bar.id} drawn whole`);
    assert.ok(bar.widest <= chart.width && bar.right <= chart.width + 0.5, `${where}: ${bar.id}'s lines (${bar.widest} px) fit the chart (${chart.width} px)`);
    assert.ok(chart.desc.includes(`${name}: `), `${where}: the text equivalent names ${bar.id} whole`);
  }
}

test('the targets chart draws every name whole: one line each on a projector, wrapped on a phone, re-wrapped when the width changes', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, PROJECTOR, async ({ page }) => {
    await seedVinhBinh(page);
    await openApp(page);
    const chart = page.locator('svg[data-chart="targets"]');
    await chart.waitFor();
    // Measured once the chart is on the page (a resize observer's first report), even below
    // the fold where its contents are not laid out yet (content-visibility: auto).
    const lines = () => chart.evaluate((svg) => [...svg.querySelectorAll('[data-bar] .chart-name')].map((t) => t.querySelectorAll('tspan').length));
    await poll(lines, (l) => l.length === 8 && l.every((n) => n === 1), { message: '1366 px: every name on one line' });
    await chart.scrollIntoViewIfNeeded();
    const wide = await chartNames(page);
    assertWhole(wide, '1366 px');
    assert.ok(wide.bars.every((b) => b.lines === 1));

    await page.setViewportSize({ width: 360, height: 740 });
    await poll(() => chartNames(page), (c) => c.bars.some((b) => b.lines > 1), { message: 'the names wrap at 360 px' });
    const narrow = await chartNames(page);
    assertWhole(narrow, '360 px');
    const infosec = narrow.bars.find((b) => b.id === 'infosec_dossiers');
    assert.ok(infosec.lines >= 2 && infosec.lines <= 3, `87 characters on 2 or 3 lines at 360 px (${infosec.lines})`);
    // The bars stay in order, each under its name: no row overlaps the next.
    const tops = await chart.evaluate((svg) => [...svg.querySelectorAll('[data-bar]')].map((g) => {
      const name = g.querySelector('.chart-name').getBoundingClientRect();
      const track = g.querySelector('.chart-track').getBoundingClientRect();
      return { nameBottom: name.bottom, trackTop: track.top, trackBottom: track.bottom };
    }));
    for (const [i, row] of tops.entries()) {
      assert.ok(row.nameBottom <= row.trackTop + 1, `row ${i}: the name above its bar`);
      if (i > 0) assert.ok(tops[i - 1].trackBottom <= row.trackTop - 20, `row ${i} below row ${i - 1}`);
    }
  }));

// ---------------------------------------------------------------------------------------
// 3. The district grid's legend
// ---------------------------------------------------------------------------------------

test('the district grid: a legend names each numbered column, above the table and in print; each column head has the whole name', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, OFFICE, async ({ page }) => {
    await openApp(page);
    await go(page, 'district');
    const grid = page.locator('[data-grid]');
    await grid.waitFor({ state: 'visible' });
    const legend = page.locator('[data-grid-legend]');
    await legend.waitFor({ state: 'visible' });
    const items = await legend.locator('li').evaluateAll((lis) => lis.map((li) => li.textContent.trim()));
    assert.deepEqual(items, PLAN.targets.map((t) => say(t.name)), 'one line per target, in the columns\' order');
    // The numbers on screen are the legend's: the n-th item is column n.
    const numbers = await grid.locator('thead th.grid-target').evaluateAll((ths) => ths.map((th) => th.querySelector('[aria-hidden="true"]').textContent.trim()));
    assert.deepEqual(numbers, PLAN.targets.map((_, i) => String(i + 1)));
    const markers = await legend.locator('ol').evaluate((ol) => ({ type: getComputedStyle(ol).listStyleType, start: ol.start }));
    assert.equal(markers.start, 1);
    assert.match(markers.type, /decimal/);
    assert.ok((await legend.textContent()).includes('Các cột chỉ tiêu'), 'the legend says what it is');
    // Above the table: read before the numbers it explains.
    const [legendBox, gridBox] = [await legend.boundingBox(), await grid.boundingBox()];
    assert.ok(legendBox.y + legendBox.height <= gridBox.y, 'the legend is above the grid');
    // Each column head's accessible name is its number and its target's whole name.
    for (const [i, target] of PLAN.targets.entries()) {
      const head = page.getByRole('columnheader', { name: `${i + 1}. ${say(target.name)}`, exact: true });
      assert.equal(await head.count(), 1, `column ${i + 1} is named ${say(target.name)}`);
    }
    // On paper too.
    await page.emulateMedia({ media: 'print' });
    await poll(
      () => legend.evaluate((el) => ({ visibility: getComputedStyle(el).visibility, shown: el.checkVisibility() })),
      (s) => s.visibility === 'visible' && s.shown,
      { message: 'the legend is printed' },
    );
    await page.emulateMedia({ media: 'screen' });
  }));

// ---------------------------------------------------------------------------------------
// 4. The document's title
// ---------------------------------------------------------------------------------------

test('the document\'s title follows the plan on screen and its language; the page\'s own title and description are neutral', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, OFFICE, async ({ page }) => {
    const served = await (await page.request.get('/')).text();
    const staticTitle = served.match(/<title>([^<]*)<\/title>/)[1];
    assert.equal(staticTitle, 'Tính điểm cải cách hành chính');
    const description = served.match(/<meta name="description" content="([^"]*)"/)[1];
    assert.doesNotMatch(description, /2021|Vĩnh Thạnh/, 'the description names no plan');
    // The pre-rendered first screen is still in the page.
    assert.match(served, /data-prerendered=""/);

    await openApp(page);
    await poll(() => page.title(), (v) => v === 'Chỉ tiêu cải cách hành chính năm 2021 · Vĩnh Thạnh', { message: 'the built-in plan' });
    await choose(page, page.locator('select[data-field="plan"]'), EXAMPLE.id);
    await poll(() => page.title(), (v) => v === say(EXAMPLE.name), { message: `the example plan: ${say(EXAMPLE.name)}` });
    // The built-in plan in English, then a reload: the title is set again from the start.
    await choose(page, page.locator('select[data-field="plan"]'), PLAN.id);
    await page.locator('[data-action="language"]').click();
    const english = `${say(PLAN.name, 'en')} · ${say(PLAN.place, 'en')}`;
    await poll(() => page.title(), (v) => v === english, { message: `in English: ${english}` });
    await page.reload();
    await waitForApp(page);
    await poll(() => page.title(), (v) => v === english, { message: 'after a reload' });
  }));

// ---------------------------------------------------------------------------------------
// 5. Presentation mode kept by a reload
// ---------------------------------------------------------------------------------------

test('presentation mode is kept by a reload of the tab, not by another tab; Escape and the button still leave it', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, PROJECTOR, async ({ page, context }) => {
    await openApp(page);
    await go(page, 'ranking');
    await page.locator('[data-action="present"]').click();
    await waitForAttributes(app(page), { 'data-present': 'true' });
    await page.reload();
    await waitForApp(page);
    await waitForAttributes(app(page), { 'data-present': 'true' });
    // Escape leaves it, and a reload then opens without it.
    await page.keyboard.press('Escape');
    await page.locator('[data-app]:not([data-present])').waitFor({ state: 'attached' });
    await page.reload();
    await waitForApp(page);
    assert.equal(await app(page).getAttribute('data-present'), null, 'left with Escape: not back after a reload');
    // The button, both ways, across a reload.
    await page.locator('[data-action="present"]').click();
    await waitForAttributes(app(page), { 'data-present': 'true' });
    await page.reload();
    await waitForApp(page);
    await waitForAttributes(app(page), { 'data-present': 'true' });
    // Another tab of the same browser opens as usual.
    const other = await context.newPage();
    await other.goto('/');
    await waitForApp(other);
    assert.equal(await app(other).getAttribute('data-present'), null, 'another tab is not in presentation mode');
    await other.close();
    await page.locator('[data-action="present"]').click();
    await page.locator('[data-app]:not([data-present])').waitFor({ state: 'attached' });
    await page.reload();
    await waitForApp(page);
    assert.equal(await app(page).getAttribute('data-present'), null, 'left with the button: not back after a reload');
  }));
