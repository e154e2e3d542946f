// End-to-end tests of the "Xuất, nhập, in" view: unit files (import of many files at once,
// conflicts, refused files, export round trip), CSV exports, share links opened in another
// browser profile, and the printable A4 report — driven as a person would use them.
// Run from the repository root after `trunk build --release`:
//     node --test tests/e2e/data.test.mjs
// (see harness.mjs for E2E_DIST / E2E_CHROMIUM / E2E_TIMEOUT).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  REPO_ROOT,
  artifactPath,
  choose,
  fill,
  looksVietnamese,
  poll,
  readStorage,
  setChecked,
  waitForApp,
  waitForAttributes,
  waitForChecked,
  waitForStatus,
  waitForSummary,
  waitForValue,
  useSuite,
  savedWorkspace,
} from './harness.mjs';
import {
  ALL_TARGETS,
  DATA_KEY,
  bloc,
  card,
  chooseUnit,
  enterRatio,
  field,
  go,
  summary,
  unit,
} from './app.mjs';

const TEST_TIMEOUT = 60_000;
const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures');
const UNIT_FIXTURES = join(FIXTURES, 'unit-files');
const fixture = (name) => join(UNIT_FIXTURES, name);

/** The 13 targets in table order. */

/** The 11 communes in list order, with their names. */
const COMMUNES = [
  ['31231', 'Thị trấn Thạnh An'],
  ['31232', 'Thị trấn Vĩnh Thạnh'],
  ['31211', 'Xã Vĩnh Bình'],
  ['31234', 'Xã Thạnh Mỹ'],
  ['31237', 'Xã Vĩnh Trinh'],
  ['31240', 'Xã Thạnh An'],
  ['31241', 'Xã Thạnh Tiến'],
  ['31243', 'Xã Thạnh Thắng'],
  ['31244', 'Xã Thạnh Lợi'],
  ['31246', 'Xã Thạnh Qưới'],
  ['31252', 'Xã Thạnh Lộc'],
];
const COMMUNE_NAME = Object.fromEntries(COMMUNES);

const { env, withPage } = useSuite('data');
let tmp;

before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'cchc-e2e-data-'));
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function openApp(page, path = '/') {
  const res = await page.goto(path);
  assert.equal(res?.status(), 200, 'index.html status');
  await waitForApp(page);
}

const rankEl = (page) => page.locator('[data-summary] [data-rank]');
const profileSelect = (page) => page.locator('select[data-field="profile"]');
const importInput = (page) => page.locator('input[type="file"][data-field="import"]');
const review = (page) => page.locator('[data-import-review]');
const conflictBox = (page, file) => page.locator(`[data-conflict="${file}"]`);
const importError = (page, file) => page.locator(`li[data-import-error="${file}"]`);
const preview = (page) => page.locator('[data-link-preview]');
const linkError = (page) => page.locator('[data-banner="share-link-error"]');

/** Waits until the trimmed visible text of `target` equals `expected` (or matches a RegExp). */
async function waitForText(target, expected, { timeout } = {}) {
  const ok = (v) => (expected instanceof RegExp ? expected.test(v) : v === expected);
  return poll(async () => (await target.first().innerText({ timeout: 1000 })).trim(), ok, {
    timeout,
    message: `${target}: expected text ${expected instanceof RegExp ? expected : JSON.stringify(expected)}`,
  });
}

/** The profile select: [value, text] of every option and the selected value. */
function profileOptions(page) {
  return profileSelect(page).evaluate((s) => ({
    options: [...s.options].map((o) => [o.value, o.textContent.trim()]),
    selected: s.value,
  }));
}

async function waitForProfiles(page, ok, message) {
  return poll(() => profileOptions(page), (o) => ok(o), { message: `profile select: ${message}` });
}

/** The saved workspace (the envelope's data), or null. */
function savedData(page) {
  return savedWorkspace(page);
}

async function waitForSavedData(page, ok, message) {
  return poll(() => savedData(page), (d) => d != null && ok(d), { message: `saved data: ${message}` });
}

/** Rows of the ranking table as plain facts. */
function tableRows(page) {
  return page.locator('tr[data-unit]').evaluateAll((rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-unit'),
      source: r.getAttribute('data-source'),
      zone: r.getAttribute('data-zone'),
      rank: r.querySelector('.rank-cell')?.textContent.trim(),
      score: r.querySelector('.score-cell')?.textContent.trim() ?? null,
    })),
  );
}

async function waitForRows(page, ok, message) {
  return poll(() => tableRows(page), (rows) => rows.length > 0 && ok(rows), { message });
}

const parseScore = (text) => Number(text.replace(/\./g, '').replace(',', '.'));

async function expectVietnamese(target, what) {
  await target.first().waitFor({ state: 'visible' });
  const text = (await target.first().innerText()).trim();
  assert.ok(text.length > 0, `${what} is empty`);
  assert.ok(looksVietnamese(text), `${what} is not Vietnamese: ${JSON.stringify(text)}`);
  return text;
}

/** Sets files on the import input (several at once) and waits for the review to appear. */
async function importFiles(page, paths) {
  await importInput(page).setInputFiles(paths);
  await review(page).waitFor({ state: 'visible' });
}

/** Clicks `button` and returns the download it starts. */
async function downloadFrom(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  assert.equal(await download.failure(), null, `download from ${button} failed`);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** Today in the page's time zone (the contexts use Asia/Ho_Chi_Minh). */
function today() {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const [y, m, d] = iso.split('-');
  return { iso, y, m, d };
}

/** RFC 4180 parser (quotes, doubled quotes, CRLF); returns rows of cells. */
function parseCsv(text, separator) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  assert.ok(!quoted, 'CSV ends inside a quoted field');
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

/**
 * Decodes a CSV download and checks the byte-level contract: BOM, CRLF only, final CRLF.
 * The Vietnamese export separates with ';' (Excel's list separator in a Vietnamese locale).
 */
function readCsv(bytes, separator = ';') {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'CSV starts with the UTF-8 byte-order mark');
  const text = bytes.subarray(3).toString('utf8');
  assert.ok(!text.includes('\uFFFD'), 'CSV is valid UTF-8');
  assert.ok(text.endsWith('\r\n'), 'CSV ends with CRLF');
  assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'every line ends with CRLF (no bare CR or LF)');
  return parseCsv(text, separator);
}

// --- unit files written by the test (docs/formats.md, version 1) ------------------------

/** Figures that meet each applicable commune target in full. */
const FULL = {
  online_work_files: { mode: 'counts', numerator: '40', denominator: '100' }, // 40% ≥ 35%
  tthc_online_l34: { mode: 'counts', numerator: '70', denominator: '100' }, // 70% ≥ 65%
  l34_with_applications: { mode: 'counts', numerator: '30', denominator: '100' }, // = 30%
  online_resolution: { mode: 'counts', numerator: '26', denominator: '100' }, // ≥ 25%
  infosec_dossiers: { mode: 'counts', numerator: '2', denominator: '2' },
  tthc_rating_good: { answer: true },
  satisfaction_admin: { mode: 'counts', numerator: '90', denominator: '100' }, // ≥ 87%
  recruitment: { mode: 'counts', numerator: '3', denominator: '3' },
};
const COMMUNE_TARGETS = Object.keys(FULL);

/** A commune's entries: the first `met` targets met in full, plus `extra` entries. */
function communeEntries(met, extra = {}) {
  const entries = {};
  for (const id of COMMUNE_TARGETS.slice(0, met)) entries[id] = FULL[id];
  return { ...entries, ...extra };
}

/** A unit file as docs/formats.md describes it. */
function unitFileJson({ unitId, bloc = 'commune', name, entries, label = '' }) {
  const doc = {
    format: 'cchc-2021-unit',
    version: 1,
    exported_at: '2021-12-20',
    app_version: '0.1.0',
    unit: { bloc, unit_id: unitId, name },
    profile: { label, bloc, unit_id: unitId, other_name: '', entries },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

function writeTmp(name, text) {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

/**
 * Ten communes (every one but Xã Vĩnh Bình, which comes from the fixture) with scores that
 * follow from the proportional model: 100 × Σ attainment ÷ 8 applicable targets.
 */
const GENERATED = [
  { unitId: '31231', file: 'cchc-2021_thi-tran-thanh-an_2021-12-20.json', entries: communeEntries(8), score: 100 },
  { unitId: '31232', file: 'cchc-2021_thi-tran-vinh-thanh_2021-12-20.json', entries: communeEntries(7), score: 87.5 },
  { unitId: '31234', file: 'cchc-2021_xa-thanh-my_2021-12-20.json', entries: communeEntries(6), score: 75 },
  {
    unitId: '31237',
    file: 'cchc-2021_xa-vinh-trinh_2021-12-20.json',
    entries: communeEntries(5, { recruitment: { numerator: '1', denominator: '2' } }), // 50% of 100%
    score: 68.75,
  },
  { unitId: '31240', file: 'cchc-2021_xa-thanh-an_2021-12-20.json', entries: communeEntries(4), score: 50 },
  { unitId: '31241', file: 'Xã Thạnh Tiến.json', entries: communeEntries(4), score: 50 }, // a tie, a Vietnamese file name
  {
    unitId: '31243',
    file: 'cchc-2021_xa-thanh-thang_2021-12-20.json',
    entries: communeEntries(3, { recruitment: { numerator: '1', denominator: '2' } }),
    score: 43.75,
  },
  { unitId: '31244', file: 'cchc-2021_xa-thanh-loi_2021-12-20.json', entries: communeEntries(2), score: 25 },
  { unitId: '31246', file: 'cchc-2021_xa-thanh-quoi_2021-12-20.json', entries: communeEntries(1), score: 12.5 },
  {
    unitId: '31252',
    file: 'cchc-2021_xa-thanh-loc_2021-12-20.json',
    entries: { recruitment: { mode: 'counts', numerator: '0', denominator: '3' } },
    score: 0,
  },
];

function writeGenerated(g) {
  return writeTmp(g.file, unitFileJson({ unitId: g.unitId, name: COMMUNE_NAME[g.unitId], entries: g.entries }));
}

/** Competition ranks (1, 2, 2, 4) of scores, highest first. */
function competitionRanks(scores) {
  const h = scores.map((s) => Math.round(s * 100));
  return h.map((x) => 1 + h.filter((y) => y > x).length);
}

// --- figures typed through the page -------------------------------------------------------

/** Xã Vĩnh Bình with all 8 applicable targets filled, as in the v1 fixtures (score 97.84). */
async function fillVinhBinhFully(page) {
  await chooseUnit(page, 'commune', '31211');
  await enterRatio(page, 'online_work_files', '412', '1.038');
  await enterRatio(page, 'tthc_online_l34', '58', '95');
  await enterRatio(page, 'l34_with_applications', '21', '58');
  await enterRatio(page, 'online_resolution', '312', '1406');
  await enterRatio(page, 'infosec_dossiers', '2', '2');
  await setChecked(page, field(card(page, 'tthc_rating_good'), 'yes'), true);
  await choose(page, field(card(page, 'satisfaction_admin'), 'entry'), 'percent');
  await fill(page, field(card(page, 'satisfaction_admin'), 'percent'), '88,6');
  await enterRatio(page, 'recruitment', '3', '3');
  // 412/1038 = 39,7% ≥ 35; 58/95 = 61,05% of 65 → 0,9393; 21/58 ≥ 30; 312/1406 = 22,19% of
  // 25 → 0,8876; the other four met: 100 × 7,8269 ÷ 8 = 97,84.
  await waitForSummary(page, { score: '97.84', met: 6, applicable: 8, missing: 0, rating: 'tot' });
}

/** Every card's status, in page order. */
function statuses(page) {
  return page.locator('[data-target]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-target'), e.getAttribute('data-status')]));
}

// ---------------------------------------------------------------------------------------
// tests
// ---------------------------------------------------------------------------------------

test('1. Phòng Nội vụ imports 13 unit files at once; the bloc tables rank them', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, {}, async ({ page }) => {
    await openApp(page);
    // Phòng Nội vụ's own profile: recruitment met, 10 targets apply to an agency.
    await chooseUnit(page, 'agency', 'noi-vu');
    await enterRatio(page, 'recruitment', '1', '1');
    await waitForSummary(page, { score: '10.00', met: 1, applicable: 10 });
    await waitForSavedData(page, (d) => d.profiles.length === 1 && d.profiles[0].profile.unit_id === 'noi-vu', 'Phòng Nội vụ saved');

    const files = [
      fixture('valid-v1-commune-xa-vinh-binh.json'),
      ...GENERATED.map(writeGenerated),
      fixture('valid-v1-agency-y-te.json'),
      fixture('valid-v1-agency-other.json'),
    ];
    assert.equal(files.length, 13);
    await go(page, 'data');
    await importFiles(page, files);
    const added = page.locator('[data-import-added]');
    await waitForAttributes(added, { 'data-import-added': '13' });
    const addedText = await added.innerText();
    for (const f of ['valid-v1-commune-xa-vinh-binh.json', 'Xã Thạnh Tiến.json', 'valid-v1-agency-other.json']) {
      assert.ok(addedText.includes(f), `the added message names ${f}: ${addedText}`);
    }
    assert.equal(await page.locator('[data-conflict]').count(), 0, 'no conflicts');
    assert.equal(await page.locator('[data-import-error]').count(), 0, 'no refused files');
    assert.equal(await page.locator('[data-import-replaced]').count(), 0, 'nothing replaced');

    // Every file became a profile, in file order; Phòng Nội vụ stays on screen.
    const expectedOptions = [
      ['p1', 'Phòng Nội vụ'],
      ['p2', 'Xã Vĩnh Bình'],
      ...GENERATED.map((g, i) => [`p${i + 3}`, COMMUNE_NAME[g.unitId]]),
      ['p13', 'Phòng Y tế – số liệu cuối năm 2021'],
      ['p14', 'Trung tâm Văn hóa – Thể thao và Truyền thanh'],
    ];
    await waitForProfiles(
      page,
      (o) => JSON.stringify(o) === JSON.stringify({ options: expectedOptions, selected: 'p1' }),
      `should be ${JSON.stringify(expectedOptions)} with p1 selected`,
    );
    await waitForSummary(page, { score: '10.00', met: 1, applicable: 10 });
    await waitForSavedData(page, (d) => d.profiles.length === 14 && d.active === 'p1', '14 profiles, p1 active');

    // The agency bloc: Phòng Y tế and the "other" agency come from their profiles, with the
    // scores their files were exported with (default model).
    const yteSummary = JSON.parse(readFileSync(fixture('valid-v1-agency-y-te.json'), 'utf8')).summary;
    const otherSummary = JSON.parse(readFileSync(fixture('valid-v1-agency-other.json'), 'utf8')).summary;
    await go(page, 'ranking');
    const agencyRows = await waitForRows(
      page,
      (rows) => rows.length === 13 && rows.some((r) => r.id === 'y-te' && r.source === 'profile'),
      '12 agencies + the "other" one, y-te from its profile',
    );
    const byId = (rows, id) => rows.find((r) => r.id === id);
    assert.equal(byId(agencyRows, 'noi-vu').source, 'own');
    assert.equal(parseScore(byId(agencyRows, 'noi-vu').score).toFixed(2), '10.00');
    assert.equal(parseScore(byId(agencyRows, 'y-te').score).toFixed(2), yteSummary.score);
    assert.equal(byId(agencyRows, 'other').source, 'profile');
    assert.equal(parseScore(byId(agencyRows, 'other').score).toFixed(2), otherSummary.score);
    assert.equal(agencyRows.filter((r) => r.source === 'unknown').length, 10, 'the other 10 agencies unknown');
    await waitForText(page.locator('tr[data-unit="other"] th'), /Trung tâm Văn hóa – Thể thao và Truyền thanh/);

    // The commune bloc, seen from Xã Vĩnh Bình: every other commune from its imported profile.
    await choose(page, profileSelect(page), 'p2');
    await waitForSummary(page, { score: '97.84', met: 6, applicable: 8 });
    const scores = {
      31211: 97.84,
      ...Object.fromEntries(GENERATED.map((g) => [g.unitId, g.score])),
    };
    const ids = COMMUNES.map(([id]) => id);
    const ranks = competitionRanks(ids.map((id) => scores[id]));
    const expected = ids.map((id, i) => ({
      id,
      source: id === '31211' ? 'own' : 'profile',
      rank: String(ranks[i]),
      score: scores[id].toFixed(2),
      zone: ranks[i] <= 5 ? 'in' : null,
    }));
    // By hand: 100 (1), 97,84 (2), 87,5 (3), 75 (4), 68,75 (5), 50 and 50 (6, 6), 43,75 (8) …
    assert.deepEqual(
      expected.map((r) => `${r.id}:${r.rank}`),
      ['31231:1', '31232:3', '31211:2', '31234:4', '31237:5', '31240:6', '31241:6', '31243:8', '31244:9', '31246:10', '31252:11'],
    );
    const rows = await waitForRows(
      page,
      (rs) => rs.length === 11 && rs.every((r) => r.source !== 'unknown'),
      '11 commune rows, none unknown',
    );
    // The leaderboard lists them best first, ties in list order (issue 13).
    assert.deepEqual(
      rows.map((r) => ({ id: r.id, source: r.source, rank: r.rank, score: parseScore(r.score).toFixed(2), zone: r.zone })),
      [...expected].sort((a, b) => Number(a.rank) - Number(b.rank)),
    );
    await waitForAttributes(rankEl(page), { 'data-rank-best': '2', 'data-rank-worst': '2', 'data-bloc-size': '11', 'data-award': 'in' });
  }),
);

test('2. a file for a unit that already has a profile waits for replace / add / skip', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, {}, async ({ page }) => {
    const FILE = 'valid-v1-commune-xa-vinh-binh.json';
    await openApp(page);
    await chooseUnit(page, 'commune', '31211');
    await enterRatio(page, 'recruitment', '1', '1');
    await waitForSummary(page, { score: '12.50', met: 1, applicable: 8 });
    await waitForSavedData(
      page,
      (d) => d.profiles.length === 1 && d.profiles[0].profile.entries?.recruitment?.denominator === '1',
      'the typed profile',
    );
    const before = await readStorage(page);

    await go(page, 'data');
    await importFiles(page, [fixture(FILE)]);
    const box = conflictBox(page, FILE);
    await box.waitFor({ state: 'visible' });
    assert.ok((await box.innerText()).includes(FILE), 'the conflict names the file');
    // Side by side: score row + 13 targets; existing on the left, the file on the right.
    const table = box.locator('table.side-by-side');
    await table.waitFor({ state: 'visible' });
    assert.deepEqual(
      (await table.locator('thead th').allInnerTexts()).map((s) => s.trim()),
      ['Chỉ tiêu', 'Bản đánh giá hiện có', 'Trong tệp'],
    );
    assert.equal(await table.locator('tbody tr').first().locator('th').innerText(), 'Điểm');
    const bodyRows = table.locator('tbody tr');
    assert.equal(await bodyRows.count(), 14, 'score + 13 targets');
    const cells = async (i) => (await bodyRows.nth(i).locator('td').allInnerTexts()).map((s) => s.trim());
    assert.deepEqual(await cells(0), ['12,5', '97,84'], 'scores side by side, as the Vietnamese page writes them');
    const recruitmentIdx = 1 + ALL_TARGETS.indexOf('recruitment');
    assert.deepEqual(await cells(recruitmentIdx), ['1/1 · Đạt', '3/3 · Đạt']);
    assert.deepEqual(await cells(1 + ALL_TARGETS.indexOf('satisfaction_admin')), ['—/— · Chưa đủ số liệu', '88,6% · Đạt']);
    assert.deepEqual(await cells(1 + ALL_TARGETS.indexOf('org_structure')), ['Không áp dụng · Không áp dụng', 'Không áp dụng · Không áp dụng']);
    // The 8 applicable targets (different figures) are marked; the 5 others are not.
    const labelsOf = async (loc) => (await loc.allInnerTexts()).map((s) => s.trim());
    const rowLabels = await labelsOf(table.locator('tbody tr th')); // "Điểm", then the 13 targets
    const applicableLabels = ALL_TARGETS.map((id, i) => [id, rowLabels[i + 1]])
      .filter(([id]) => COMMUNE_TARGETS.includes(id))
      .map(([, label]) => label);
    assert.equal(applicableLabels.length, 8);
    assert.deepEqual(await labelsOf(table.locator('tbody tr.differs th')), applicableLabels);
    // Nothing changed yet.
    assert.equal(await page.locator('[data-import-added], [data-import-replaced]').count(), 0);
    assert.deepEqual(await readStorage(page), before, 'localStorage unchanged while the choice is pending');
    await waitForSummary(page, { score: '12.50' });

    // Replace: the figures of the file take the profile's place.
    await box.locator('[data-action="conflict-replace"]').click();
    await box.waitFor({ state: 'detached' });
    await waitForAttributes(page.locator('[data-import-replaced]'), { 'data-import-replaced': '1' });
    assert.ok((await page.locator('[data-import-replaced]').innerText()).includes(FILE));
    await waitForSummary(page, { score: '97.84', met: 6, applicable: 8 });
    await waitForProfiles(page, (o) => JSON.stringify(o) === JSON.stringify({ options: [['p1', 'Xã Vĩnh Bình']], selected: 'p1' }), 'one profile');
    await waitForSavedData(
      page,
      (d) =>
        d.profiles.length === 1 &&
        d.profiles[0].profile.entries.recruitment.numerator === '3' &&
        d.profiles[0].profile.entries.satisfaction_admin.percent === '88,6',
      'p1 replaced by the file',
    );
    await go(page, 'calculator');
    await waitForValue(field(card(page, 'recruitment'), 'numerator'), '3');
    await waitForValue(field(card(page, 'online_work_files'), 'denominator'), '1.038');

    // The same file again: a conflict again (p1 now differs from it); skip, then add it as a second one.
    await fill(page, field(card(page, 'recruitment'), 'numerator'), '2'); // make p1 differ
    await waitForSummary(page, { score: '93.67', met: 5 }); // 2/3 of 100% → 0,6667 instead of 1: 100 × 7,4936 ÷ 8
    await waitForSavedData(page, (d) => d.profiles[0].profile.entries.recruitment.numerator === '2', 'p1 edited');
    await go(page, 'data');
    const beforeSkip = await readStorage(page);
    await importFiles(page, [fixture(FILE)]);
    await box.waitFor({ state: 'visible' });
    assert.equal(await box.locator('tbody tr.differs').count(), 1, 'only recruitment differs now');
    assert.deepEqual(await cells(recruitmentIdx), ['2/3 · Chưa đạt', '3/3 · Đạt']);
    await box.locator('[data-action="conflict-skip"]').click();
    await box.waitFor({ state: 'detached' });
    assert.equal(await page.locator('[data-import-added], [data-import-replaced], [data-conflict]').count(), 0);
    assert.deepEqual(await readStorage(page), beforeSkip, 'skip changed nothing saved');
    await waitForProfiles(page, (o) => o.options.length === 1 && o.selected === 'p1', 'still one profile');

    await importFiles(page, [fixture(FILE)]);
    await box.waitFor({ state: 'visible' });
    await box.locator('[data-action="conflict-add"]').click();
    await box.waitFor({ state: 'detached' });
    await waitForAttributes(page.locator('[data-import-added]'), { 'data-import-added': '1' });
    await waitForProfiles(
      page,
      (o) => JSON.stringify(o) === JSON.stringify({ options: [['p1', 'Xã Vĩnh Bình'], ['p2', 'Xã Vĩnh Bình']], selected: 'p1' }),
      'two profiles for Xã Vĩnh Bình, the edited one still active',
    );
    await waitForSummary(page, { score: '93.67' });
    const afterAdd = await waitForSavedData(
      page,
      (d) =>
        d.profiles.length === 2 &&
        d.profiles[0].profile.entries.recruitment.numerator === '2' &&
        d.profiles[1].profile.entries.recruitment.numerator === '3',
      'p1 kept, p2 from the file',
    );
    assert.equal(afterAdd.active, 'p1');

    // And once more: the file's data is now here, identical (p2): "already there", no
    // conflict, nothing changes.
    const beforeAgain = await readStorage(page);
    await page.locator('[data-action="import-dismiss"]').click();
    await review(page).waitFor({ state: 'detached' });
    await importFiles(page, [fixture(FILE)]);
    const already = page.locator('[data-import-already-there]');
    await waitForAttributes(already, { 'data-import-already-there': '1' });
    assert.ok((await already.innerText()).includes(FILE), 'it names the file');
    await expectVietnamese(already, '[data-import-already-there]');
    assert.equal(await page.locator('[data-import-added], [data-import-replaced], [data-conflict]').count(), 0, 'no conflict');
    assert.deepEqual(await readStorage(page), beforeAgain, 'nothing saved changed');
    await waitForProfiles(page, (o) => o.options.length === 2 && o.selected === 'p1', 'still two profiles');
    await waitForSummary(page, { score: '93.67' });
  }),
);

test('3. refused files are listed by name with a reason; the good one is added; nothing saved changes', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, {}, async ({ page }) => {
    await openApp(page);
    await chooseUnit(page, 'commune', '31211');
    await enterRatio(page, 'recruitment', '1', '1');
    await waitForSummary(page, { score: '12.50' });
    await go(page, 'ranking');
    await fill(page, page.locator('tr[data-unit="31231"] input[data-field="peer-score"]'), '42');
    await waitForSavedData(page, (d) => d.peer_scores?.['31231'] === '42' && d.profiles.length === 1, 'profile and peer score');
    const storedBefore = await readStorage(page);
    const dataBefore = JSON.parse(storedBefore[DATA_KEY]);

    const good = GENERATED.find((g) => g.unitId === '31234');
    const goodPath = writeGenerated(good);
    // Over 1 MiB (1 048 576 bytes), otherwise a well-formed unit file.
    const big = unitFileJson({ unitId: '31240', name: 'Xã Thạnh An', entries: communeEntries(1), label: 'x'.repeat(1_100_000) });
    const bigPath = writeTmp('qua-lon.json', big);
    const bigSize = Buffer.byteLength(big);
    assert.ok(bigSize > 1_048_576);
    const bigSizeVi = bigSize.toLocaleString('de-DE'); // 1.100.xxx: Vietnamese thousands dots

    const bad = {
      'bad-not-json.json': /^Tệp “bad-not-json\.json”: tệp không phải JSON hợp lệ \(lỗi ở dòng \d+, cột \d+\)\.$/,
      'qua-lon.json': new RegExp(`^Tệp “qua-lon\\.json”: tệp quá lớn \\(${bigSizeVi.replace(/\./g, '\\.')} byte; tối đa 1\\.048\\.576 byte\\)\\.$`),
      'bad-wrong-shape.json': /^Tệp “bad-wrong-shape\.json”: mục “profile\.entries\.recruitment\.numerator” có kiểu dữ liệu không đúng\.$/,
      'bad-unknown-target.json': /^Tệp “bad-unknown-target\.json”: có chỉ tiêu không tồn tại “online_payments”\.$/,
      'bad-unknown-unit.json': /^Tệp “bad-unknown-unit\.json”: đơn vị “31299” không có trong danh sách\.$/,
      'bad-impossible-figures.json': /^Tệp “bad-impossible-figures\.json”: có 4 ô số liệu chưa hợp lệ, ví dụ ở chỉ tiêu “[^”]+”: .+/,
      'bad-newer-version.json': /^Tệp “bad-newer-version\.json”: tệp được tạo bởi phiên bản mới hơn của ứng dụng \(định dạng 3; phiên bản này đọc được đến 2\)\.$/,
      'bad-saved-data-backup.json': /^Tệp “bad-saved-data-backup\.json”: đây là bản sao lưu toàn bộ dữ liệu của ứng dụng, không phải tệp bản đánh giá của một đơn vị\.$/,
    };
    const paths = Object.keys(bad).map((name) => (name === 'qua-lon.json' ? bigPath : fixture(name)));
    paths.splice(3, 0, goodPath); // the good one somewhere in the middle

    await go(page, 'data');
    await importFiles(page, paths);
    const added = page.locator('[data-import-added]');
    await waitForAttributes(added, { 'data-import-added': '1' });
    assert.ok((await added.innerText()).includes(good.file), 'the added message names the good file');
    await poll(() => page.locator('li[data-import-error]').count(), (n) => n === 8, { message: '8 refused files listed' });
    await waitForText(review(page).locator('.import-errors > p'), 'Không nhập được 8 tệp; số liệu đã lưu không thay đổi:');
    for (const [name, pattern] of Object.entries(bad)) {
      const text = await expectVietnamese(importError(page, name), `the message for ${name}`);
      assert.match(text, pattern, `message for ${name}`);
    }
    assert.equal(await page.locator('[data-conflict], [data-import-replaced]').count(), 0, 'no conflict (the refused 31211 file is not offered)');

    // Saved data: exactly as before plus the one added profile; every other key untouched.
    const dataAfter = await waitForSavedData(page, (d) => d.profiles.length === 2, 'the good file added');
    assert.deepEqual(dataAfter.profiles[0], dataBefore.data.profiles[0], 'the existing profile is unchanged');
    assert.equal(dataAfter.profiles[1].id, 'p2');
    assert.equal(dataAfter.profiles[1].profile.unit_id, '31234');
    const savedEntries = dataAfter.profiles[1].profile.entries;
    assert.deepEqual(Object.keys(savedEntries).sort(), Object.keys(good.entries).sort(), 'the file\'s targets');
    for (const [id, entry] of Object.entries(good.entries)) {
      for (const [k, v] of Object.entries(entry)) assert.equal(savedEntries[id][k], v, `${id}.${k}`);
    }
    const { profiles: _a, ...restAfter } = dataAfter;
    const { profiles: _b, ...restBefore } = dataBefore.data;
    assert.deepEqual(restAfter, restBefore, 'active profile, peer scores, model, language unchanged');
    const storedAfter = await readStorage(page);
    const others = (s) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== DATA_KEY));
    assert.deepEqual(others(storedAfter), others(storedBefore), 'no other localStorage key changed');
    // The stamp (revision, id, parents) changes with every save (issue 10): format and
    // version stay.
    const envelope = (raw) => {
      const { data, revision, id, parents, ...rest } = JSON.parse(raw);
      return rest;
    };
    assert.deepEqual(envelope(storedAfter[DATA_KEY]), envelope(storedBefore[DATA_KEY]), 'same envelope format/version');
    await waitForSummary(page, { score: '12.50' });
    await waitForProfiles(
      page,
      (o) => JSON.stringify(o) === JSON.stringify({ options: [['p1', 'Xã Vĩnh Bình'], ['p2', 'Xã Thạnh Mỹ']], selected: 'p1' }),
      'Xã Vĩnh Bình (active) and the imported Xã Thạnh Mỹ',
    );
  }),
);

test('4. export: unit file round trip, profile CSV, bloc table CSV, and no file without a unit', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, {}, async ({ page, more }) => {
    const day = today();
    await openApp(page);
    await chooseUnit(page, 'commune', '31211');
    await enterRatio(page, 'online_work_files', '412', '1.038');
    await setChecked(page, field(card(page, 'tthc_rating_good'), 'yes'), true);
    await choose(page, field(card(page, 'satisfaction_admin'), 'entry'), 'percent');
    await fill(page, field(card(page, 'satisfaction_admin'), 'percent'), '88,6');
    await enterRatio(page, 'recruitment', '3', '3');
    // Four of the 8 targets met in full, nothing else entered: 100 × 4 ÷ 8.
    await waitForSummary(page, { score: '50.00', met: 4, applicable: 8 });
    const rating = await summary(page).getAttribute('data-rating');
    const statusesBefore = await statuses(page);

    await go(page, 'data');
    // --- the unit file
    const json = await downloadFrom(page, '[data-action="export-json"]');
    assert.equal(json.name, `cchc-2021_xa-vinh-binh_${day.iso}.json`);
    assert.match(json.name, /^cchc-2021_xa-vinh-binh_\d{4}-\d{2}-\d{2}\.json$/);
    const text = json.bytes.toString('utf8');
    assert.ok(text.endsWith('}\n'), 'ends with a line break');
    assert.ok(text.includes('\n  "format": "cchc-2021-unit"'), 'indented by two spaces');
    const doc = JSON.parse(text);
    assert.equal(doc.format, 'cchc-2021-unit');
    assert.equal(doc.version, 1);
    assert.equal(doc.exported_at, day.iso);
    assert.deepEqual(doc.unit, { bloc: 'commune', unit_id: '31211', name: 'Xã Vĩnh Bình' });
    assert.deepEqual(doc.summary, { score: '50.00', rating, met: 4, applicable: 8 });
    assert.deepEqual(Object.keys(doc.profile.entries).sort(), ['online_work_files', 'recruitment', 'satisfaction_admin', 'tthc_rating_good']);
    assert.equal(doc.profile.entries.online_work_files.denominator, '1.038', 'kept exactly as typed');
    assert.equal(doc.profile.entries.satisfaction_admin.mode, 'percent');
    assert.equal(doc.profile.entries.satisfaction_admin.percent, '88,6');
    assert.equal(doc.profile.entries.tthc_rating_good.answer, true);
    assert.equal(await page.locator('[data-error="export"]').count(), 0);

    // ... opened in another browser profile reproduces the same figures and score.
    {
      const { page: other } = await more();
      await openApp(other);
      await go(other, 'data');
      await importFiles(other, [writeTmp(json.name, json.bytes)]);
      await waitForAttributes(other.locator('[data-import-added]'), { 'data-import-added': '1' });
      const { options } = await waitForProfiles(other, (o) => o.options.some(([, name]) => name === 'Xã Vĩnh Bình'), 'the imported profile');
      const value = options.find(([, name]) => name === 'Xã Vĩnh Bình')[0];
      await choose(other, profileSelect(other), value);
      await go(other, 'calculator');
      await waitForSummary(other, { score: '50.00', met: 4, applicable: 8, rating });
      assert.deepEqual(await statuses(other), statusesBefore, 'same status for every target');
      await waitForValue(field(card(other, 'online_work_files'), 'numerator'), '412');
      await waitForValue(field(card(other, 'online_work_files'), 'denominator'), '1.038');
      await waitForValue(field(card(other, 'satisfaction_admin'), 'entry'), 'percent');
      await waitForValue(field(card(other, 'satisfaction_admin'), 'percent'), '88,6');
      await waitForChecked(field(card(other, 'tthc_rating_good'), 'yes'), true);
      await waitForValue(field(card(other, 'recruitment'), 'denominator'), '3');
    }

    // --- the profile as CSV
    const csv = await downloadFrom(page, '[data-action="export-csv"]');
    assert.equal(csv.name, `cchc-2021_xa-vinh-binh_${day.iso}.csv`);
    const rows = readCsv(csv.bytes);
    const ratingName = { tot: 'Tốt', kha: 'Khá', 'trung-binh': 'Trung bình', yeu: 'Yếu' }[rating];
    assert.deepEqual(rows[0], ['Đơn vị', 'Xã Vĩnh Bình']);
    assert.deepEqual(rows[1], ['Mã đơn vị', '31211']);
    assert.deepEqual(rows[2], ['Tên bản đánh giá', '']);
    assert.deepEqual(rows[3], ['Khối', 'Khối xã, thị trấn']);
    assert.deepEqual(rows[4], ['Điểm', '50'], 'the score as the Vietnamese page writes it');
    assert.deepEqual(rows[5], ['Xếp loại', ratingName]);
    assert.deepEqual(rows[6], ['Số chỉ tiêu đạt / áp dụng', '4', '8']);
    assert.deepEqual(rows[7], [''], 'an empty row before the table');
    assert.equal(rows[8].length, 14);
    assert.equal(rows[8][0], 'Mã chỉ tiêu');
    const targetRows = rows.slice(9);
    assert.deepEqual(targetRows.map((r) => r[0]), ALL_TARGETS, 'one row per target, in table order');
    assert.ok(targetRows.every((r) => r.length === 14), '14 cells in every target row');
    const csvRow = Object.fromEntries(targetRows.map((r) => [r[0], r]));
    // Issue 11: the status id, then the status in Vietnamese words.
    assert.deepEqual(csvRow.online_work_files.slice(2, 9), ['1', 'met', 'Đạt', '412', '1038', '39,6917', '35']);
    assert.deepEqual(csvRow.satisfaction_admin.slice(2, 9), ['1', 'met', 'Đạt', '', '', '88,6', '87']);
    assert.deepEqual(csvRow.tthc_rating_good.slice(2, 5), ['1', 'met', 'Đạt']);
    assert.equal(csvRow.tthc_rating_good[9], '1');
    assert.deepEqual(csvRow.recruitment.slice(2, 9), ['1', 'met', 'Đạt', '3', '3', '100', '100']);
    assert.deepEqual(csvRow.tthc_online_l34.slice(2, 5), ['1', 'incomplete', 'Chưa đủ số liệu']);
    assert.deepEqual(csvRow.org_structure.slice(2, 5), ['0', 'na', 'Không áp dụng']);
    assert.deepEqual(
      targetRows.map((r) => r[3]),
      // In the plan's order: the page shows the targets that do not apply last (issue 13).
      ALL_TARGETS.map((id) => statusesBefore.find(([t]) => t === id)[1]),
      'the CSV statuses are the page\'s',
    );

    // --- the bloc table as CSV: one row per commune
    const table = await downloadFrom(page, '[data-action="export-table-csv"]');
    assert.equal(table.name, `cchc-2021_bang-xep-hang_commune_${day.iso}.csv`);
    const trows = readCsv(table.bytes);
    assert.deepEqual(trows[0], ['Hạng', 'Mã đơn vị', 'Đơn vị', 'Điểm', 'Mã nguồn điểm', 'Nguồn điểm', 'Trong nhóm khen thưởng']);
    assert.equal(trows.length, 1 + 11);
    assert.deepEqual(trows.slice(1).map((r) => [r[1], r[2]]), COMMUNES);
    assert.deepEqual(trows.find((r) => r[1] === '31211'), ['1–11', '31211', 'Xã Vĩnh Bình', '50', 'own', 'Đơn vị của bạn', '']);
    assert.ok(
      trows.slice(1).filter((r) => r[1] !== '31211').every((r) => r[0] === '' && r[3] === '' && r[4] === 'unknown'),
      'every other commune unknown',
    );

    // --- no unit chosen, then impossible figures: an error and no file.
    {
      const { page: fresh } = await more();
      const downloads = [];
      fresh.on('download', (d) => downloads.push(d.suggestedFilename()));
      await openApp(fresh);
      await go(fresh, 'data');
      await fresh.locator('[data-action="export-json"]').click();
      const noUnit = await expectVietnamese(fresh.locator('[data-error="export"]'), '[data-error=export]');
      assert.equal(noUnit, 'Chưa xuất được tệp bản đánh giá: hãy chọn đơn vị trước.');
      // A later download proves the click above started none (downloads arrive in order).
      const later = await downloadFrom(fresh, '[data-action="export-table-csv"]');
      assert.deepEqual(downloads, [later.name], 'no unit file was downloaded');

      await go(fresh, 'calculator');
      await chooseUnit(fresh, 'commune', '31211');
      await enterRatio(fresh, 'recruitment', '5', '3');
      await waitForStatus(card(fresh, 'recruitment'), 'invalid');
      await go(fresh, 'data');
      await fresh.locator('[data-action="export-json"]').click();
      await waitForText(fresh.locator('[data-error="export"]'), /^Chưa xuất được tệp bản đánh giá: có 1 ô số liệu chưa hợp lệ, ví dụ ở chỉ tiêu “.+”: .+/);
      await expectVietnamese(fresh.locator('[data-error="export"]'), '[data-error=export]');
      const later2 = await downloadFrom(fresh, '[data-action="export-table-csv"]');
      assert.deepEqual(downloads, [later.name, later2.name], 'no unit file with impossible figures');
    }
  }),
);

test('5. share link: preview in a fresh browser profile, open / replace / ignore, cut and edited links', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, {}, async ({ page, more }) => {
    // The sender fills every applicable target of Xã Vĩnh Bình and makes a link.
    await openApp(page);
    await fillVinhBinhFully(page);
    const senderStatuses = await statuses(page);
    await go(page, 'data');
    const share = page.locator('[data-share]');
    await page.locator('[data-action="share-link"]').click();
    const url = await poll(() => share.getAttribute('data-share-url'), (v) => !!v, { message: 'data-share-url set' });
    assert.ok(url.startsWith(`${env.server.url}/#u1.`), `the full address with #u1.…: ${url}`);
    await waitForValue(page.locator('#share-url'), url);
    const fragment = url.slice(url.indexOf('#') + 1);
    assert.match(fragment, /^u1\.[A-Za-z0-9_-]+$/, 'only base64url characters');
    t.diagnostic(`share link for a full commune: ${url.length} characters (fragment ${fragment.length})`);
    assert.ok(url.length < 500, `a full commune's link is well under 2,000 characters: ${url.length}`);
    // The same profile as the v1 fixture, so exactly the same link.
    assert.equal(fragment, readFileSync(join(FIXTURES, 'share-links', 'v1-commune-xa-vinh-binh.txt'), 'utf8').trim());

    const unitProfiles = (data, unitId) => (data?.profiles ?? []).filter((r) => r.profile.unit_id === unitId);

    // --- a fresh browser profile opens the link: a preview, nothing saved, no fragment.
    {
      const { page: b } = await more();
      const res = await b.goto(url);
      assert.equal(res?.status(), 200);
      await preview(b).waitFor({ state: 'visible' });
      await waitForApp(b);
      await waitForText(preview(b).locator('.preview-unit'), 'Xã Vĩnh Bình · Khối xã, thị trấn · Điểm: 97,84 · Đạt 6/8 chỉ tiêu');
      assert.equal(await preview(b).locator('tbody tr').count(), 13, 'the preview lists every target');
      await waitForText(preview(b).locator('[data-action="replace"]'), 'Thay thế bản đánh giá “Bản đánh giá chưa chọn đơn vị”');
      await poll(() => b.url(), (u) => !u.includes('#'), { message: 'the fragment is removed from the address' });
      assert.equal(b.url(), `${env.server.url}/`);
      assert.deepEqual(unitProfiles(await savedData(b), '31211'), [], 'nothing saved before a choice');
      await waitForSummary(b, { score: '0.00' }); // the empty first-visit profile is still on screen

      await preview(b).locator('[data-action="open-as-new"]').click();
      await preview(b).waitFor({ state: 'detached' });
      await waitForSummary(b, { score: '97.84', met: 6, applicable: 8, missing: 0, rating: 'tot' });
      await waitForProfiles(b, (o) => JSON.stringify(o) === JSON.stringify({ options: [['p1', 'Xã Vĩnh Bình']], selected: 'p1' }), 'the link became the one profile');
      await card(b, 'recruitment').waitFor();
      assert.deepEqual(await statuses(b), senderStatuses, 'every target has the sender\'s status');
      await waitForValue(field(card(b, 'online_work_files'), 'denominator'), '1.038');
      await waitForValue(field(card(b, 'online_resolution'), 'denominator'), '1406');
      await waitForValue(field(card(b, 'satisfaction_admin'), 'percent'), '88,6');
      await waitForChecked(field(card(b, 'tthc_rating_good'), 'yes'), true);
      await waitForSavedData(
        b,
        (d) => unitProfiles(d, '31211').length === 1 && unitProfiles(d, '31211')[0].profile.entries.online_work_files.numerator === '412',
        'the opened profile saved',
      );
    }

    // --- a browser profile that already has Xã Vĩnh Bình: "replace" names it and replaces it.
    {
      const { page: c } = await more();
      await openApp(c);
      await chooseUnit(c, 'commune', '31211');
      await enterRatio(c, 'recruitment', '0', '3');
      await waitForSummary(c, { score: '0.00', met: 0 });
      await c.locator('[data-action="profile-new"]').click();
      await chooseUnit(c, 'commune', '31234');
      await enterRatio(c, 'recruitment', '1', '1');
      await waitForSummary(c, { score: '12.50' });
      const twoProfiles = { options: [['p1', 'Xã Vĩnh Bình'], ['p2', 'Xã Thạnh Mỹ']], selected: 'p2' };
      await waitForProfiles(c, (o) => JSON.stringify(o) === JSON.stringify(twoProfiles), 'two profiles, Xã Thạnh Mỹ active');
      await waitForSavedData(c, (d) => d.profiles.length === 2 && d.active === 'p2', 'two profiles saved');
      const before = await readStorage(c);

      await c.goto(url); // same page, new fragment
      await preview(c).waitFor({ state: 'visible' });
      const replace = preview(c).locator('[data-action="replace"]');
      // It names the profile of the same unit, not the one on screen.
      await waitForText(replace, 'Thay thế bản đánh giá “Xã Vĩnh Bình”');
      await poll(() => c.url(), (u) => !u.includes('#'), { message: 'the fragment is removed' });
      assert.deepEqual(await readStorage(c), before, 'nothing saved while the preview waits');

      await replace.click();
      await preview(c).waitFor({ state: 'detached' });
      await waitForProfiles(
        c,
        (o) => JSON.stringify(o) === JSON.stringify({ ...twoProfiles, selected: 'p1' }),
        'still two profiles, the replaced one on screen',
      );
      await waitForSummary(c, { score: '97.84', met: 6, applicable: 8 });
      await waitForValue(field(card(c, 'recruitment'), 'numerator'), '3');
      const replaced = await waitForSavedData(
        c,
        (d) => d.profiles.length === 2 && d.profiles[0].profile.entries.recruitment?.numerator === '3',
        'p1 replaced by the link',
      );
      const beforeData = JSON.parse(before[DATA_KEY]).data;
      assert.deepEqual(replaced.profiles[1], beforeData.profiles[1], 'the other profile is untouched');

      // --- "ignore" changes nothing.
      const beforeIgnore = await readStorage(c);
      await c.goto(url);
      await preview(c).waitFor({ state: 'visible' });
      await preview(c).locator('[data-action="link-ignore"]').click();
      await preview(c).waitFor({ state: 'detached' });
      assert.equal(c.url(), `${env.server.url}/`);
      assert.deepEqual(await readStorage(c), beforeIgnore, 'ignore saved nothing');
      await waitForSummary(c, { score: '97.84' });

      // --- a cut link and a link with one character changed: an error banner, no change.
      const payload = fragment.slice(3);
      const cut = `${env.server.url}/#u1.${payload.slice(0, Math.floor(payload.length / 2))}`;
      const i = Math.floor(payload.length / 2);
      const edited = `${env.server.url}/#u1.${payload.slice(0, i)}${payload[i] === 'A' ? 'B' : 'A'}${payload.slice(i + 1)}`;
      for (const [link, reason] of [
        [cut, 'Không mở được liên kết chia sẻ: liên kết bị cắt mất một phần; hãy sao chép lại toàn bộ liên kết.'],
        [edited, 'Không mở được liên kết chia sẻ: liên kết đã bị sửa hoặc bị hỏng.'],
      ]) {
        await c.goto(link);
        const banner = linkError(c);
        await banner.waitFor({ state: 'visible' });
        const text = await expectVietnamese(banner.locator('p'), 'the share-link error');
        assert.equal(text, reason);
        assert.equal(await preview(c).count(), 0, 'no preview');
        await poll(() => c.url(), (u) => !u.includes('#'), { message: 'the fragment is removed' });
        assert.deepEqual(await readStorage(c), beforeIgnore, `a broken link changed nothing (${link})`);
        await waitForSummary(c, { score: '97.84' });
        await banner.locator('button.dismiss').click();
        await banner.waitFor({ state: 'detached' });
      }
    }
  }),
);

test('6. print view: every target, date, score, rank, settings, signatures; A4 PDF of at most 2 pages', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, {}, async ({ page }) => {
    const day = today();
    await openApp(page);
    await chooseUnit(page, 'commune', '31211');
    await enterRatio(page, 'online_work_files', '412', '1.038');
    await enterRatio(page, 'recruitment', '1', '1');
    await waitForSummary(page, { score: '25.00', met: 2, applicable: 8 });
    // A weight of 2 for recruitment: 100 × (1 + 2) ÷ (7 + 2) = 33,33.
    await go(page, 'settings');
    await choose(page, page.locator('tr[data-setting-target="recruitment"] select[data-field="weight"]'), '2');
    await waitForSummary(page, { score: '33.33', met: 2, applicable: 8, rating: 'yeu' });
    // One peer known above: rank 2–11 of 11.
    await go(page, 'ranking');
    await fill(page, page.locator('tr[data-unit="31231"] input[data-field="peer-score"]'), '90');
    await waitForAttributes(rankEl(page), { 'data-rank-best': '2', 'data-rank-worst': '11', 'data-bloc-size': '11', 'data-award': 'possible' });

    await go(page, 'data');
    await page.locator('[data-action="print"]').click();
    const report = page.locator('[data-print]');
    await report.waitFor({ state: 'visible' });
    const rows = report.locator('tr[data-print-target]');
    assert.deepEqual(await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-print-target'))), ALL_TARGETS, 'every target, in order');
    const rowText = async (id) => (await report.locator(`tr[data-print-target="${id}"] td`).allInnerTexts()).map((s) => s.trim());
    const recruitment = await rowText('recruitment');
    assert.equal(recruitment[0], String(ALL_TARGETS.indexOf('recruitment') + 1));
    // Issue 13: the percentage in brackets, never "100% = 100%".
    assert.deepEqual(recruitment.slice(2, 4), ['1/1 (100%)', '100%']);
    assert.match(recruitment[4], /Đạt$/);
    const owf = await rowText('online_work_files');
    assert.match(owf[2], /^412\/1\.038 \(≈ 39,69%\)$/);
    assert.equal(owf[3], '≥ 35%');
    assert.match(owf[4], /Đạt$/);
    assert.match((await rowText('org_structure'))[4], /Không áp dụng$/);
    assert.match((await rowText('tthc_online_l34'))[4], /Chưa đủ số liệu$/);
    const recruitmentLabel = recruitment[1];

    const text = (sel) => report.locator(sel).innerText().then((s) => s.trim());
    // Issue 13: the issuing body as officers head a document.
    assert.equal(await report.locator('.report-unit-name').evaluate((e) => e.textContent.trim()), 'UBND XÃ VĨNH BÌNH');
    assert.equal(await text('.report-unit-name'), 'UBND XÃ VĨNH BÌNH');
    assert.equal(await text('.report-unit'), 'Đơn vị: Xã Vĩnh Bình (Khối xã, thị trấn)');
    assert.equal(await text('.report-date'), `Vĩnh Thạnh, ngày ${day.d} tháng ${day.m} năm ${day.y}`);
    // Score and rating as in the summary (data-score 33.33, data-rating yeu).
    assert.equal(await text('.report-score'), 'Điểm tự đánh giá: 33,33/100. Xếp loại: Yếu. Đạt 2/8 chỉ tiêu áp dụng.');
    assert.equal(
      await text('.report-rank'),
      'Ước tính xếp hạng: Hạng 2–11/11 · Có thể vào nhóm 5 đơn vị dẫn đầu, tùy điểm các đơn vị chưa biết.',
    );
    const models = await report.locator('.report-model').allInnerTexts();
    assert.equal(models.length, 2, 'the scoring settings and the weights that differ from 1');
    assert.match(models[0], /^Cách tính điểm: Theo tỷ lệ \(mức đạt so với chỉ tiêu, tối đa 1\); xếp loại Tốt từ [\d,]+, Khá từ [\d,]+, Trung bình từ [\d,]+; khen thưởng 5 đơn vị dẫn đầu khối\.$/);
    assert.equal(models[1].trim(), `Trọng số khác 1: ${recruitmentLabel}: 2.`);
    const signatures = (await report.locator('.signatures strong').allInnerTexts()).map((s) => s.trim());
    assert.deepEqual(signatures, ['NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ']);

    // "Print" calls window.print().
    await page.evaluate(() => {
      window.__printCalls = 0;
      Window.prototype.print = function () {
        window.__printCalls++;
      };
      window.print = Window.prototype.print;
    });
    await page.locator('[data-action="print-now"]').click();
    await poll(() => page.evaluate(() => window.__printCalls), (n) => n === 1, { message: 'window.print() called once' });

    // On paper: only the report.
    await page.emulateMedia({ media: 'print' });
    await poll(
      async () => ({
        nav: await page.locator('[data-view="data"]').isVisible(),
        summary: await summary(page).isVisible(),
        toolbar: await page.locator('[data-action="print-now"]').isVisible(),
        report: await report.isVisible(),
        signatures: await report.locator('.signatures').isVisible(),
      }),
      (v) => !v.nav && !v.summary && !v.toolbar && v.report && v.signatures,
      { message: 'print media: nav, summary and toolbar hidden; the report visible' },
    );
    const pdf = await page.pdf({ format: 'A4' });
    const pdfPath = artifactPath('report.pdf');
    writeFileSync(pdfPath, pdf);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
    t.diagnostic(`report.pdf: ${pages} page(s), ${pdf.length} bytes`);
    assert.ok(pages >= 1 && pages <= 2, `the report fits on at most 2 A4 pages, got ${pages}`);
    await page.emulateMedia({ media: 'screen' });
  }),
);
