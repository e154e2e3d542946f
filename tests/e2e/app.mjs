// The page, as the end-to-end tests see it: locators and actions over the stable data-*
// contract (README, "Contract for scripts"), shared by every test file.

import { choose, fill, waitForAttributes } from './harness.mjs';

export { BACKUP_PREFIX, DATA_KEY } from './names.mjs';

/** Every target id, in the page's order. */
export const ALL_TARGETS = [
  'online_work_files',
  'tthc_online_l34',
  'l34_with_applications',
  'online_resolution',
  'infosec_dossiers',
  'tthc_rating_good',
  'satisfaction_admin',
  'satisfaction_education',
  'satisfaction_health',
  'org_structure',
  'leader_appointments',
  'recruitment',
  'self_financing_units',
];

export const STATUSES = ['met', 'not-met', 'na', 'incomplete', 'invalid'];

/** The 11 communes in the order the ranking table lists them. */
export const COMMUNE_IDS = ['31231', '31232', '31211', '31234', '31237', '31240', '31241', '31243', '31244', '31246', '31252'];

export const card = (page, id) => page.locator(`[data-target="${id}"]`);
export const field = (c, name) => c.locator(`[data-field="${name}"]`);
export const bloc = (page) => page.locator('select[data-field="bloc"]');
export const unit = (page) => page.locator('select[data-field="unit"]');
export const summary = (page) => page.locator('[data-summary]');

export async function chooseUnit(page, blocId, unitId) {
  await choose(page, bloc(page), blocId);
  await choose(page, unit(page), unitId);
}

export async function enterRatio(page, id, numerator, denominator) {
  const c = card(page, id);
  await fill(page, field(c, 'numerator'), numerator);
  await fill(page, field(c, 'denominator'), denominator);
}

/** data-score as the app must format it: 100 × Σ weight × attainment ÷ Σ weight, two decimals, dot. */
export function score(attainments, totalWeight) {
  const sum = attainments.reduce((a, b) => a + b, 0);
  return ((100 * sum) / totalWeight).toFixed(2);
}

const VIEW_MARKERS = {
  calculator: '[data-target]',
  ranking: 'table.bloc-table',
  district: '[data-district]',
  data: '[data-data-view]',
  settings: '[data-settings]',
};

/** Clicks a navigation button and waits until its view is on screen. */
export async function go(page, view) {
  const button = page.locator(`[data-view="${view}"]`);
  await button.click();
  await waitForAttributes(button, { 'aria-current': 'page' });
  await page.locator(VIEW_MARKERS[view]).first().waitFor({ state: 'attached' });
  await summary(page).waitFor({ state: 'visible' }); // on every view
}

/** Opens the fold of the targets that do not apply to the unit (issue 13), if it is shut. */
export async function unfold(page) {
  const fold = page.locator('details[data-na-fold]');
  if ((await fold.count()) && !(await fold.evaluate((d) => d.open))) await fold.locator(':scope > summary').click();
}
