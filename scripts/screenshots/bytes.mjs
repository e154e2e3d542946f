// Screenshots of what the on-demand data modules of issue 14 show a person: an example plan
// chosen before its module could ever be downloaded (offline) says so in a banner, and the
// page stays on its plan; a page opened with a share link shows its preview once read.
// Run from the repository root after `scripts/build.sh` (the split build):
//     node scripts/screenshots/bytes.mjs
// Writes docs/screenshots/bytes-*-{1366,1280,360}.png.

import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { launchBrowser, newPage, REPO_ROOT, startServer, distDir, waitForApp } from '../../tests/e2e/harness.mjs';

const OUT = join(REPO_ROOT, 'docs', 'screenshots');
const SIZES = [
  { name: '1366', viewport: { width: 1366, height: 768 } },
  { name: '1280', viewport: { width: 1280, height: 800 } },
  { name: '360', viewport: { width: 360, height: 740 } },
];
const modules = JSON.parse(readFileSync(resolve(distDir(), 'split-modules.json'), 'utf8')).onDemand;
const examples = modules.find((m) => m.file.startsWith('split_examples-')).file;
const link = readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'share-links', 'v1-commune-xa-vinh-binh.txt'), 'utf8').trim();

const server = await startServer(distDir());
const browser = await launchBrowser();
try {
  for (const { name, viewport } of SIZES) {
    const { context, page } = await newPage(browser, {
      baseURL: server.url,
      viewport,
      initScript: () => {
        delete Navigator.prototype.serviceWorker;
      },
    });
    await page.route((url) => url.pathname.endsWith(`/${examples}`), (route) => route.abort('internetdisconnected'));
    await page.goto('/');
    await waitForApp(page);
    await page.locator('select[data-field="plan"]').selectOption('tinh-an-hoa-2026');
    await page.locator('[data-banner="example-unavailable"]').waitFor();
    await page.screenshot({ path: join(OUT, `bytes-example-offline-${name}.png`) });
    await page.goto('about:blank');
    await page.goto(`/#${link}`);
    await page.locator('[data-link-preview]').waitFor();
    await page.locator('[data-link-preview]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, `bytes-link-preview-${name}.png`) });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
