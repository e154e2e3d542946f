// End-to-end tests of every way in getting the same checks: a share link with a right
// checksum but inconsistent content is refused like a unit file; typed text longer than its
// field allows is refused with a message next to the field (the last good value stays); the
// share button never makes a link the app would refuse, and offers the unit file instead.
// Run from the repository root after `trunk build --release`:
//     node --test tests/e2e/inputs.test.mjs
// (see harness.mjs for E2E_DIST / E2E_CHROMIUM / E2E_TIMEOUT).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  REPO_ROOT,
  fill,
  poll,
  readStorage,
  seedStorage,
  useSuite,
  waitForApp,
  waitForStatus,
  waitForValue,
} from './harness.mjs';
import { DATA_KEY, card, chooseUnit, field, go, unit } from './app.mjs';

const TEST_TIMEOUT = 60_000;
const { env, withPage } = useSuite('inputs');

const saved = async (page) => JSON.parse((await readStorage(page))[DATA_KEY] ?? 'null')?.data;

/** Pastes `text` into an input in one go, as a person pasting from another program does. */
async function paste(page, target, text) {
  await target.click();
  await target.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

test('a forged share link (right checksum, an agency under the commune bloc) is refused, never applied', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, {}, async ({ page }) => {
    await page.goto('/');
    await waitForApp(page);
    await chooseUnit(page, 'commune', '31211');
    await poll(() => saved(page), (d) => d?.profiles?.[0]?.profile?.unit_id === '31211', { message: 'the unit is saved' });
    const before = await readStorage(page);

    const fragment = readFileSync(join(REPO_ROOT, 'tests/fixtures/share-links/forged-agency-under-commune.txt'), 'utf8').trim();
    await page.goto(`/#${fragment}`);
    const banner = page.locator('[data-banner="share-link-error"]');
    await banner.waitFor({ state: 'visible' });
    assert.equal(
      (await banner.locator('p').innerText()).trim(),
      'Không mở được liên kết chia sẻ: nội dung liên kết không nhất quán: đơn vị y-te không thuộc Khối xã, thị trấn.',
    );
    assert.equal(await page.locator('[data-link-preview]').count(), 0, 'no preview to apply');
    await poll(() => page.url(), (u) => !u.includes('#'), { message: 'the fragment is removed' });
    assert.equal(await unit(page).inputValue(), '31211', 'the unit picker keeps its unit');
    assert.deepEqual(await readStorage(page), before, 'nothing changed');
  }),
);

test('a figure, a name and a profile name longer than their field allows are refused with a message; the last good value stays', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, {}, async ({ page, more }) => {
    await page.goto('/');
    await waitForApp(page);
    await chooseUnit(page, 'commune', '31211');
    const files = card(page, 'online_work_files');
    const numerator = field(files, 'numerator');
    await fill(page, numerator, '412');
    await fill(page, field(files, 'denominator'), '1.038');
    await waitForStatus(files, 'met');

    // 70 000 characters pasted into a figure: refused, "412" stays, on screen and saved.
    await paste(page, numerator, '4'.repeat(70_000));
    const error = files.locator('[data-error="numerator"]');
    await error.waitFor({ state: 'visible' });
    assert.equal((await error.innerText()).trim(), '! Quá dài: tối đa 40 ký tự. Vẫn giữ giá trị trước đó.');
    await waitForValue(numerator, '412');
    assert.equal(await numerator.getAttribute('aria-invalid'), 'true');
    // The same paste again: refused again, still "412".
    await paste(page, numerator, '4'.repeat(70_000));
    await waitForValue(numerator, '412');
    await waitForStatus(files, 'met');
    const data = await saved(page);
    assert.equal(data.profiles[0].profile.entries.online_work_files.numerator, '412');
    // The message is there in English too; the next accepted edit takes it away.
    await page.click('[data-action="language"]');
    await poll(() => error.innerText(), (v) => v.includes('Too long: at most 40 characters. The previous value is kept.'), {
      message: 'the English message',
    });
    await page.click('[data-action="language"]');
    await fill(page, numerator, '413');
    await error.waitFor({ state: 'detached' });

    // A unit name and a profile name of 70 000 characters: refused the same way.
    await unit(page).selectOption('other');
    const name = page.locator('input[data-field="unit-name"]');
    await fill(page, name, 'Ban Quản lý dự án');
    await paste(page, name, 'Ban '.repeat(17_500));
    await page.locator('[data-error="unit-name"]').waitFor({ state: 'visible' });
    assert.match(await page.locator('[data-error="unit-name"]').innerText(), /tối đa 150 ký tự/);
    await waitForValue(name, 'Ban Quản lý dự án');
    const label = page.locator('input[data-field="profile-name"]');
    await fill(page, label, 'Bản nháp');
    await paste(page, label, 'đ'.repeat(70_000));
    await page.locator('[data-error="profile-name"]').waitFor({ state: 'visible' });
    await waitForValue(label, 'Bản nháp');

    // The link of what was kept is short and opens elsewhere.
    await go(page, 'data');
    await page.locator('[data-action="share-link"]').click();
    const url = await poll(() => page.locator('[data-share]').getAttribute('data-share-url'), (v) => !!v, { message: 'a link is made' });
    assert.ok(url.length < 500, `a short link: ${url.length} characters`);
    const { page: other } = await more();
    await other.goto(url);
    await other.locator('[data-link-preview]').waitFor({ state: 'visible' });
    await waitForApp(other);
  }),
);

test('the share button says when a link would be too long to open and offers the unit file instead', { timeout: TEST_TIMEOUT }, (t) =>
  withPage(t, {}, async ({ page }) => {
    // A profile name of 70 000 characters, saved before names had a limit.
    const label = 'Xã Vĩnh Bình '.repeat(5_400);
    const profile = { label, bloc: 'commune', unit_id: '31211', other_name: '', entries: { recruitment: { mode: 'counts', numerator: '3', denominator: '3', percent: '', answer: null, before: '', after: '' } } };
    await seedStorage(page, {
      [DATA_KEY]: JSON.stringify({ format: 'cchc-2021', version: 1, data: { profiles: [{ id: 'p1', profile }], active: 'p1' } }),
    });
    await page.goto('/');
    await waitForApp(page);
    await go(page, 'data');
    // The name, shown in full in the summary, covers the page: the buttons are used from
    // the keyboard.
    const press = async (selector) => {
      await page.locator(selector).focus();
      await page.keyboard.press('Enter');
    };
    await press('[data-action="share-link"]');
    const refused = page.locator('[data-share] [data-share-refused="too-long"]');
    await refused.waitFor({ state: 'visible' });
    assert.match(
      await refused.innerText(),
      /^Liên kết sẽ dài [\d.]+ ký tự, quá giới hạn 65\.536 ký tự mà ứng dụng mở được\. Hãy gửi tệp bản đánh giá thay cho liên kết\.$/,
    );
    assert.equal(await page.locator('[data-share]').getAttribute('data-share-url'), null, 'no link is made');
    assert.equal(await page.locator('#share-url').count(), 0);

    const [download] = await Promise.all([page.waitForEvent('download'), press('[data-action="share-file"]')]);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(file.format, 'cchc-2021-unit');
    assert.equal(file.profile.label, label, 'the unit file carries the whole profile');
    assert.equal(file.profile.entries.recruitment.numerator, '3');
    assert.ok(env.server.url);
  }),
);
