// Screenshots of the trainer's journey (issue 13) at 1366×768 (a projector), 1280 and
// 360 px: the demonstration bloc's leaderboard, presentation mode, and a custom model
// against the default. Run from the repository root after `trunk build --release`:
//     node scripts/screenshots/trainer.mjs
// Writes docs/screenshots/trainer-*-{1366,1280,360}.png.

import { join } from 'node:path';
import { launchBrowser, newPage, REPO_ROOT, startServer, distDir, waitForApp, waitForAttributes, choose } from '../../tests/e2e/harness.mjs';
import { chooseUnit } from '../../tests/e2e/app.mjs';

const OUT = join(REPO_ROOT, 'docs', 'screenshots');
const SIZES = [
  { name: '1366', viewport: { width: 1366, height: 768 } },
  { name: '1280', viewport: { width: 1280, height: 800 } },
  { name: '360', viewport: { width: 360, height: 740 } },
];

const server = await startServer(distDir());
const browser = await launchBrowser();
try {
  for (const { name, viewport } of SIZES) {
    const { context, page } = await newPage(browser, { baseURL: server.url, viewport });
    await page.goto('/');
    await waitForApp(page);
    const shot = (what, fullPage = false) => page.screenshot({ path: join(OUT, `trainer-${what}-${name}.png`), fullPage });
    // The demonstration bloc, opened from the settings: the page goes to its ranking.
    await page.locator('[data-view="settings"]').click();
    await page.locator('[data-action="demo-start"]').click();
    await waitForAttributes(page.locator('[data-app]'), { 'data-demo': 'true' });
    await page.locator('svg[data-chart="ranking"]').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'ranking-heading');
    await shot('demo-opened');
    await shot('ranking', true);
    const phone = viewport.width < 640; // no presentation button on a phone
    if (!phone) {
      // Presentation mode: what the room sees (the page scrolls to the summary by itself).
      await page.locator('[data-action="present"]').click();
      await waitForAttributes(page.locator('[data-app]'), { 'data-present': 'true' });
      await page.waitForFunction(() => Math.abs(document.querySelector('[data-summary]').getBoundingClientRect().top) < 2);
      await shot('present');
      await page.keyboard.press('Escape');
    }
    // A custom model: all or nothing, the default figures beside the custom ones.
    await page.locator('[data-view="settings"]').click();
    await page.locator('input[data-field="scoring-mode"][value="all_or_nothing"]').check();
    await choose(page, page.locator('#award-places-commune'), '3');
    await page.locator('[data-view="ranking"]').click();
    await page.locator('[data-default-score]').first().waitFor();
    if (!phone) {
      await page.locator('[data-action="present"]').click();
      await page.waitForFunction(() => Math.abs(document.querySelector('[data-summary]').getBoundingClientRect().top) < 2);
      await shot('present-custom-model');
      await page.keyboard.press('Escape');
    }
    await shot('custom-model', true);
    await context.close();
    if (!phone) {
      // The calculator on the projector, a unit with nothing typed yet: every next step in
      // sight, wrapped, none scrolled off the screen.
      const fresh = await newPage(browser, { baseURL: server.url, viewport });
      await fresh.page.goto('/');
      await waitForApp(fresh.page);
      await chooseUnit(fresh.page, 'commune', '31211');
      await fresh.page.locator('[data-action="present"]').click();
      await fresh.page.waitForFunction(() => Math.abs(document.querySelector('[data-summary]').getBoundingClientRect().top) < 2);
      await fresh.page.screenshot({ path: join(OUT, `trainer-present-next-steps-${name}.png`) });
      await fresh.context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
