// End-to-end tests of the district office's journey (issue 13): unit files collected by
// import (their export dates shown in the review), honest district totals (incomplete while
// a unit's figures are missing or typed as percentages, with a labelled estimate), the grid
// of units × targets with who has not sent figures, its CSV for Excel and its print, and the
// printed report's heading and print button.
// Run from the repository root after `trunk build --release`:
//     node --test --test-concurrency=1 tests/e2e/office.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { choose, poll, useSuite, waitForApp, waitForAttributes } from './harness.mjs';
import { COMMUNE_IDS, go } from './app.mjs';

const TEST_TIMEOUT = 90_000;
const { env, withPage } = useSuite('office');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let tmp;

before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'cchc-e2e-office-'));
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const COMMUNE_NAMES = {
  31231: 'Thị trấn Thạnh An',
  31232: 'Thị trấn Vĩnh Thạnh',
  31211: 'Xã Vĩnh Bình',
  31234: 'Xã Thạnh Mỹ',
  31237: 'Xã Vĩnh Trinh',
  31240: 'Xã Thạnh An',
  31241: 'Xã Thạnh Tiến',
  31243: 'Xã Thạnh Thắng',
  31244: 'Xã Thạnh Lợi',
  31246: 'Xã Thạnh Qưới',
  31252: 'Xã Thạnh Lộc',
};

const counts = (numerator, denominator) => ({ mode: 'counts', numerator, denominator });
const percent = (p) => ({ mode: 'percent', percent: p });

/** Writes a unit file (docs/formats.md, version 1) exported on `date`; returns its path. */
function unitFile(unitId, date, entries, file = `cchc-2021_${unitId}_${date}.json`) {
  const doc = {
    format: 'cchc-2021-unit',
    version: 1,
    exported_at: date,
    app_version: '0.1.0',
    unit: { bloc: 'commune', unit_id: unitId, name: COMMUNE_NAMES[unitId] },
    profile: { label: '', bloc: 'commune', unit_id: unitId, other_name: '', entries },
  };
  const path = join(tmp, file);
  writeFileSync(path, JSON.stringify(doc, null, 2) + '\n');
  return path;
}

async function openApp(page) {
  const res = await page.goto('/');
  assert.equal(res?.status(), 200);
  await waitForApp(page);
}

async function importFiles(page, paths) {
  await go(page, 'data');
  await page.locator('input[type="file"][data-field="import"]').setInputFiles(paths);
  await page.locator('[data-import-review]').waitFor({ state: 'visible' });
}

async function text(locator) {
  return (await locator.first().innerText()).trim();
}

async function waitForText(locator, ok, message) {
  return poll(() => text(locator), typeof ok === 'function' ? ok : (v) => v === ok, { message: `${locator}: ${message ?? JSON.stringify(ok)}` });
}

/** RFC 4180 with CRLF; checks the BOM. */
function readCsv(bytes, separator = ';') {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'CSV starts with the UTF-8 byte-order mark');
  const body = bytes.subarray(3).toString('utf8');
  assert.ok(body.endsWith('\r\n'), 'CSV ends with CRLF');
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

// The three files of the journey: Vĩnh Bình counts its files and types its satisfaction as a
// percentage; Thạnh Mỹ types it too; Vĩnh Trinh counts satisfaction but not its files.
function journeyFiles() {
  return [
    unitFile('31211', '2026-11-20', {
      online_work_files: counts('13', '20'), // 65% ≥ 35%
      satisfaction_admin: percent('90'),
      tthc_rating_good: { answer: true },
    }),
    unitFile('31234', '2026-11-25', {
      online_work_files: counts('5', '20'), // 25% < 35%
      satisfaction_admin: percent('88'),
    }),
    unitFile('31237', '2026-11-26', {
      satisfaction_admin: counts('9', '10'),
    }),
  ];
}

test('1. district totals are honest: counts mixed with percentages are incomplete, with a labelled estimate and the units counted', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, {}, async ({ page }) => {
    await openApp(page);
    await importFiles(page, journeyFiles());
    // The review names each file with its export date.
    const added = page.locator('[data-import-added]');
    await waitForAttributes(added, { 'data-import-added': '3' });
    const addedText = await text(added);
    for (const date of ['20/11/2026', '25/11/2026', '26/11/2026']) assert.ok(addedText.includes(`xuất ngày ${date}`), addedText);

    await go(page, 'district');
    const row = (id) => page.locator(`tr[data-district-target="${id}"]`);
    const cell = (id, scope) => row(id).locator(`td[data-scope="${scope}"]`);

    // Satisfaction: two units typed percentages, one counted: nothing can be summed. Once
    // "chưa có số liệu"; now incomplete, with the average of the three as the estimate.
    await waitForAttributes(row('satisfaction_admin'), { 'data-status': 'incomplete' });
    const satisfaction = cell('satisfaction_admin', 'commune');
    await waitForAttributes(satisfaction, { 'data-status': 'incomplete', 'data-units-included': '3', 'data-units-expected': '11' });
    const estimate = satisfaction.locator('[data-estimate]');
    await waitForAttributes(estimate, { 'data-estimate': '89.33' }); // (90 + 88 + 90) ÷ 3
    assert.equal(await text(estimate), 'Ước tính: 89,33% (trung bình tỷ lệ của 3 đơn vị)');
    const satisfactionText = await text(satisfaction);
    assert.ok(!satisfactionText.includes('✓') && !/(^|\s)Đạt/.test(satisfactionText), `never "✓ Đạt": ${satisfactionText}`);
    assert.ok(satisfactionText.includes('Chưa đủ số liệu'), satisfactionText);
    assert.ok(!satisfactionText.includes('chưa có số liệu'), 'five units typed it: not "no figures"');

    // Files handled online: 18 of 40 from two units; Vĩnh Trinh sent none: incomplete, the
    // pooled counts an estimate, and the figure says which units it includes.
    const files = cell('online_work_files', 'commune');
    await waitForAttributes(files, { 'data-status': 'incomplete', 'data-units-included': '2', 'data-units-expected': '11' });
    assert.equal(await text(files.locator('.figures')), '18/40 (≥ 35%)');
    assert.equal(await text(files.locator('[data-estimate]')), 'Ước tính: 45% (cộng số liệu của 2 đơn vị)');
    const units = files.locator('details.district-units');
    assert.equal(await text(units.locator('summary')), '2/11 đơn vị');
    await units.locator('summary').click();
    await waitForText(units.locator('p').first(), 'Có số liệu: Xã Vĩnh Bình, Xã Thạnh Mỹ.');
    const lacking = await text(units.locator('p').nth(1));
    assert.ok(lacking.startsWith('Chưa có số liệu: Thị trấn Thạnh An, Thị trấn Vĩnh Thạnh, Xã Vĩnh Trinh,'), lacking);
  }),
);

test('2. with every commune counted the bloc total is judged exactly; the row stays incomplete while agencies are missing', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, {}, async ({ page }) => {
    await openApp(page);
    // Ten communes at 7/20 and the last at 7/20 or 6/20: 77/220 = 35% meets 35%, 76 does not.
    const paths = COMMUNE_IDS.map((id, i) => unitFile(id, '2026-11-27', { online_work_files: counts(i === 10 ? '6' : '7', '20') }));
    await importFiles(page, paths);
    await go(page, 'district');
    const row = page.locator('tr[data-district-target="online_work_files"]');
    const communes = row.locator('td[data-scope="commune"]');
    await waitForAttributes(communes, { 'data-status': 'not-met', 'data-units-included': '11', 'data-units-expected': '11' });
    assert.equal(await text(communes.locator('.figures')), '76/220 ≈ 34,55% (≥ 35%)');
    assert.equal(await communes.locator('[data-estimate]').count(), 0, 'a complete total has no estimate');
    await waitForAttributes(row.locator('td[data-scope="agency"]'), { 'data-status': 'incomplete' });
    await waitForAttributes(row, { 'data-status': 'incomplete' });

    await importFiles(page, [unitFile('31252', '2026-11-29', { online_work_files: counts('7', '20') }, 'newer.json')]);
    await page.locator('[data-conflict="newer.json"] [data-action="conflict-replace"]').click();
    await go(page, 'district');
    await waitForAttributes(communes, { 'data-status': 'met' });
    assert.equal(await text(communes.locator('.figures')), '77/220 = 35% (≥ 35%)');
  }),
);

test('3. the grid: units × targets, who has not sent, export dates, files lacking figures; one CSV; printable', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, {}, async ({ page }) => {
    await openApp(page);
    await importFiles(page, journeyFiles());
    await go(page, 'district');
    const grid = page.locator('[data-grid]');
    await grid.waitFor({ state: 'visible' });
    const gridCell = (unit, target) => grid.locator(`td[data-unit="${unit}"][data-target="${target}"]`);
    await waitForAttributes(gridCell('31211', 'online_work_files'), { 'data-status': 'met' });
    await waitForAttributes(gridCell('31234', 'online_work_files'), { 'data-status': 'not-met' });
    await waitForAttributes(gridCell('31237', 'online_work_files'), { 'data-status': 'incomplete' });
    await waitForAttributes(gridCell('31211', 'org_structure'), { 'data-status': 'not-applicable' });
    await waitForAttributes(gridCell('31231', 'online_work_files'), { 'data-status': 'missing' });
    await waitForAttributes(gridCell('vp-hdnd-ubnd', 'online_work_files'), { 'data-status': 'missing' });
    // Every unit of the plan is a row: 11 communes and 12 agencies.
    assert.equal(await grid.locator('tr[data-grid-row]').count(), 23);
    // Text as well as colour.
    assert.match(await text(gridCell('31211', 'online_work_files')), /^✓\s*Đạt\s*65%$/);
    assert.match(await text(gridCell('31234', 'online_work_files')), /^✗\s*Chưa đạt\s*25%$/);
    assert.match(await text(gridCell('31231', 'online_work_files')), /^○\s*Chưa nộp$/);

    // Who has not sent: 8 communes, all 12 agencies.
    await waitForAttributes(page.locator('li[data-not-sent="commune"]'), { 'data-count': '8' });
    await waitForAttributes(page.locator('li[data-not-sent="agency"]'), { 'data-count': '12' });
    assert.ok((await text(page.locator('li[data-not-sent="commune"]'))).startsWith('Khối xã, thị trấn: 8/11 đơn vị chưa nộp: Thị trấn Thạnh An,'));
    // Export dates, and files lacking figures flagged.
    const vinhBinh = grid.locator('tr[data-grid-row="31211"]');
    await waitForAttributes(vinhBinh, { 'data-sent': 'true', 'data-exported-at': '2026-11-20' });
    const lacking = Number(await vinhBinh.getAttribute('data-lacking'));
    assert.ok(lacking > 0, 'Vĩnh Bình left most targets empty');
    assert.ok((await text(vinhBinh.locator('.grid-file'))).startsWith('20/11/2026'));
    assert.equal(await text(vinhBinh.locator('[data-flag="lacking"]')), `⚠ thiếu ${lacking} chỉ tiêu`);
    await waitForAttributes(grid.locator('tr[data-grid-row="31231"]'), { 'data-sent': 'false' });
    assert.equal(await grid.locator('tr[data-grid-row="31231"]').getAttribute('data-exported-at'), null);

    // One CSV for Excel.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="grid-csv"]').click()]);
    assert.match(download.suggestedFilename(), /^cchc_vinh-thanh-2021_theo-doi_\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = readCsv(readFileSync(await download.path()));
    assert.equal(rows.length, 1 + 23);
    assert.deepEqual(rows[0].slice(0, 7), ['Khối', 'Mã đơn vị', 'Tên đơn vị', 'Đã nộp', 'Ngày xuất tệp', 'Số chỉ tiêu chưa đủ số liệu', 'Điểm']);
    const csvRow = (id) => rows.find((r) => r[1] === id);
    const col = (name) => rows[0].indexOf(name);
    assert.deepEqual(csvRow('31211').slice(0, 6), ['Khối xã, thị trấn', '31211', 'Xã Vĩnh Bình', '1', '2026-11-20', String(lacking)]);
    assert.deepEqual(csvRow('31231').slice(3, 5), ['0', '']);
    const filesColumn = rows[0].findIndex((h) => h.startsWith('Hồ sơ công việc'));
    assert.ok(filesColumn > 6);
    assert.equal(csvRow('31211')[filesColumn], '65');
    assert.equal(csvRow('31211')[filesColumn + 1], 'Đạt');
    assert.equal(csvRow('31237')[filesColumn + 1], 'Chưa đủ số liệu');
    assert.equal(csvRow('31231')[filesColumn + 1], 'Chưa nộp');
    assert.ok(col('Điểm') === 6);

    // Printable: in print media the grid shows and the rest of the page does not.
    await page.emulateMedia({ media: 'print' });
    await poll(
      () => page.evaluate(() => ({
        grid: getComputedStyle(document.querySelector('[data-grid]')).visibility,
        totals: getComputedStyle(document.querySelector('.district-table')).visibility,
        button: document.querySelector('[data-action="grid-print"]').checkVisibility(),
      })),
      (s) => s.grid === 'visible' && s.totals === 'hidden' && s.button === false,
      { message: 'print media: the grid only' },
    );
    await page.emulateMedia({ media: 'screen' });
  }),
);

test('4. the import review tells the newer file from the older; the grid shows the date of the file taken', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, {}, async ({ page }) => {
    await openApp(page);
    await importFiles(page, journeyFiles());
    await page.locator('[data-action="import-dismiss"]').click();
    await importFiles(page, [unitFile('31211', '2026-11-28', { online_work_files: counts('14', '20') }, 'vinh-binh-moi.json')]);
    const conflict = page.locator('[data-conflict="vinh-binh-moi.json"]');
    const dates = conflict.locator('.conflict-dates');
    await waitForAttributes(dates, { 'data-conflict-order': 'newer' });
    assert.match(await text(dates.locator('[data-date="existing"]')), /: xuất ngày 20\/11\/2026$/);
    assert.match(await text(dates.locator('[data-date="incoming"]')), /: xuất ngày 28\/11\/2026 \(mới hơn\)$/);
    await conflict.locator('[data-action="conflict-replace"]').click();
    await go(page, 'district');
    await waitForAttributes(page.locator('tr[data-grid-row="31211"]'), { 'data-exported-at': '2026-11-28' });
    // An older file is said to be older.
    await importFiles(page, [unitFile('31211', '2026-11-01', { online_work_files: counts('1', '20') }, 'vinh-binh-cu.json')]);
    await waitForAttributes(page.locator('[data-conflict="vinh-binh-cu.json"] .conflict-dates'), { 'data-conflict-order': 'older' });
  }),
);

test('5. the printed report: headed "UBND XÃ …", its print button focused and in sight, no "= 58%"', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, { viewport: { width: 360, height: 740 } }, async ({ page }) => {
    await openApp(page);
    await importFiles(page, [unitFile('31211', '2026-11-20', { online_work_files: counts('29', '50'), recruitment: counts('1', '1') })]);
    await choose(page, page.locator('select[data-field="profile"]'), await page.locator('select[data-field="profile"] option').first().getAttribute('value'));
    await go(page, 'data');
    // The way in is at the bottom of a long page.
    const open = page.locator('[data-action="print"]');
    await open.scrollIntoViewIfNeeded();
    await open.click();
    const button = page.locator('[data-action="print-now"]');
    await poll(() => button.evaluate((b) => document.activeElement === b), (v) => v, { message: 'the print button has the focus' });
    const box = await button.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 740, `the print button is in sight: ${JSON.stringify(box)}`);
    const report = page.locator('[data-print]');
    assert.equal(await text(report.locator('[data-report-issuer]')), 'UBND XÃ VĨNH BÌNH');
    const cells = (id) => report.locator(`tr[data-print-target="${id}"] td`).allInnerTexts();
    const files = (await cells('online_work_files')).map((s) => s.trim());
    assert.equal(files[2], '29/50 (58%)');
    const recruitment = (await cells('recruitment')).map((s) => s.trim());
    assert.deepEqual(recruitment.slice(2, 4), ['1/1 (100%)', '100%']);
    const all = (await report.innerText()).replace(/\s+/g, ' ');
    assert.doesNotMatch(all, /= \d/, 'no "x = y%" in the report');
  }),
);

test('6. axe-core finds no violation on the district view with its grid, nor on the import review with dates, at 360 and 1280 px', { timeout: TEST_TIMEOUT }, async () => {
  for (const width of [360, 1280]) {
    // axe is injected as a script, which the app's CSP rightly forbids: bypass it here.
    const context = await env.browser.newContext({ baseURL: env.server.url, viewport: { width, height: 800 }, bypassCSP: true, locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      await openApp(page);
      await importFiles(page, journeyFiles());
      await page.locator('input[type="file"][data-field="import"]').setInputFiles([unitFile('31211', '2026-11-28', { online_work_files: counts('14', '20') }, 'moi.json')]);
      await page.locator('[data-conflict="moi.json"] .conflict-dates').waitFor();
      const axe = async () => {
        await page.addScriptTag({ content: AXE_SOURCE });
        return page.evaluate(async () => {
          const result = await window.axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
        });
      };
      assert.deepEqual(await axe(), [], `axe violations on the import review at ${width}px`);
      await go(page, 'district');
      await page.locator('[data-grid]').waitFor();
      await page.locator('tr[data-district-target="satisfaction_admin"] td[data-scope="commune"] summary').click();
      assert.deepEqual(await axe(), [], `axe violations on the district view at ${width}px`);
    } finally {
      await context.close();
    }
  }
});
