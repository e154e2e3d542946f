// The in-browser benchmarks of scripts/bench.sh, in headless Chromium driven by
// playwright-core (CDP for the throttling):
//
//   interactive  time until the unit picker and the inputs accept typing, on Lighthouse's
//                mobile profile: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up (the server
//                gzips, as a static host does), 4x CPU slowdown; a fresh profile each run
//                (no HTTP cache, no service worker); the median of RUNS runs. Also the
//                time until the live app has replaced the pre-rendered first screen. The bare Yew
//                app (time until its heading is there) is measured the same way.
//   keystrokes   keydown to the summary's data-score changing, at 4x CPU slowdown, over
//                KEYSTROKES keystrokes into a numerator (alternately "5" and Backspace, so
//                every keystroke changes the score); p50/p95/max.
//   scale        10 000 profiles in local storage, at 4x CPU slowdown: loading, opening the
//                ranking view, turning pages, "go to my unit", scrolling; the long tasks
//                (PerformanceObserver 'longtask') of each phase.
//   encodings    the live app as in `interactive`, served brotli, gzip and uncompressed
//                (issue 14), RUNS visits each, alternating; bench/serve.mjs compresses as
//                the build's .br/.gz siblings do.
//   views        opening each on-demand view (ranking, district, data, settings, plans) for
//                the first time on the mobile profile, served gzip (issue 14, <= 300 ms):
//                click to the view drawn, clicked as soon as the live app shows ("cold",
//                the module is fetched and compiled after the click) and after the app's
//                idle prefetch of the modules ("after prefetch"); RUNS fresh visits each.
//   plans        a plan with 170 units in a bloc and 40 targets (plans/examples/
//                scale-170x40.json), at 4x CPU slowdown: keystrokes as above with a profile
//                for each of the 170 units in storage; and the plan editor pasting 170 units
//                from Excel, click to the bloc showing them, BENCH_PASTES times (default 5)
//                with the unit table closed and as many open.
//
// Usage: node bench/browser.mjs APP_DIST HELLO_DIST OUT.json (HELLO_DIST "-": none)
// Environment: BENCH_RUNS (default 5), BENCH_KEYSTROKES (default 300), BENCH_UNITS
// (default 10000), BENCH_PASTES (default 5), BENCH_ONLY (parts, comma-separated),
// E2E_CHROMIUM (default /usr/bin/chromium).

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { BLANK, BLANK_PAGES, SCALE_PLAN_FILE, installKeystrokeProbe, openForTyping, typeOne } from './keystroke-page.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';
import { DATA_KEY } from '../tests/e2e/names.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(join(ROOT, 'package.json'))('playwright-core');

const RUNS = Number(process.env.BENCH_RUNS) || 5;
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES) || 300;
const UNITS = Number(process.env.BENCH_UNITS) || 10_000;
const PASTES = Number(process.env.BENCH_PASTES) || 5;
// Plan keystrokes "paced": this many, each PAUSE_MS after the previous summary update.
const PACED = Math.min(KEYSTROKES, 60);
const PAUSE_MS = 500;
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
export { CHROMIUM_ARGS };

/** Lighthouse's mobile profile (its "slow 4G" constants). */
export const MOBILE = {
  latency: 150, // ms round trip
  downloadThroughput: (1.6 * 1024 * 1024) / 8, // 1.6 Mbit/s in bytes/s
  uploadThroughput: (750 * 1024) / 8,
  cpu: 4,
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : null;
};
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
const log = (...a) => console.error('[bench]', ...a);

// Runs in the page before any of its scripts: long tasks, and the moment the app is ready.
function pageProbe(readySelectors) {
  const bench = (window.__bench = { longtasks: [], marks: {} });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const check = () => {
    const present = readySelectors.every((s) => document.querySelector(s));
    if (present && bench.marks.ready == null) {
      bench.marks.ready = performance.now();
      // The first task the page can run after that: until then, typing would wait.
      setTimeout(() => (bench.marks.free = performance.now()), 0);
    }
    // The live app: the pre-rendered first screen (if any) has been replaced, so what is
    // typed is computed at once.
    if (present && !document.querySelector('[data-prerendered]') && bench.marks.live == null) {
      bench.marks.live = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}

async function throttle(page, { network = true, cpu = MOBILE.cpu } = {}) {
  const cdp = await page.context().newCDPSession(page);
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: MOBILE.latency,
      downloadThroughput: MOBILE.downloadThroughput,
      uploadThroughput: MOBILE.uploadThroughput,
    });
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return cdp;
}

const MOBILE_VIEWPORT = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

async function newContext(browser, mobile = true) {
  return browser.newContext({ ...(mobile ? MOBILE_VIEWPORT : { viewport: { width: 1280, height: 800 } }), locale: 'vi-VN' });
}

/** Time to interactive of one build, RUNS fresh visits. */
async function interactive(browser, server, readySelectors) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const result = await visit(browser, server, readySelectors);
    runs.push(result);
    log(`interactive run ${i + 1}: ready ${round(result.ready)} ms, free ${round(result.free)} ms, live ${round(result.live)} ms`);
  }
  return summarise(runs);
}

/**
 * Issue 14: the live app on the mobile profile served brotli, gzip and uncompressed, RUNS
 * fresh visits each, the three alternating (br, gzip, identity, br, ...) so that the
 * machine's swings hit them alike.
 */
async function encodings(browser, dir, pages, readySelectors) {
  const order = ['br', 'gzip', 'identity'];
  const servers = {};
  for (const encoding of order) servers[encoding] = await serve(dir, { pages, encoding });
  const runs = Object.fromEntries(order.map((e) => [e, []]));
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const encoding of order) {
        const result = await visit(browser, servers[encoding], readySelectors);
        runs[encoding].push(result);
        log(`encodings run ${i + 1} ${encoding}: live ${round(result.live)} ms, page ${result.pageBytes} B`);
      }
    }
  } finally {
    for (const server of Object.values(servers)) await server.close();
  }
  return Object.fromEntries(order.map((e) => [e, summarise(runs[e])]));
}

/**
 * A fresh visit (no HTTP cache, no service worker) on the mobile profile, with the page
 * probe: the page, navigating (not waited for), and its context.
 */
async function freshVisit(browser, server, readySelectors) {
  const context = await newContext(browser);
  await context.addInitScript(pageProbe, readySelectors);
  const page = await context.newPage();
  await throttle(page);
  server.reset();
  await page.goto(server.url + '/', { waitUntil: 'commit' });
  return { context, page };
}

/** Waits until the server has sent nothing for 750 ms (the service worker's precache is over). */
async function transfersStopped(page, server) {
  for (let last = -1; last !== server.stats.bytes; ) {
    last = server.stats.bytes;
    await page.waitForTimeout(750);
  }
}

/** One fresh visit (no HTTP cache, no service worker) on the mobile profile. */
async function visit(browser, server, readySelectors) {
  const { context, page } = await freshVisit(browser, server, readySelectors);
  await page.waitForFunction(() => window.__bench?.marks.free != null && window.__bench.marks.live != null, null, {
    timeout: 60_000,
    polling: 50,
  });
  await page
    .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 10_000 })
    .catch(() => {});
  const result = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      ready: window.__bench.marks.ready,
      free: window.__bench.marks.free,
      live: window.__bench.marks.live,
      fcp: fcp?.startTime ?? null,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
      longtaskMax: Math.max(0, ...window.__bench.longtasks.map((t) => t.duration)),
    };
  });
  // Then what the first visit transfers in all, the service worker's precache included:
  // wait for the worker (if the page registers one) and for the transfers to stop.
  const hasWorker = await page.evaluate(async () => !!(await navigator.serviceWorker?.getRegistration()));
  if (hasWorker) await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await transfersStopped(page, server);
  result.visitBytes = server.stats.bytes;
  result.workerBytes = server.stats.workerBytes;
  result.pageBytes = server.stats.bytes - server.stats.workerBytes;
  result.requests = server.stats.requests.map((r) => `${r.worker ? 'sw ' : ''}${r.path} ${r.bytes}`);
  await context.close();
  return result;
}

/** Medians of visits. */
function summarise(runs) {
  return {
    runs,
    median: {
      ready: round(median(runs.map((r) => r.ready))),
      interactive: round(median(runs.map((r) => r.free))),
      live: round(median(runs.map((r) => r.live))),
      fcp: round(median(runs.map((r) => r.fcp))),
      pageBytes: median(runs.map((r) => r.pageBytes)),
      visitBytes: median(runs.map((r) => r.visitBytes)),
      workerBytes: median(runs.map((r) => r.workerBytes)),
      longtaskMax: round(median(runs.map((r) => r.longtaskMax))),
    },
    requests: runs[0].requests,
  };
}

/**
 * Issue 14: opening each on-demand view for the first time on the mobile profile (150 ms
 * RTT, 1.6 Mbit/s, 4x CPU), from a fresh visit served gzip: click on the view's button to
 * the view drawn (its loading placeholder gone, its own element there). Two cases, RUNS
 * visits each: "cold" (clicked as soon as the live app shows; the view's module is
 * fetched, compiled and instantiated after the click) and "after prefetch" (clicked once
 * the app has prefetched the modules in idle time after the first result, which it marks
 * with `data-views-prefetched` on <html> (src/app/lazy.rs); the realistic case: the user
 * looks at the result first). Each open is broken down with the app's performance marks:
 * click to the module loaded (`cchc:view-loaded:<module>`: fetch, compile, instantiate),
 * then to the view in the DOM (render), then to the next frame (style, layout, paint).
 */
const VIEWS = [
  ['ranking', 'section.ranking'],
  ['district', '[data-district]'],
  ['data', '[data-data-view]'],
  ['settings', '[data-settings]'],
  ['plans', '[data-plans]'],
];
async function views(browser, server, readySelectors) {
  const cases = { cold: {}, afterPrefetch: {} };
  for (const [name] of VIEWS) for (const c of Object.values(cases)) c[name] = [];
  const prefetchMs = [];
  for (let i = 0; i < RUNS; i++) {
    for (const [name, drawn] of VIEWS) {
      for (const [label, prefetched] of [['cold', false], ['afterPrefetch', true]]) {
        const { context, page } = await freshVisit(browser, server, readySelectors);
        await page.waitForFunction(() => window.__bench?.marks.live != null, null, { timeout: 60_000, polling: 50 });
        if (prefetched) {
          // The app marks the end of its idle prefetch (every module loaded) on <html>.
          await page.waitForFunction(() => document.documentElement.hasAttribute('data-views-prefetched'), null, { timeout: 120_000, polling: 50 });
          const state = await page.evaluate(() => document.documentElement.dataset.viewsPrefetched);
          if (state !== '') throw new Error(`the idle prefetch did not load every module: data-views-prefetched="${state}"`);
          prefetchMs.push(await page.evaluate(() => performance.getEntriesByName('cchc:views-prefetched')[0]?.startTime - window.__bench.marks.live));
          await transfersStopped(page, server);
        }
        const open = await page.evaluate(
          ([name, drawn]) =>
            new Promise((resolve) => {
              const start = performance.now();
              const done = () => document.querySelector(drawn) && !document.querySelector('[data-loading]');
              const finish = () => {
                const dom = performance.now() - start;
                const loaded = performance.getEntriesByType('mark').find((m) => m.name.startsWith('cchc:view-loaded:') && m.startTime >= start);
                // The next frame: style, layout and paint of what was drawn.
                requestAnimationFrame(() => setTimeout(() => resolve({ dom, loaded: loaded ? loaded.startTime - start : null, frame: performance.now() - start })));
              };
              const observer = new MutationObserver(() => {
                if (done()) {
                  observer.disconnect();
                  finish();
                }
              });
              observer.observe(document.body, { childList: true, subtree: true, attributes: true });
              document.querySelector(`[data-view="${name}"]`).click();
              if (done()) {
                observer.disconnect();
                finish();
              }
            }),
          [name, drawn],
        );
        cases[label][name].push(open);
        log(`views run ${i + 1} ${name} ${label}: ${round(open.dom)} ms (module loaded ${open.loaded == null ? '-' : round(open.loaded)} ms, next frame ${round(open.frame)} ms)`);
        await context.close();
      }
    }
  }
  const summary = (runs) =>
    Object.fromEntries(
      Object.entries(runs).map(([name, xs]) => {
        const loaded = xs.map((x) => x.loaded ?? 0);
        return [
          name,
          {
            median: round(median(xs.map((x) => x.dom))),
            max: round(Math.max(...xs.map((x) => x.dom))),
            runs: xs.map((x) => round(x.dom)),
            // The breakdown (medians): module loading, rendering, and the frame after.
            loaded: round(median(loaded)),
            render: round(median(xs.map((x, k) => x.dom - loaded[k]))),
            frame: round(median(xs.map((x) => x.frame - x.dom))),
          },
        ];
      }),
    );
  return { cold: summary(cases.cold), afterPrefetch: summary(cases.afterPrefetch), prefetchMs: round(median(prefetchMs)) };
}

async function waitForApp(page) {
  await page.locator('[data-prerendered]').waitFor({ state: 'detached', timeout: 120_000 });
  await page.locator('[data-summary]').first().waitFor({ state: 'visible', timeout: 120_000 });
  await page.locator('[data-target]').first().waitFor({ state: 'attached', timeout: 120_000 });
}

/** Keydown to data-score change, KEYSTROKES times, at 4x CPU slowdown. */
async function keystrokes(browser, server) {
  const context = await newContext(browser);
  const page = await context.newPage();
  const { input } = await openForTyping(page, server.url);
  const result = await typeKeystrokes(page, input, KEYSTROKES);
  await context.close();
  return result;
}

/**
 * Keydown to the summary's data-score changing, `count` keystrokes into `input` (alternately
 * "5" and Backspace, so every keystroke changes the score), at 4x CPU slowdown from the
 * first keystroke on (the page's CPU is throttled here and stays so). Shared by the
 * scenarios that measure typing. `pause` (ms): wait that long after each updated summary
 * before the next keystroke, so that what runs after it (the autosave) is over; without it
 * the next key is pressed at once, as the 2021 measurement always did.
 */
async function typeKeystrokes(page, input, count, { pause = 0 } = {}) {
  await input.focus();
  await installKeystrokeProbe(page);
  await throttle(page, { network: false });
  for (let i = 0; i < count; i++) {
    await typeOne(page, i);
    if (pause) await page.waitForTimeout(pause);
  }
  const { latencies, longtasks } = await page.evaluate(() => window.__keys);
  return {
    count: latencies.length,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    max: round(Math.max(...latencies)),
    longtasks: longtasks.length,
  };
}

/** A saved workspace of `n` profiles in the commune bloc: the 11 communes and n - 11 "other" units with varied figures. */
function districtData(n) {
  const communes = ['31231', '31232', '31211', '31234', '31237', '31240', '31241', '31243', '31244', '31246', '31252'];
  const ratio = (num, den) => ({ mode: 'counts', numerator: String(num), denominator: String(den), percent: '', answer: null, before: '', after: '' });
  const profiles = [];
  for (let i = 0; i < n; i++) {
    const unit = i < communes.length ? communes[i] : 'other';
    profiles.push({
      id: `p${i + 1}`,
      profile: {
        label: '',
        bloc: 'commune',
        unit_id: unit,
        other_name: unit === 'other' ? `Đơn vị thử ${i + 1}` : '',
        entries: { recruitment: ratio(i % 11, 10), online_work_files: ratio((i * 7) % 23, 20) },
      },
    });
  }
  // The active profile is Xã Vĩnh Bình (31211, p3).
  return { format: 'cchc-2021', version: 1, data: { profiles, active: 'p3', peer_scores: {}, language: 'vi' } };
}

/** 10 000 units: load, open the ranking view, page through it, scroll it. */
async function scale(browser, server) {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(server.url + BLANK);
  const saved = JSON.stringify(districtData(UNITS));
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DATA_KEY, saved]);
  await context.addInitScript(pageProbe, ['select[data-field="unit"]', 'input[data-field="numerator"]']);
  // Counts what the app writes to local storage (issue 14: a save writes what changed).
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    window.__written = { chars: 0, writes: 0 };
    window.__seq = [];
    Storage.prototype.setItem = function (key, value) {
      window.__written.chars += String(key).length + String(value).length;
      window.__written.writes += 1;
      window.__written.last = performance.now();
      try {
        const r = setItem.call(this, key, value);
        if (window.__seq.length < 400 && !String(key).includes(':p:')) window.__seq.push(`${key}=${String(value).length}`);
        return r;
      } catch (e) {
        if (window.__seq.length < 400) window.__seq.push(`FAIL ${String(key).slice(0, 30)} ${String(value).length}`);
        throw e;
      }
    };
  });
  await throttle(page, { network: false });
  const t0 = Date.now();
  await page.goto(server.url + '/');
  await waitForApp(page);
  await page.waitForFunction(() => window.__bench?.marks.live != null, null, { timeout: 120_000 });
  const load = await page.evaluate(() => ({ ...window.__bench.marks, tasks: window.__bench.longtasks.map((t) => t.duration) }));
  log(`scale: loaded ${UNITS} profiles in ${Date.now() - t0} ms (wall)`);
  await page.waitForTimeout(500); // let the first save settle

  // Long tasks and the wall time of `act`, measured in the page.
  const phase = async (name, act) => {
    const from = await page.evaluate(() => performance.now());
    await act();
    await page.waitForTimeout(300); // let trailing tasks (saving, effects) show up
    const tasks = await page.evaluate((from) => window.__bench.longtasks.filter((t) => t.start + t.duration >= from).map((t) => t.duration), from);
    return { name, longtasks: tasks.length, maxTask: round(Math.max(0, ...tasks)) };
  };
  const timed = async (act, done) => {
    const start = await page.evaluate(() => performance.now());
    await act();
    await page.waitForFunction(done, null, { timeout: 60_000, polling: 5 });
    return page.evaluate((s) => performance.now() - s, start);
  };

  // The profile picker (issue 14): the DOM part of what loading spends on it, a copy of
  // the select with every option it holds, created, styled and laid out.
  const picker = await page.evaluate(() => {
    const select = document.querySelector('select#profile');
    if (!select) return null;
    const start = performance.now();
    const copy = select.cloneNode(true);
    select.parentNode.appendChild(copy);
    copy.getBoundingClientRect();
    void document.body.offsetHeight;
    const ms = performance.now() - start;
    copy.remove();
    return { options: select.options.length, domMs: ms };
  });

  // Keystroke with 10 000 profiles (issue 14): typing into a numerator, the longest task
  // from the keystroke until the debounced save has written, and what the save wrote.
  const revision = () =>
    page.evaluate((key) => Number((localStorage.getItem(key) ?? '').slice(0, 200).match(/"revision":(\d+)/)?.[1] ?? 0), DATA_KEY);
  const numerator = page.locator('input[data-field="numerator"]').first();
  const typeAndSave = async (key) => {
    const before = await revision();
    const written = await page.evaluate(() => ({ ...window.__written }));
    const from = await page.evaluate(() => performance.now());
    await numerator.press(key);
    await page.waitForFunction(
      ([k, r]) => Number((localStorage.getItem(k) ?? '').slice(0, 200).match(/"revision":(\d+)/)?.[1] ?? 0) > r,
      [DATA_KEY, before],
      { timeout: 60_000, polling: 20 },
    );
    await page.waitForTimeout(100); // a long task is reported once it ends
    return page.evaluate(
      ([from, written]) => ({
        maxTask: Math.max(0, ...window.__bench.longtasks.filter((t) => t.start + t.duration >= from).map((t) => t.duration)),
        ms: performance.now() - from,
        chars: window.__written.chars - written.chars,
        writes: window.__written.writes - written.writes,
        // When the save wrote and each long task, from the keystroke (for reading a run).
        savedAt: window.__written.last - from,
        tasks: window.__bench.longtasks.filter((t) => t.start + t.duration >= from).map((t) => [Math.round(t.start - from), Math.round(t.duration)]),
      }),
      [from, written],
    );
  };
  if (process.env.BENCH_DEBUG) page.on('console', (m) => m.text().startsWith('save phase') && log(m.text()));
  await numerator.click();
  // The first save after loading data of version 1 writes every profile's body.
  const migration = await typeAndSave('5');
  if (process.env.BENCH_DEBUG) log(JSON.stringify(await page.evaluate(() => window.__seq.slice(0, 60))));
  // Every keystroke waits for its save (the worst case: each one meets the autosave).
  const saves = [];
  const count = Number(process.env.BENCH_SCALE_KEYSTROKES ?? 20);
  for (let i = 0; i < count; i++) saves.push(await typeAndSave(i % 2 === 0 ? 'Backspace' : '5'));
  if (process.env.BENCH_DEBUG) log(JSON.stringify(saves.map(({ savedAt, tasks }) => ({ savedAt: Math.round(savedAt), tasks }))));
  // The task that wrote (the save) and the others (the keystroke's own rendering).
  const saveTask = (s) => Math.max(0, ...s.tasks.filter(([start, d]) => start <= s.savedAt && s.savedAt <= start + d).map(([, d]) => d));
  const otherTask = (s) => Math.max(0, ...s.tasks.filter(([start, d]) => !(start <= s.savedAt && s.savedAt <= start + d)).map(([, d]) => d));
  const keystroke = {
    saves: saves.length,
    saveTask: round(Math.max(...saves.map(saveTask))),
    otherTask: round(Math.max(...saves.map(otherTask))),
    maxTask: round(Math.max(...saves.map((s) => s.maxTask))),
    medianMaxTask: round(median(saves.map((s) => s.maxTask))),
    // The longest task of each keystroke (until its save has written): p50, p95, max.
    p50: round(percentile(saves.map((s) => s.maxTask), 50)),
    p95: round(percentile(saves.map((s) => s.maxTask), 95)),
    writtenChars: median(saves.map((s) => s.chars)),
    writes: median(saves.map((s) => s.writes)),
    budgetMs: 50,
    met: Math.max(...saves.map((s) => s.maxTask)) <= 50,
    firstSave: { maxTask: round(migration.maxTask), writtenChars: migration.chars, writes: migration.writes },
  };
  log(
    `scale: keystroke with ${UNITS} profiles, ${keystroke.saves} keystrokes: longest task until saved p50 ${keystroke.p50} ms, p95 ${keystroke.p95} ms, max ${keystroke.maxTask} ms — ${keystroke.met ? 'met' : 'missed'} (≤ 50 ms); ` +
      `the save's task ${keystroke.saveTask} ms (longest), the keystroke's other tasks ${keystroke.otherTask} ms; ` +
      `a save writes ${keystroke.writtenChars} characters in ${keystroke.writes} values; the first save (from version 1) ${keystroke.firstSave.writtenChars} characters, longest task ${keystroke.firstSave.maxTask} ms`,
  );
  if (picker) log(`scale: profile picker: ${picker.options} options, DOM ${round(picker.domMs)} ms`);

  const phases = [];
  let openMs;
  phases.push(
    await phase('open the ranking view', async () => {
      openMs = await timed(
        () => page.locator('[data-view="ranking"]').click(),
        () => document.querySelectorAll('table.bloc-table tbody tr[data-unit]').length > 0,
      );
    }),
  );
  const table = await page.evaluate(() => ({
    rows: Number(document.querySelector('table.bloc-table')?.dataset.rows),
    drawn: document.querySelectorAll('table.bloc-table tbody tr').length,
    pages: document.querySelector('[data-pager] [data-pages]')?.dataset.pages ?? null,
    communesOnFirstPage: ['31231', '31232', '31211', '31234', '31237', '31240', '31241', '31243', '31244', '31246', '31252'].every((id) =>
      document.querySelector(`tr[data-unit="${id}"]`),
    ),
  }));
  const pageTurns = [];
  phases.push(
    await phase('turn 10 pages', async () => {
      for (let i = 0; i < 10; i++) {
        const want = String(i + 2);
        pageTurns.push(
          await timed(
            () => page.locator('[data-action="page-next"]').click(),
            new Function(`return document.querySelector('[data-pager] [data-page]')?.dataset.page === ${JSON.stringify(want)}`),
          ),
        );
      }
    }),
  );
  phases.push(
    await phase('go to my unit', async () => {
      await timed(
        () => page.locator('[data-action="page-own"]').click(),
        () => !!document.querySelector('table.bloc-table tr.own'),
      );
    }),
  );
  phases.push(
    await phase('scroll the page and the table', async () => {
      await page.locator('table.bloc-table').hover();
      for (let i = 0; i < 20; i++) await page.mouse.wheel(0, 400);
      for (let i = 0; i < 20; i++) await page.mouse.wheel(0, -400);
      await page.evaluate(() => {
        const wrap = document.querySelector('.table-wrap');
        wrap.scrollLeft = wrap.scrollWidth;
        wrap.scrollLeft = 0;
      });
    }),
  );
  await context.close();
  return {
    units: UNITS,
    savedChars: saved.length,
    load: { ready: round(load.ready), interactive: round(load.free), live: round(load.live), longtasks: load.tasks.length, maxTask: round(Math.max(0, ...load.tasks)) },
    table,
    keystroke,
    picker: picker && { options: picker.options, domMs: round(picker.domMs) },
    openMs: round(openMs),
    pageTurnMs: round(median(pageTurns)),
    phases,
  };
}

/** The plan file of the scale scenarios (issue 12, item 7): one bloc of 170 units, 40 targets. */

/**
 * Plan scale, keystroke to summary: the 170 × 40 plan on screen for a unit of its 170-unit
 * bloc, with a profile (every target filled in) for each of the 170 units in storage, then
 * typed into a ratio card's numerator as in `keystrokes`.
 */
async function planKeystrokes(browser, server) {
  const context = await newContext(browser);
  const page = await context.newPage();
  const { input: numerator, file, targetId, savedChars } = await openForTyping(page, server.url, { plan: true });
  const plan = file.plan;
  const bloc = plan.blocs[0];
  const unit = bloc.units[0].id;
  // What is on screen is the plan, its bloc and the unit, ranked among the whole bloc.
  const shown = await page.evaluate(() => ({
    plan: document.querySelector('select[data-field="plan"]')?.value,
    bloc: document.querySelector('select[data-field="bloc"]')?.value,
    unit: document.querySelector('select[data-field="unit"]')?.value,
    unitOptions: document.querySelectorAll('select[data-field="unit"] option').length,
    cards: document.querySelectorAll('[data-target]').length,
    blocSize: Number(document.querySelector('[data-bloc-size]')?.dataset.blocSize),
  }));
  if (shown.plan !== plan.id || shown.bloc !== bloc.id || shown.unit !== unit || shown.blocSize !== bloc.units.length) {
    throw new Error(`plan scale: the page does not show the seeded plan: ${JSON.stringify(shown)}`);
  }
  const result = await typeKeystrokes(page, numerator, KEYSTROKES);
  log(`plan keystrokes: p50 ${result.p50} ms, p95 ${result.p95} ms`);
  // The same, each keystroke after the previous one's autosave (diagnostic, no budget).
  await numerator.fill('');
  const paced = await typeKeystrokes(page, numerator, PACED, { pause: PAUSE_MS });
  log(`plan keystrokes, paced: p50 ${paced.p50} ms, p95 ${paced.p95} ms`);
  await context.close();
  return { plan: plan.id, units: bloc.units.length, targets: plan.targets.length, savedChars, shown, target: targetId, ...result, paced: { ...paced, pauseMs: PAUSE_MS } };
}

/** 170 lines as copied from two Excel columns (a header line, then "code<TAB>name"), codes from `base`. */
function excelUnits(base, n = 170) {
  const lines = ['Mã\tTên đơn vị'];
  for (let i = 0; i < n; i++) lines.push(`${base + i}\tPhường Thử Số ${i + 1}`);
  return lines.join('\r\n');
}

/**
 * Plan editor, paste 170 units: the 170 × 40 plan imported through the plans view's file
 * input and opened in the editor; then, at 4x CPU slowdown, PASTES times: fill the bloc's
 * paste box with 170 Excel lines of new codes (not timed), click "paste" and time from the
 * click event to the bloc's 170 rows showing the new codes, once with the unit table
 * closed (as the editor opens) and once open (its 170 rows redrawn).
 */
async function planPaste(browser, server) {
  const plan = JSON.parse(readFileSync(SCALE_PLAN_FILE, 'utf8')).plan;
  const bloc = plan.blocs[0];
  const n = bloc.units.length;
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await waitForApp(page);
  await page.locator('[data-view="plans"]').click();
  await page.locator('input[data-field="import-plan"]').setInputFiles(SCALE_PLAN_FILE);
  const card = page.locator(`[data-plan-id="${plan.id}"]`);
  await page.locator('[data-plans-added], [data-action="add-plan"]').first().waitFor({ timeout: 60_000 });
  if (await page.locator('[data-action="add-plan"]').count()) await page.locator('[data-action="add-plan"]').click();
  await card.locator('[data-action="edit-plan"]').click();
  await page.locator('[data-plan-editor]').waitFor();
  const section = page.locator(`[data-plan-bloc="${bloc.id}"]`);
  const box = page.locator('[data-plan-field="plan.blocs[0].units"]');
  await throttle(page, { network: false });
  const runs = { closed: [], open: [] };
  let base = 30_000;
  for (const table of ['closed', 'open']) {
    const isOpen = await section.locator('details.pe-units').evaluate((d) => d.open);
    if (isOpen !== (table === 'open')) await section.locator('details.pe-units > summary').click();
    for (let i = 0; i < PASTES; i++, base += 1_000) {
      await box.fill(excelUnits(base, n));
      await section.locator('[data-action="paste-units"]:not([disabled])').waitFor({ timeout: 30_000 });
      // In the page: the click's timestamp, then the first moment (a DOM change or a frame)
      // the bloc has n units and its last one has the last pasted code.
      await page.evaluate(
        ([blocId, n, lastId, last]) => {
          const root = document.querySelector(`[data-plan-bloc="${blocId}"]`);
          const p = (window.__paste = { clicked: null, done: null });
          const check = () => {
            if (p.clicked == null || p.done != null) return;
            const count = root.querySelector('.pe-units > summary')?.textContent.includes(`(${n})`);
            // The rows are drawn only while the table is open; closed, the paste box empties.
            const rows = root.querySelector('details.pe-units').open
              ? root.querySelector(`[data-plan-field="${lastId}"]`)?.value === last
              : root.querySelector('[data-plan-field="plan.blocs[0].units"]').value === '';
            if (count && rows) {
              p.done = performance.now();
              observer.disconnect();
            }
          };
          const observer = new MutationObserver(check);
          observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
          const frame = () => (check(), p.done == null && requestAnimationFrame(frame));
          root.querySelector('[data-action="paste-units"]').addEventListener('click', (e) => ((p.clicked = e.timeStamp), requestAnimationFrame(frame)), {
            capture: true,
            once: true,
          });
        },
        [bloc.id, n, `plan.blocs[0].units[${n - 1}].id`, String(base + n - 1)],
      );
      await section.locator('[data-action="paste-units"]').click();
      await page.waitForFunction(() => window.__paste.done != null, null, { timeout: 30_000, polling: 10 });
      runs[table].push(await page.evaluate(() => window.__paste.done - window.__paste.clicked));
    }
  }
  await context.close();
  const stats = (xs) => ({ median: round(median(xs)), max: round(Math.max(...xs)), runs: xs.map((x) => round(x)) });
  log(`plan paste: closed ${JSON.stringify(stats(runs.closed))}, open ${JSON.stringify(stats(runs.open))}`);
  return { plan: plan.id, units: n, targets: plan.targets.length, pastes: PASTES, closed: stats(runs.closed), open: stats(runs.open) };
}

async function main() {
  const [appDist, helloDist, out] = process.argv.slice(2);
  if (!out) throw new Error('usage: node bench/browser.mjs APP_DIST HELLO_DIST OUT.json');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
  const pages = BLANK_PAGES;
  const app = await serve(appDist, { pages });
  // "-": no bare Yew app to compare with (a partial run of scripts/bench.sh).
  const hello = helloDist === '-' ? null : await serve(helloDist);
  const results = { profile: { ...MOBILE, runs: RUNS, keystrokes: KEYSTROKES }, browser: browser.version() };
  // BENCH_ONLY=scale (comma-separated: interactive, encodings, keystrokes, scale, views, plans) runs a part only.
  const only = (process.env.BENCH_ONLY || 'interactive,encodings,keystrokes,scale,views,plans').split(',');
  try {
    if (only.includes('interactive')) {
      log('interactive: the calculator');
      results.interactive = await interactive(browser, app, ['select[data-field="unit"]', 'input[data-field="numerator"]']);
      if (hello) {
        log('interactive: the bare Yew app');
        results.helloInteractive = await interactive(browser, hello, ['h1']);
      }
    }
    if (only.includes('encodings')) {
      log('encodings: the live app served brotli, gzip and uncompressed');
      results.encodings = await encodings(browser, appDist, pages, ['select[data-field="unit"]', 'input[data-field="numerator"]']);
    }
    if (only.includes('keystrokes')) {
      log('keystrokes');
      results.keystrokes = await keystrokes(browser, app);
    }
    if (only.includes('scale')) {
      log(`scale: ${UNITS} units`);
      results.scale = await scale(browser, app);
    }
    if (only.includes('views')) {
      log('views: opening each on-demand view for the first time');
      results.views = await views(browser, app, ['select[data-field="unit"]', 'input[data-field="numerator"]']);
    }
    if (only.includes('plans')) {
      log('plans: keystrokes with a 170-unit bloc and 40 targets');
      results.planKeystrokes = await planKeystrokes(browser, app);
      log('plans: pasting 170 units into the editor');
      results.planPaste = await planPaste(browser, app);
    }
  } finally {
    await browser.close();
    await app.close();
    await hello?.close();
  }
  writeFileSync(out, JSON.stringify(results, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
