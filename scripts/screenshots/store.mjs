// Screenshots of the profile picker with many profiles (issue 14: beyond 200 profiles the
// select lists a bounded set and a search field finds the others) at 360 px (phone),
// 1366x768 (projector) and 1280 px (office PC), into docs/screenshots/store-*.png.
// Run from the repository root after the release build:
//     node scripts/screenshots/store.mjs

import { join } from 'node:path';
import { DATA_KEY } from '../../tests/e2e/names.mjs';
import { REPO_ROOT, distDir, launchBrowser, newPage, requireBuild, seedStorage, startServer, waitForApp } from '../../tests/e2e/harness.mjs';

const SIZES = { 360: { width: 360, height: 740 }, 1366: { width: 1366, height: 768 }, 1280: { width: 1280, height: 800 } };

/** `n` profiles of other units named "Đơn vị thử <i>", the first Xã Vĩnh Bình. */
function many(n) {
  const profiles = [{ id: 'p1', profile: { bloc: 'commune', unit_id: '31211', entries: {} } }];
  for (let i = 2; i <= n; i++) {
    profiles.push({ id: `p${i}`, profile: { bloc: 'commune', unit_id: 'other', other_name: `Đơn vị thử ${i}`, entries: {} } });
  }
  return JSON.stringify({ format: 'cchc-2021', version: 1, data: { profiles, active: 'p1' } });
}

const out = (name) => join(REPO_ROOT, 'docs', 'screenshots', `store-${name}.png`);

async function main() {
  const server = await startServer(requireBuild(distDir()));
  const browser = await launchBrowser();
  try {
    for (const [size, viewport] of Object.entries(SIZES)) {
      const { context, page } = await newPage(browser, { baseURL: server.url, viewport });
      await seedStorage(page, { [DATA_KEY]: many(1000) });
      await page.goto('/');
      await waitForApp(page);
      const bar = page.locator('.profile-bar');
      await bar.scrollIntoViewIfNeeded();
      await bar.screenshot({ path: out(`picker-${size}`) });
      await page.locator('input[data-field="profile-search"]').fill('thử 77');
      await page.locator('[data-profiles-shown="12"]').waitFor();
      await bar.screenshot({ path: out(`picker-search-${size}`) });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
