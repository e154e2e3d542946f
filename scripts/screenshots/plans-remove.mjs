// Screenshots of removing a plan (the plans view asking, and refusing while in use) at
// 360 px, 1366x768 and 1280 px, into docs/screenshots/plans-remove-*.png.
// Run from the repository root after scripts/build.sh: node scripts/screenshots/plans-remove.mjs
import { join } from 'node:path';
import { REPO_ROOT, distDir, launchBrowser, newPage, requireBuild, startServer, waitForApp } from '../../tests/e2e/harness.mjs';

const SIZES = { 360: { width: 360, height: 740 }, 1366: { width: 1366, height: 768 }, 1280: { width: 1280, height: 800 } };
const EXAMPLE = 'tinh-an-hoa-2026';
const out = (name) => join(REPO_ROOT, 'docs', 'screenshots', `plans-remove-${name}.png`);

const server = await startServer(requireBuild(distDir()));
const browser = await launchBrowser();
try {
  for (const [size, viewport] of Object.entries(SIZES)) {
    const { page, context } = await newPage(browser, { baseURL: server.url, viewport });
    await page.goto('/');
    await waitForApp(page);
    await page.locator('select[data-field="plan"]').selectOption(EXAMPLE);
    await page.locator('[data-view="plans"]').click();
    const item = page.locator(`li[data-plan-id="${EXAMPLE}"]`);
    await item.locator('[data-action="remove-plan"]').click();
    const asking = page.locator(`[data-remove-plan="${EXAMPLE}"]`);
    await asking.waitFor();
    await asking.scrollIntoViewIfNeeded();
    await page.screenshot({ path: out(`ask-${size}`) });
    await asking.locator('[data-action="confirm-remove-plan"]').click();
    await page.locator('[data-plan-removed="true"]').waitFor();
    await page.locator('[data-plan-removed]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: out(`removed-${size}`) });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
