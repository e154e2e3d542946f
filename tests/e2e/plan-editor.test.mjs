// End-to-end tests of the plan editor (issue 12, item 5), as mounted in the app: the plans
// view opens it on a plan (`edit-plan`), or on a copy for the next year for the built-in plan
// and the examples. The plan edited here is tests/fixtures/plans/editor-sample.json, the
// sample plan of tests/plan_editor_render.rs as a plan file. Timings (pasting 170 units) are
// measured by the benchmark (scripts/bench.sh), not here.
// Run from the repository root after `trunk build --release`:
//     node --test --test-concurrency=1 tests/e2e/plan-editor.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import {
  REPO_ROOT,
  artifactPath,
  choose,
  poll,
  useSuite,
  waitForApp,
  waitForAttributes,
  waitForStatus,
  waitForSummary,
  waitForValue,
} from './harness.mjs';
import { bloc as blocSelect, card, chooseUnit, enterRatio, score, unit } from './app.mjs';

const { withPage } = useSuite('plan-editor');

const SAMPLE = join(REPO_ROOT, 'tests', 'fixtures', 'plans', 'editor-sample.json');
const SAMPLE_ID = 'an-hoa-2026';
const planSelect = (page) => page.locator('select[data-field="plan"]');
const planItem = (page, id) => page.locator(`li[data-plan-id="${id}"]`);
const optionValues = (select) => select.evaluate((s) => [...s.options].map((o) => o.value));

async function goPlans(page) {
  const button = page.locator('[data-view="plans"]');
  await button.click();
  await waitForAttributes(button, { 'aria-current': 'page' });
  await page.locator('[data-plans]').first().waitFor();
}

async function goCalculator(page) {
  const button = page.locator('[data-view="calculator"]');
  await button.click();
  await waitForAttributes(button, { 'aria-current': 'page' });
  await page.locator('[data-target]').first().waitFor();
}

/** Opens the app, adds the sample plan from its file and opens the editor on it. */
async function openEditor(page) {
  await page.goto('/');
  await waitForApp(page);
  await goPlans(page);
  await page.locator('input[type="file"][data-field="import-plan"]').setInputFiles(SAMPLE);
  await page.locator('[data-plans-added]').waitFor();
  await planItem(page, SAMPLE_ID).locator('[data-action="edit-plan"]').click();
  await page.locator('[data-plan-editor]').waitFor();
  // The editor holds the sample plan itself (not a copy).
  await waitForValue(field(page, 'plan.id'), SAMPLE_ID);
}

const field = (page, path) => page.locator(`[data-plan-field="${path}"]:not([type="checkbox"])`);
const problem = (page, path) => page.locator(`[data-problem="${path}"]`);

test('a threshold that does not read is shown next to its field and blocks saving', (t) => withPage(t, {}, async ({ page }) => {
  await openEditor(page);
  const path = 'plan.targets[0].applies.phuong';
  const threshold = field(page, path);
  await threshold.fill('87,125');
  // "87,125" reads as 87 125 (thousands), above 100: the Vietnamese message is beside it.
  await problem(page, path).waitFor();
  assert.match(await problem(page, path).innerText(), /100/);
  const describedBy = await threshold.getAttribute('aria-describedby');
  const problemId = await problem(page, path).getAttribute('id');
  assert.ok(describedBy.split(' ').includes(problemId), `${describedBy} / ${problemId}`);
  assert.equal(await threshold.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('[data-plan-problems]').getAttribute('data-plan-problems'), '1');
  assert.ok(await page.locator('[data-action="save-plan"]').isDisabled());
  // The summary's link takes the focus to the field, leaving the fragment alone.
  const hash = await page.evaluate(() => location.hash);
  await page.locator(`[data-problem-link="${path}"]`).click();
  await poll(() => page.evaluate(() => document.activeElement?.dataset.planField), (p) => p === path);
  assert.equal(await page.evaluate(() => location.hash), hash);
  // Two decimals are the most a threshold has.
  await threshold.fill('87,1255');
  await poll(() => problem(page, path).innerText(), (text) => /2 chữ số thập phân/.test(text));
  await threshold.fill('87,25');
  await problem(page, path).waitFor({ state: 'detached' });
  assert.equal(await page.locator('[data-plan-problems]').getAttribute('data-plan-problems'), '0');
  assert.ok(await page.locator('[data-action="save-plan"]').isEnabled());
}));

test('170 units pasted from Excel replace the bloc\'s units, and the saved plan offers them', (t) => withPage(t, {}, async ({ page }) => {
  await openEditor(page);
  const lines = ['Mã\tTên đơn vị'];
  for (let n = 0; n < 170; n++) lines.push(`${27000 + n}\tPhường Số ${n + 1}`);
  const box = field(page, 'plan.blocs[0].units');
  await box.fill(lines.join('\r\n'));
  const bloc = page.locator('[data-plan-bloc="phuong"]');
  await poll(() => bloc.locator('.pe-paste-result').innerText(), (t) => t.includes('Đọc được 170 đơn vị'));
  await bloc.locator('[data-action="paste-units"]').click();
  await poll(() => bloc.locator('.pe-units > summary').innerText(), (t) => t.includes('(170)'));
  // The unit table renders its rows once opened.
  await bloc.locator('.pe-units > summary').click();
  assert.equal(await field(page, 'plan.blocs[0].units[169].id').inputValue(), '27169');
  assert.equal(await field(page, 'plan.blocs[0].units[0].name').inputValue(), 'Phường Số 1');
  await page.locator('[data-action="save-plan"]').click();
  await page.locator('[data-plan-editor]').waitFor({ state: 'detached' });
  // Saved: listed with its 170 + 1 units, and the wards are the pasted ones.
  await poll(() => planItem(page, SAMPLE_ID).locator('.plan-facts').innerText(), (t) => t.includes('171 đơn vị'));
  await goCalculator(page);
  await waitForValue(planSelect(page), SAMPLE_ID);
  await choose(page, blocSelect(page), 'phuong');
  await poll(() => optionValues(unit(page)), (v) => v.includes('27000') && v.includes('27169') && !v.includes('26734'), { message: 'the pasted wards replace the old one' });
  assert.equal((await optionValues(unit(page))).filter((v) => /^27\d{3}$/.test(v)).length, 170);
}));

test('a duplicate code in a paste is named by its line and nothing is pasted', (t) => withPage(t, {}, async ({ page }) => {
  await openEditor(page);
  await field(page, 'plan.blocs[1].units').fill('1\tXã A\n2\tXã B\n1\tXã C');
  const bloc = page.locator('[data-plan-bloc="xa"]');
  await poll(() => bloc.locator('[data-paste-problem="3"]').innerText(), (t) => t.includes('dòng 1'));
  assert.ok(await bloc.locator('[data-action="paste-units"]').isDisabled());
}));

test('copy for the next year, then type 2026: the id and the name follow', (t) => withPage(t, {}, async ({ page }) => {
  await openEditor(page);
  await page.locator('[data-action="plan-start-copy"]').click();
  await poll(() => field(page, 'plan.id').inputValue(), (v) => v === 'an-hoa-2027');
  await field(page, 'plan.year').fill('2030');
  await poll(() => field(page, 'plan.id').inputValue(), (v) => v === 'an-hoa-2030');
  assert.equal(await field(page, 'plan.name').inputValue(), 'Chỉ tiêu CCHC năm 2030');
}));

test('a kind switched to yes/no drops its thresholds; at 360 px nothing scrolls sideways', (t) => withPage(t, { viewport: { width: 360, height: 740 } }, async ({ page }) => {
  await openEditor(page);
  await field(page, 'plan.targets[0].kind').selectOption('yes_no');
  await field(page, 'plan.targets[0].question').waitFor();
  assert.equal(await field(page, 'plan.targets[0].applies.phuong').count(), 0);
  // The preview says what a unit of the bloc now sees.
  await poll(
    () => page.locator('[data-preview-target="toan_trinh"]').innerText(),
    (t) => t.includes('tốt trở lên'),
  );
  await page.locator('.pe-units > summary').first().click();
  const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `${overflow} px wider than the screen`);
  await page.screenshot({ path: artifactPath('plan-editor-360.png') });
}));

test('a copy with an edited threshold, saved, is in the plan select and a unit of it scores with that threshold', { timeout: 60_000 }, (t) => withPage(t, {}, async ({ page }) => {
  await openEditor(page);
  await page.locator('[data-action="plan-start-copy"]').click();
  await poll(() => field(page, 'plan.id').inputValue(), (v) => v === 'an-hoa-2027');
  // The wards' threshold of toan_trinh: 87,5 % in the sample, 80 % in the copy.
  const threshold = field(page, 'plan.targets[0].applies.phuong');
  await threshold.fill('80');
  await waitForAttributes(page.locator('[data-plan-problems]'), { 'data-plan-problems': '0' });
  await page.locator('[data-action="save-plan"]').click();
  await page.locator('[data-plan-editor]').waitFor({ state: 'detached' });
  await planItem(page, 'an-hoa-2027').waitFor();
  await planItem(page, SAMPLE_ID).waitFor(); // the sample is still there, unchanged

  await goCalculator(page);
  await poll(() => optionValues(planSelect(page)), (v) => v.includes('an-hoa-2027') && v.includes(SAMPLE_ID), { message: 'both plans can be chosen' });
  await waitForValue(planSelect(page), 'an-hoa-2027'); // the saved plan is on screen
  await chooseUnit(page, 'phuong', '26734');
  // 8/10 = 80 %: met at the edited 80 % (it would not be at 87,5 %).
  await enterRatio(page, 'toan_trinh', '8', '10');
  await waitForStatus(card(page, 'toan_trinh'), 'met');
  await waitForSummary(page, { score: '100.00', met: 1, applicable: 1 });
  // 7/10: 70 % of 80 % (weight 2, the ward's only target).
  await enterRatio(page, 'toan_trinh', '7', '10');
  await waitForStatus(card(page, 'toan_trinh'), 'not-met');
  await waitForSummary(page, { score: score([(2 * 70) / 80], 2), met: 0, applicable: 1 });
  assert.match(await card(page, 'toan_trinh').innerText(), /80/);

  // The sample plan kept its 87,5 %: 8/10 is not met there.
  await choose(page, planSelect(page), SAMPLE_ID);
  await chooseUnit(page, 'phuong', '26734');
  await enterRatio(page, 'toan_trinh', '8', '10');
  await waitForStatus(card(page, 'toan_trinh'), 'not-met');
  await waitForSummary(page, { score: score([(2 * 80) / 87.5], 2) });
}));

test('"Soạn bản sao cho năm sau" on the built-in plan opens vinh-thanh-2022, saved beside the 2021 plan', { timeout: 60_000 }, (t) => withPage(t, {}, async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await goPlans(page);
  const edit = planItem(page, 'vinh-thanh-2021').locator('[data-action="edit-plan"]');
  assert.equal((await edit.innerText()).trim(), 'Soạn bản sao cho năm sau');
  await edit.click();
  await page.locator('[data-plan-editor]').waitFor();
  await waitForValue(field(page, 'plan.id'), 'vinh-thanh-2022');
  assert.equal(await field(page, 'plan.year').inputValue(), '2022');
  await waitForAttributes(page.locator('[data-plan-problems]'), { 'data-plan-problems': '0' });
  await page.locator('[data-action="save-plan"]').click();
  await page.locator('[data-plan-editor]').waitFor({ state: 'detached' });
  await planItem(page, 'vinh-thanh-2022').waitFor();
  await planItem(page, 'vinh-thanh-2021').waitFor();
  await goCalculator(page);
  await poll(() => optionValues(planSelect(page)), (v) => v.includes('vinh-thanh-2022') && v.includes('vinh-thanh-2021'), { message: 'both years can be chosen' });
  await waitForValue(planSelect(page), 'vinh-thanh-2022');
  // The copy keeps the 2021 rules: a commune of it scores as it would in 2021.
  await chooseUnit(page, 'commune', '31211');
  await enterRatio(page, 'online_work_files', '7', '20');
  const status2022 = await poll(() => card(page, 'online_work_files').getAttribute('data-status'), (s) => s === 'met' || s === 'not-met');
  const score2022 = await page.locator('[data-summary]').getAttribute('data-score');
  await choose(page, planSelect(page), 'vinh-thanh-2021');
  await chooseUnit(page, 'commune', '31211');
  await enterRatio(page, 'online_work_files', '7', '20');
  await waitForStatus(card(page, 'online_work_files'), status2022);
  await waitForSummary(page, { score: score2022 });
}));
