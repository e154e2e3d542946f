// Screenshots of the district office's journey (issue 13) at 1280 px, 1366×768 and 360 px:
// the district view (honest totals), the grid, the import review with export dates, and the
// print view as it opens. Run from the repository root after `trunk build --release`:
//     node scripts/screenshots/office.mjs
// Writes docs/screenshots/office-<part>-<width>.png.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, launchBrowser, newPage, requireBuild, startServer, waitForApp } from '../../tests/e2e/harness.mjs';

const OUT = join(REPO_ROOT, 'docs', 'screenshots');
const tmp = mkdtempSync(join(tmpdir(), 'cchc-office-shots-'));

const NAMES = {
  31231: ['commune', 'Thị trấn Thạnh An'],
  31232: ['commune', 'Thị trấn Vĩnh Thạnh'],
  31211: ['commune', 'Xã Vĩnh Bình'],
  31234: ['commune', 'Xã Thạnh Mỹ'],
  31237: ['commune', 'Xã Vĩnh Trinh'],
  31240: ['commune', 'Xã Thạnh An'],
  31241: ['commune', 'Xã Thạnh Tiến'],
  'noi-vu': ['agency', 'Phòng Nội vụ'],
  'tu-phap': ['agency', 'Phòng Tư pháp'],
  'y-te': ['agency', 'Phòng Y tế'],
};
const c = (numerator, denominator) => ({ mode: 'counts', numerator, denominator });
const p = (percent) => ({ mode: 'percent', percent });

function unitFile(unitId, date, entries, file = `cchc-2021_${unitId}_${date}.json`) {
  const [bloc, name] = NAMES[unitId];
  const doc = {
    format: 'cchc-2021-unit',
    version: 1,
    exported_at: date,
    app_version: '0.1.0',
    unit: { bloc, unit_id: unitId, name },
    profile: { label: '', bloc, unit_id: unitId, other_name: '', entries },
  };
  const path = join(tmp, file);
  writeFileSync(path, JSON.stringify(doc, null, 2) + '\n');
  return path;
}

const full = (i) => ({
  online_work_files: c(String(30 + i * 3), '100'),
  tthc_online_l34: c(String(60 + i), '100'),
  l34_with_applications: c(String(25 + i), '100'),
  online_resolution: c(String(20 + i * 2), '100'),
  infosec_dossiers: c('2', '2'),
  tthc_rating_good: { answer: i % 3 !== 0 },
  satisfaction_admin: i % 2 ? p(String(85 + i)) : c(String(85 + i), '100'),
  recruitment: c('3', '3'),
});

function files() {
  return [
    unitFile('31231', '2026-11-18', full(1)),
    unitFile('31232', '2026-11-20', full(2)),
    unitFile('31211', '2026-11-20', full(3)),
    unitFile('31234', '2026-11-24', full(4)),
    unitFile('31237', '2026-11-25', { online_work_files: c('12', '40'), satisfaction_admin: p('90') }),
    unitFile('31240', '2026-11-26', full(5)),
    unitFile('31241', '2026-11-27', full(6)),
    unitFile('noi-vu', '2026-11-21', { ...full(2), org_structure: c('1', '1'), leader_appointments: c('2', '2') }),
    unitFile('tu-phap', '2026-11-23', full(4)),
    unitFile('y-te', '2026-11-28', { ...full(1), satisfaction_health: p('86') }),
  ];
}

/** Scrolls so that `selector` starts just below the sticky summary. */
async function below(page, selector) {
  await page.evaluate((sel) => {
    const summary = document.querySelector('[data-summary]')?.getBoundingClientRect().height ?? 0;
    const top = document.querySelector(sel).getBoundingClientRect().top + window.scrollY;
    window.scrollTo(0, Math.max(0, top - summary - 16));
  }, selector);
}

const server = await startServer(requireBuild());
const browser = await launchBrowser();
try {
  for (const [width, height] of [[1280, 800], [1366, 768], [360, 740]]) {
    const { page, context } = await newPage(browser, { baseURL: server.url, viewport: { width, height } });
    await page.goto('/');
    await waitForApp(page);
    const go = async (view) => {
      await page.locator(`[data-view="${view}"]`).click();
      await page.locator(`[data-view="${view}"][aria-current="page"]`).waitFor();
    };
    await go('data');
    await page.locator('input[type="file"][data-field="import"]').setInputFiles(files());
    await page.locator('[data-import-added]').waitFor();
    // A newer file of Vĩnh Bình: the review says which one is newer.
    await page.locator('input[type="file"][data-field="import"]').setInputFiles([
      unitFile('31211', '2026-11-29', { ...full(3), online_work_files: c('41', '100') }, 'xa-vinh-binh-moi.json'),
    ]);
    const conflict = page.locator('[data-conflict="xa-vinh-binh-moi.json"]');
    await conflict.waitFor();
    await conflict.scrollIntoViewIfNeeded();
    await below(page, '[data-import-review]');
    await page.screenshot({ path: join(OUT, `office-import-${width}.png`) });
    await conflict.locator('[data-action="conflict-replace"]').click();

    await go('district');
    await page.locator('[data-grid]').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(OUT, `office-district-${width}.png`) });
    await page.locator('tr[data-district-target="satisfaction_admin"]').evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await page.locator('tr[data-district-target="satisfaction_admin"] td[data-scope="commune"] summary').click();
    await page.screenshot({ path: join(OUT, `office-totals-${width}.png`) });
    await below(page, '[data-grid-section]');
    await page.screenshot({ path: join(OUT, `office-grid-${width}.png`) });
    if (width === 1280) {
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: join(tmp, 'grid.pdf'), format: 'A4' });
      await page.screenshot({ path: join(OUT, 'office-grid-print-1280.png'), fullPage: true });
      await page.emulateMedia({ media: 'screen' });
    }

    await go('data');
    await page.locator('[data-action="print"]').scrollIntoViewIfNeeded();
    await page.locator('[data-action="print"]').click();
    await page.locator('[data-print]').waitFor();
    await page.screenshot({ path: join(OUT, `office-print-${width}.png`) });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
}
