// Screenshots of the aftercare of issue 13 at 360 px (the officer's phone), 1366×768 (the
// trainer's projector) and 1280 px (the district office): the ranking table with the source
// under each unit's name on a phone, the targets chart with whole names, the district grid's
// legend above the table, and presentation mode after a reload. Run from the repository
// root after a build:
//     node scripts/screenshots/ui.mjs
// Writes docs/screenshots/aftercare-<part>-<width>.png.

import { join } from 'node:path';
import { REPO_ROOT, launchBrowser, newPage, requireBuild, seedStorage, startServer, waitForApp, waitForAttributes } from '../../tests/e2e/harness.mjs';
import { DATA_KEY } from '../../tests/e2e/app.mjs';

const OUT = join(REPO_ROOT, 'docs', 'screenshots');
const SIZES = [
  { name: '360', viewport: { width: 360, height: 740 } },
  { name: '1366', viewport: { width: 1366, height: 768 } },
  { name: '1280', viewport: { width: 1280, height: 800 } },
];

// Xã Vĩnh Bình with figures for most targets: the chart has bars, marks and values.
const c = (numerator, denominator) => ({ mode: 'counts', numerator, denominator });
const SAVED = JSON.stringify({
  format: 'cchc-2021',
  version: 1,
  data: {
    profiles: [{
      id: 'p1',
      profile: {
        bloc: 'commune',
        unit_id: '31211',
        entries: {
          online_work_files: c('90', '100'),
          tthc_online_l34: c('8', '20'),
          l34_with_applications: c('20', '40'),
          online_resolution: c('30', '100'),
          tthc_rating_good: { answer: true },
          satisfaction_admin: c('85', '100'),
        },
      },
    }],
    active: 'p1',
  },
});

const server = await startServer(requireBuild());
const browser = await launchBrowser();
try {
  for (const { name, viewport } of SIZES) {
    const phone = viewport.width < 640;
    const shot = (page, what) => page.screenshot({ path: join(OUT, `aftercare-${what}-${name}.png`) });

    // The targets chart, every name whole.
    {
      const { context, page } = await newPage(browser, { baseURL: server.url, viewport });
      await seedStorage(page, { [DATA_KEY]: SAVED });
      await page.goto('/');
      await waitForApp(page);
      const chart = page.locator('figure.targets-chart');
      await chart.scrollIntoViewIfNeeded();
      await page.locator('svg[data-chart="targets"] tspan').first().waitFor();
      await chart.screenshot({ path: join(OUT, `aftercare-chart-${name}.png`) });
      await context.close();
    }

    // The demonstration bloc's table; on a PC the source column, on a phone the source
    // under each name.
    {
      const { context, page } = await newPage(browser, { baseURL: server.url, viewport });
      await page.goto('/');
      await waitForApp(page);
      await page.locator('[data-view="settings"]').click();
      await page.locator('[data-action="demo-start"]').click();
      await waitForAttributes(page.locator('[data-app]'), { 'data-demo': 'true' });
      const table = page.locator('table.bloc-table');
      await table.locator('tbody tr[data-unit]').first().waitFor();
      await table.screenshot({ path: join(OUT, `aftercare-ranking-table-${name}.png`) });
      if (!phone) {
        // Presentation mode, then a reload: still presenting.
        await page.locator('[data-action="present"]').click();
        await waitForAttributes(page.locator('[data-app]'), { 'data-present': 'true' });
        await page.reload();
        await waitForApp(page);
        await waitForAttributes(page.locator('[data-app]'), { 'data-present': 'true' });
        // What the room sees once the page is back (the demonstration itself is not kept).
        await page.waitForFunction(() => Math.abs(document.querySelector('[data-summary]').getBoundingClientRect().top) < 2);
        await shot(page, 'present-reloaded');
      }
      await context.close();
    }

    // The district grid's legend, above the table.
    {
      const { context, page } = await newPage(browser, { baseURL: server.url, viewport });
      await page.goto('/');
      await waitForApp(page);
      await page.locator('[data-view="district"]').click();
      const legend = page.locator('[data-grid-legend]');
      await legend.waitFor();
      await legend.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      // Clear of the sticky summary.
      await page.evaluate(() => window.scrollBy(0, -(document.querySelector('[data-summary]').getBoundingClientRect().height + 16)));
      await shot(page, 'grid-legend');
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
