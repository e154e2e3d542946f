// The page the keystroke measurements type into, and the probe that times them: shared by
// bench/browser.mjs (the budgets) and the diagnostics bench/profile-keystrokes.mjs and
// bench/trace-keystrokes.mjs, so that all three measure the same thing.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planData } from './plan-data.mjs';
import { DATA_KEY } from '../tests/e2e/names.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SCALE_PLAN_FILE = join(ROOT, 'plans/examples/scale-170x40.json');
/** A blank page of the app's origin (the bench servers serve it) to seed storage from. */
export const BLANK = '/__bench__/blank.html';
export const BLANK_PAGES = { [BLANK]: '<!doctype html><meta charset="utf-8"><title>blank</title>' };

/**
 * Opens the app at `url` ready for typing and returns the numerator input to type into
 * (its denominator 10, itself empty, focused). `plan` false: the 2021 page (Xã Vĩnh Bình,
 * recruitment). `plan` true: the plan-scale page (plans/examples/scale-170x40.json, a
 * profile for each of its 170-unit bloc's units in storage, the first on screen, a ratio
 * target of that bloc). Also returns the plan file (when `plan`), the target typed into
 * and the length of the saved data seeded.
 */
export async function openForTyping(page, url, { plan = false } = {}) {
  let file = null;
  let targetId = 'recruitment';
  let savedChars = 0;
  if (plan) {
    file = JSON.parse(readFileSync(SCALE_PLAN_FILE, 'utf8'));
    const bloc = file.plan.blocs[0];
    targetId = file.plan.targets.find((t) => t.kind === 'ratio' && bloc.id in t.applies).id;
    const saved = JSON.stringify(planData(file));
    savedChars = saved.length;
    await page.goto(url + BLANK);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DATA_KEY, saved]);
  }
  await page.goto(url + '/');
  await page.locator('[data-prerendered]').waitFor({ state: 'detached', timeout: 120_000 });
  if (!plan) {
    await page.locator('select[data-field="bloc"]').selectOption('commune');
    await page.locator('select[data-field="unit"]').selectOption('31211');
  }
  await page.locator('[data-summary][data-score]').waitFor({ timeout: 120_000 });
  const card = page.locator(`[data-target="${targetId}"]`);
  await card.locator('input[data-field="denominator"]').fill('10');
  const input = card.locator('input[data-field="numerator"]');
  await input.fill('');
  await input.focus();
  return { input, file, targetId, savedChars };
}

/**
 * Starts timing keystrokes in the page: keydown to the summary's data-score changing
 * (`window.__keys.latencies`), and the long tasks (`window.__keys.longtasks`).
 */
export function installKeystrokeProbe(page) {
  return page.evaluate(() => {
    const b = (window.__keys = { latencies: [], pending: null, longtasks: [] });
    document.addEventListener('keydown', (e) => (b.pending = e.timeStamp), true);
    new MutationObserver(() => {
      if (b.pending == null) return;
      b.latencies.push(performance.now() - b.pending);
      b.pending = null;
    }).observe(document.querySelector('[data-summary]'), { attributes: true, attributeFilter: ['data-score'] });
    new PerformanceObserver((l) => l.getEntries().forEach((e) => b.longtasks.push(e.duration))).observe({ type: 'longtask' });
  });
}

/** Keystroke `i` (alternately "5" and Backspace, so every keystroke changes the score), until the probe has timed it. */
export async function typeOne(page, i) {
  await page.keyboard.press(i % 2 === 0 ? '5' : 'Backspace');
  await page.waitForFunction((n) => window.__keys.latencies.length >= n, i + 1, { timeout: 10_000, polling: 5 });
}

/** Deletes the page's style rules whose selector contains `text` (an experiment); returns how many. */
export function dropCssRules(page, text) {
  return page.evaluate((text) => {
    let n = 0;
    const walk = (list) => {
      for (let i = list.length - 1; i >= 0; i--) {
        const r = list[i];
        if (r.selectorText?.includes(text)) {
          (r.parentRule ?? r.parentStyleSheet).deleteRule(i);
          n++;
        } else if (r.cssRules) walk(r.cssRules);
      }
    };
    for (const sheet of document.styleSheets) walk(sheet.cssRules);
    return n;
  }, text);
}
