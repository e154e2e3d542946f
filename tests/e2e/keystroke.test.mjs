// End-to-end tests of what a keystroke costs the browser besides the app's own work (the
// keystroke budget of issues 12 and 13): the layouts the browser forces while it inserts a
// typed character lay out the input alone, and a card's border shows its new status at
// once (no transition redrawing the card for frames after each keystroke).
// Run from the repository root after `trunk build --release`:
//     node --test --test-concurrency=1 tests/e2e/keystroke.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { choose, useSuite, waitForApp, waitForStatus } from './harness.mjs';
import { card, field } from './app.mjs';

const TEST_TIMEOUT = 60_000;
const { withPage } = useSuite('keystroke');

/** Xã Vĩnh Bình, recruitment: its denominator 10, its numerator empty and focused. */
async function openRecruitment(page) {
  await page.goto('/');
  await waitForApp(page);
  await choose(page, 'select[data-field="bloc"]', 'commune');
  await choose(page, 'select[data-field="unit"]', '31211');
  const recruitment = card(page, 'recruitment');
  await field(recruitment, 'denominator').fill('10');
  const numerator = field(recruitment, 'numerator');
  await numerator.fill('');
  await numerator.focus();
  return { recruitment, numerator };
}

test('the layouts forced while a character is inserted lay out the typed input alone', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, {}, async ({ context, page }) => {
    const { recruitment } = await openRecruitment(page);
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] },
    });
    // A character inserted, then deleted: each changes the card's status.
    await page.keyboard.press('5');
    await waitForStatus(recruitment, 'not-met');
    await page.keyboard.press('Backspace');
    await waitForStatus(recruitment, 'incomplete');
    await cdp.send('Tracing.end');
    await done;

    // The page's main thread: where the key events were dispatched.
    const keydowns = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
    assert.equal(keydowns.length, 2, 'two keystrokes traced');
    const thread = `${keydowns[0].pid}:${keydowns[0].tid}`;
    const main = events.filter((e) => `${e.pid}:${e.tid}` === thread && e.ph === 'X').sort((a, b) => a.ts - b.ts);
    const inputs = main.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input');
    assert.equal(inputs.length, 2, 'two input events traced');
    for (const [i, keydown] of keydowns.entries()) {
      // From the key to the input event: the browser's own work of inserting the text.
      const layouts = main.filter((e) => e.name === 'Layout' && e.ts >= keydown.ts && e.ts < inputs[i].ts);
      assert.ok(layouts.length > 0, `keystroke ${i + 1}: the text insertion forced a layout`);
      for (const layout of layouts) {
        const { dirtyObjects, totalObjects, partialLayout } = layout.args.beginData;
        assert.equal(partialLayout, true, `keystroke ${i + 1}: a layout of the whole page (${dirtyObjects} of ${totalObjects} objects dirty) while the text was inserted`);
        assert.ok(totalObjects <= 5, `keystroke ${i + 1}: the layout covered ${totalObjects} objects, not the input alone`);
      }
    }
  });
});

test('a card shows its new status at once: its border has no transition to redraw', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, {}, async ({ page }) => {
    const { recruitment } = await openRecruitment(page);
    // The border's colour as computed in the very task that changes the status.
    await recruitment.evaluate((el) => {
      window.__borders = [];
      new MutationObserver(() => window.__borders.push(getComputedStyle(el).borderLeftColor)).observe(el, {
        attributes: true,
        attributeFilter: ['data-status'],
      });
    });
    await page.keyboard.press('5');
    await waitForStatus(recruitment, 'not-met');
    await page.waitForFunction(() => window.__borders.length === 1);
    // The colour the status gives, once nothing is moving any more.
    await page.waitForFunction(() => document.getAnimations().length === 0);
    const settled = await recruitment.evaluate((el) => getComputedStyle(el).borderLeftColor);
    const first = await page.evaluate(() => window.__borders[0]);
    assert.equal(first, settled, 'the border already had its final colour when the status changed');
  });
});

test('the send panel, not drawn again per keystroke, sends the figures as typed last', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, {}, async ({ page }) => {
    const { recruitment, numerator } = await openRecruitment(page);
    for (const typed of ['7', '10']) {
      await numerator.fill(typed);
      await waitForStatus(recruitment, typed === '7' ? 'not-met' : 'met');
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="send-file"]').click()]);
      const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
      assert.equal(file.profile.entries.recruitment.numerator, typed, 'the unit file has the figure as typed last');
      assert.equal(file.profile.entries.recruitment.denominator, '10');
    }
  });
});
