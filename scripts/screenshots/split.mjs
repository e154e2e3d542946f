// Screenshots of an on-demand view while its module downloads (issue 14): the plans view's
// "Đang tải…" status, at 360 px (phone), 1366x768 (projector) and 1280 px (office PC), into
// docs/screenshots/view-loading-<width>.png. The module is held back until the shot is taken.
// Run from the repository root after scripts/build.sh:  node scripts/screenshots/split.mjs
import { join } from 'node:path';
import { distDir, launchBrowser, newPage, REPO_ROOT, requireBuild, startServer, waitForApp } from '../../tests/e2e/harness.mjs';

const dir = requireBuild(distDir());
const browser = await launchBrowser();
const server = await startServer(dir);
try {
  for (const viewport of [{ width: 360, height: 740 }, { width: 1366, height: 768 }, { width: 1280, height: 800 }]) {
    const { context, page } = await newPage(browser, {
      baseURL: server.url,
      viewport,
      initScript: () => {
        delete Navigator.prototype.serviceWorker;
      },
    });
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route('**/split_plans_view-*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(server.url);
    await waitForApp(page);
    await page.locator('[data-view="plans"]').click();
    const status = page.locator('[data-loading]');
    await status.waitFor({ state: 'visible' });
    await status.scrollIntoViewIfNeeded();
    const path = join(REPO_ROOT, 'docs', 'screenshots', `view-loading-${viewport.width}.png`);
    await page.screenshot({ path });
    console.log(path);
    release();
    await page.locator('[data-plans]').first().waitFor();
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
