// Screenshots of the commune officer's journey (issue 13) at 360 px (phone), 1366x768
// (projector) and 1280 px (office PC), into docs/screenshots/officer-*.png.
// Run from the repository root after `trunk build --release`:
//     node scripts/screenshots/officer.mjs

import { join } from 'node:path';
import { DATA_KEY } from '../../tests/e2e/names.mjs';
import { REPO_ROOT, distDir, launchBrowser, newPage, requireBuild, seedStorage, startServer, waitForApp } from '../../tests/e2e/harness.mjs';

const SIZES = { 360: { width: 360, height: 740 }, 1366: { width: 1366, height: 768 }, 1280: { width: 1280, height: 800 } };
const counts = (numerator, denominator) => ({ mode: 'counts', numerator, denominator });

/** Xã Vĩnh Bình with two targets not met, one not filled in. */
export const PARTLY = {
  online_work_files: counts('90', '100'),
  tthc_online_l34: counts('40', '100'),
  l34_with_applications: counts('20', '40'),
  online_resolution: counts('30', '100'),
  tthc_rating_good: { answer: true },
  satisfaction_admin: counts('85', '100'),
};
/** Every applicable target filled in, one still not met. */
export const FILLED = { ...PARTLY, online_resolution: counts('30', '100'), infosec_dossiers: counts('1', '1'), satisfaction_admin: counts('85', '100'), recruitment: counts('3', '3') };

export function saved(entries, unit = '31211') {
  return JSON.stringify({
    format: 'cchc-2021',
    version: 1,
    data: { profiles: [{ id: 'p1', profile: { bloc: 'commune', unit_id: unit, entries } }], active: 'p1' },
  });
}

const out = (name) => join(REPO_ROOT, 'docs', 'screenshots', `officer-${name}.png`);

async function main() {
  const server = await startServer(requireBuild(distDir()));
  const browser = await launchBrowser();
  try {
    for (const [size, viewport] of Object.entries(SIZES)) {
      const shoot = async (name, entries, act, { fullPage = false } = {}) => {
        const { context, page } = await newPage(browser, { baseURL: server.url, viewport });
        if (entries) await seedStorage(page, { [DATA_KEY]: saved(entries) });
        await page.goto('/');
        await waitForApp(page);
        if (act) await act(page);
        await page.screenshot({ path: out(`${name}-${size}`), fullPage });
        await context.close();
      };
      await shoot('first-visit', null, null);
      await shoot('next-steps', PARTLY, null);
      await shoot('page', PARTLY, null, { fullPage: true });
      await shoot('typing', PARTLY, async (page) => {
        await page.locator('[data-next-step]').first().click();
        await page.keyboard.type('1');
      });
      await shoot('chart', PARTLY, async (page) => {
        await page.locator('svg[data-chart="targets"]').scrollIntoViewIfNeeded();
      });
      await shoot('send', FILLED, async (page) => {
        await page.locator('[data-next-send]').click();
        await page.locator('[data-action="send-file"]').click();
        await page.locator('[data-toast="downloaded"]').waitFor();
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
