// End-to-end test harness: a tiny static server for the release build, Debian's Chromium
// driven by playwright-core, and helpers that act like a person and wait like Playwright's
// `expect` (auto-waiting / polling, never fixed sleeps).
//
// Run the suite from the repository root, after `trunk build --release`:
//
//     node --test tests/e2e/
//
// Environment:
//   E2E_DIST      directory to serve instead of ./dist (must contain index.html)
//   E2E_CHROMIUM  Chromium executable instead of /usr/bin/chromium
//   E2E_TIMEOUT   per-expectation timeout in ms (default 5000)
//
// This file is not a test file (its name does not match *.test.mjs), so `node --test`
// does not run it on its own.

import http from 'node:http';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BACKUP_PREFIX, DATA_KEY } from './names.mjs';
import assert, { AssertionError } from 'node:assert/strict';
import { after, afterEach, before } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(HERE, '..', '..');
export const ARTIFACTS_DIR = join(HERE, 'artifacts');
export const TIMEOUT = Number(process.env.E2E_TIMEOUT) || 5000;

/** Path on the test server of an empty same-origin page (for seeding localStorage). */
export const BLANK_PATH = '/__e2e__/blank.html';

// ---------------------------------------------------------------------------------------
// Static server
// ---------------------------------------------------------------------------------------

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.xml': 'application/xml; charset=utf-8',
};

/** The directory the tests serve: $E2E_DIST or <repo>/dist. */
export function distDir() {
  return resolve(process.env.E2E_DIST || join(REPO_ROOT, 'dist'));
}

/** Throws a clear error (the tests must FAIL, not skip) when there is no build to test. */
export function requireBuild(dir = distDir()) {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    throw new Error(
      `No release build to test: ${index} does not exist.\n` +
        `Build it first with \`trunk build --release\` (from ${REPO_ROOT}), ` +
        `or point E2E_DIST at a directory containing index.html.`,
    );
  }
  return dir;
}

/**
 * Serves `dir` on 127.0.0.1 at an ephemeral port.
 * Returns { url, origin, requests, close }: `requests` logs every request the server saw
 * ({ method, path, status }, and `encoding` when a precompressed sibling was sent).
 *
 * options:
 *   precompressed  serve the build's `.br`/`.gz` siblings (scripts/compress.mjs) as a host
 *                  with brotli_static/gzip_static does: the best one the request's
 *                  Accept-Encoding allows, with Content-Encoding, the original's Content-Type
 *                  and Vary: Accept-Encoding. `['gzip']` allows only gzip. Off by default:
 *                  every file is sent as it is.
 */
export async function startServer(dir, { precompressed = false } = {}) {
  const encodings = precompressed === true ? ['br', 'gzip'] : precompressed || [];
  const root = resolve(dir);
  const requests = [];
  const server = http.createServer((req, res) => {
    const entry = { method: req.method, path: req.url, status: 0 };
    requests.push(entry);
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      entry.status = status;
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
      let path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      if (path === BLANK_PATH) {
        // No favicon request from a page that stays open.
        return send(200, '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>blank</title>', MIME['.html']);
      }
      if (path.includes('\0')) return send(400, 'bad path');
      let file = resolve(root, '.' + path);
      if (file !== root && !file.startsWith(root + sep)) return send(403, 'forbidden');
      let st = statSync(file, { throwIfNoEntry: false });
      if (st && st.isDirectory()) {
        file = join(file, 'index.html');
        st = statSync(file, { throwIfNoEntry: false });
      }
      if (!st || !st.isFile()) return send(404, 'not found');
      const type = MIME[extname(file).toLowerCase()] || 'application/octet-stream';
      const headers = {};
      if (encodings.length) {
        headers.Vary = 'Accept-Encoding';
        const accepted = String(req.headers['accept-encoding'] ?? '');
        for (const [suffix, encoding] of [['.br', 'br'], ['.gz', 'gzip']]) {
          if (!encodings.includes(encoding) || !new RegExp(`\\b${encoding}\\b`).test(accepted)) continue;
          const sibling = statSync(file + suffix, { throwIfNoEntry: false });
          if (!sibling?.isFile()) continue;
          file += suffix;
          st = sibling;
          headers['Content-Encoding'] = entry.encoding = encoding;
          break;
        }
      }
      entry.status = 200;
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': st.size,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch (err) {
      send(500, String(err));
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    origin: url,
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

// ---------------------------------------------------------------------------------------
// Browser and pages
// ---------------------------------------------------------------------------------------

export { CHROMIUM_ARGS };

export async function launchBrowser() {
  const executablePath = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath} (set E2E_CHROMIUM to override).`);
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/**
 * A fresh browser context (isolated localStorage) with one page.
 *
 * options:
 *   baseURL     the test server's url; relative page.goto('/') uses it, and requests to
 *               any other origin are recorded as foreign
 *   viewport    { width, height } (default 1280x800)
 *   initScript  a function or source string run before any page script, on every navigation
 *
 * Returns { context, page, log } where log holds arrays:
 *   consoleErrors    text of console messages of type "error"
 *   pageErrors       uncaught exceptions (pageerror)
 *   foreignRequests  URLs of requests (incl. WebSockets) to another origin than baseURL
 *   failedResponses  "status url" of same-origin responses with status >= 400
 */
export async function newPage(browser, { baseURL, viewport = { width: 1280, height: 800 }, initScript } = {}) {
  if (!baseURL) throw new Error('newPage: baseURL (the test server url) is required');
  const origin = new URL(baseURL).origin;
  const context = await browser.newContext({
    baseURL,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(Math.max(TIMEOUT, 20_000));
  if (initScript) await context.addInitScript(initScript);

  const log = { consoleErrors: [], pageErrors: [], foreignRequests: [], failedResponses: [] };
  const isForeign = (url) => {
    let u;
    try {
      u = new URL(url);
    } catch {
      return true;
    }
    if (['data:', 'blob:', 'about:'].includes(u.protocol)) return false;
    return u.origin !== origin;
  };
  context.on('request', (req) => {
    if (isForeign(req.url())) log.foreignRequests.push(req.url());
  });
  context.on('response', (res) => {
    if (!isForeign(res.url()) && res.status() >= 400) log.failedResponses.push(`${res.status()} ${res.url()}`);
  });

  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      log.consoleErrors.push(loc?.url ? `${msg.text()} (${loc.url}:${loc.lineNumber})` : msg.text());
    }
  });
  page.on('pageerror', (err) => log.pageErrors.push(err?.stack || String(err)));
  page.on('websocket', (ws) => {
    if (isForeign(ws.url().replace(/^ws/, 'http'))) log.foreignRequests.push(ws.url());
  });
  return { context, page, log };
}

/**
 * Waits until the app has mounted: the pre-rendered first screen is gone (the live app
 * replaces it), the summary is visible and target cards exist.
 */
export async function waitForApp(page, { timeout = Math.max(TIMEOUT, 15_000) } = {}) {
  try {
    await page.locator('[data-prerendered]').waitFor({ state: 'detached', timeout });
    await page.locator('[data-summary]').first().waitFor({ state: 'visible', timeout });
    await page.locator('[data-target]').first().waitFor({ state: 'attached', timeout });
  } catch (err) {
    if (!isTimeout(err)) throw err;
    const body = await page.evaluate(() => document.body?.innerText.slice(0, 500)).catch(() => '?');
    throw new AssertionError({
      message: `The app did not mount within ${timeout} ms (no pre-rendered screen, [data-summary] visible and a [data-target] card). Page text: ${JSON.stringify(body)}`,
    });
  }
}

// ---------------------------------------------------------------------------------------
// Acting like a person
// ---------------------------------------------------------------------------------------

const loc = (page, target) => (typeof target === 'string' ? page.locator(target) : target);

/**
 * Types `text` into an input like a person: click, select all, type key by key (an empty
 * string deletes the content). Then checks the field shows exactly what was typed.
 */
export async function fill(page, target, text) {
  const field = loc(page, target);
  await field.click();
  await field.press('ControlOrMeta+a');
  if (text === '') await field.press('Backspace');
  else await field.pressSequentially(String(text));
  const shown = await field.inputValue();
  if (shown !== String(text)) {
    throw new AssertionError({
      message: `After typing ${JSON.stringify(text)} into ${field} the field shows ${JSON.stringify(shown)}`,
      actual: shown,
      expected: String(text),
      operator: 'fill',
    });
  }
}

/** Chooses an option (by value) in a <select> and checks it took. */
export async function choose(page, target, value) {
  const select = loc(page, target);
  await select.selectOption(value);
  await waitForValue(select, value);
}

/** Ticks or unticks a checkbox by clicking it (fails if the click does not change it). */
export async function setChecked(page, target, checked) {
  await loc(page, target).setChecked(checked);
}

// ---------------------------------------------------------------------------------------
// Waiting like `expect`
// ---------------------------------------------------------------------------------------

export function isTimeout(err) {
  return err?.name === 'TimeoutError' || /Timeout \d+ms exceeded/.test(err?.message ?? '');
}

const attrSelector = (name, value) => `[${name}=${JSON.stringify(String(value))}]`;

/**
 * Waits until the element `target` has every attribute in `attrs` ({ name: value }).
 * On timeout throws an AssertionError that shows the actual attributes.
 */
export async function waitForAttributes(target, attrs, { timeout = TIMEOUT } = {}) {
  let both = target;
  for (const [name, value] of Object.entries(attrs)) {
    both = both.and(target.page().locator(attrSelector(name, value)));
  }
  try {
    await both.first().waitFor({ state: 'attached', timeout });
  } catch (err) {
    if (!isTimeout(err)) throw err;
    const actual = {};
    const n = await target.count();
    for (const name of Object.keys(attrs)) {
      actual[name] = n === 0 ? '<no such element>' : await target.first().getAttribute(name, { timeout: 1000 }).catch(() => '<gone>');
    }
    throw new AssertionError({
      message: `${target}: expected ${JSON.stringify(attrs)} within ${timeout} ms, got ${JSON.stringify(actual)}`,
      actual,
      expected: attrs,
      operator: 'waitForAttributes',
    });
  }
}

/** Waits until a target card has data-status = status. */
export function waitForStatus(card, status, options) {
  return waitForAttributes(card, { 'data-status': status }, options);
}

/**
 * Waits until the summary ([data-summary]) shows the given values, e.g.
 * { score: '10.00', met: '1', applicable: '10' } -> data-score, data-met, data-applicable.
 */
export function waitForSummary(page, expected, options) {
  const attrs = Object.fromEntries(Object.entries(expected).map(([k, v]) => [`data-${k}`, String(v)]));
  return waitForAttributes(page.locator('[data-summary]'), attrs, options);
}

/** Waits until an input/select shows `value`. */
export async function waitForValue(target, value, { timeout = TIMEOUT } = {}) {
  await poll(() => target.inputValue({ timeout }), (v) => v === String(value), {
    timeout,
    message: `${target}: expected value ${JSON.stringify(String(value))}`,
  });
}

/** Waits until a checkbox is (un)checked. */
export async function waitForChecked(target, checked, { timeout = TIMEOUT } = {}) {
  await poll(() => target.isChecked({ timeout }), (v) => v === checked, {
    timeout,
    message: `${target}: expected checked=${checked}`,
  });
}

/**
 * Like Playwright's expect.poll: calls `get` until `ok(value)` holds or `timeout` passes,
 * backing off between attempts; throws an AssertionError with the last value.
 */
export async function poll(get, ok, { timeout = TIMEOUT, message = 'condition not met' } = {}) {
  const deadline = Date.now() + timeout;
  const intervals = [0, 50, 100, 250, 500];
  let last;
  let lastErr;
  for (let i = 0; ; i++) {
    try {
      last = await get();
      lastErr = undefined;
      if (ok(last)) return last;
    } catch (err) {
      lastErr = err;
    }
    if (Date.now() >= deadline) break;
    const wait = Math.min(intervals[Math.min(i, intervals.length - 1)], Math.max(0, deadline - Date.now()));
    await new Promise((r) => setTimeout(r, wait));
  }
  throw new AssertionError({
    message: `${message} within ${timeout} ms; last value: ${lastErr ? `error ${lastErr.message}` : JSON.stringify(last)}`,
    actual: last,
    operator: 'poll',
  });
}

// ---------------------------------------------------------------------------------------
// localStorage
// ---------------------------------------------------------------------------------------

/**
 * All of localStorage as a plain object (throws if the page cannot reach localStorage), as
 * the page would leave it now: the app saves a moment after typing stops, and at once when
 * the page is hidden or left, so a `pagehide` is sent first to write any pending edit.
 * (The app ignores it when nothing is pending; a snapshot never races the autosave.)
 */
export async function readStorage(page) {
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  // Saved data in parts (issue 14): the bodies folded back into the head.
  return inlineBodies(await rawStorage(page));
}

// Saved data in parts (issue 14): storage holds a head under DATA_KEY naming one value
// per profile body and per plan body (`<DATA_KEY>:p:<id>:<hash>`, `<DATA_KEY>:plan:<id>:<hash>`,
// docs/formats.md), since version 4 through pages of records (`<DATA_KEY>:pg:<first id>:<hash>`). The helpers below put every body back inline, so that tests read the
// saved data whole, as version 2 held it.

/** `items` (key → value) with the bodies folded into the head under `dataKey`. */
export function inlineBodies(items, dataKey = DATA_KEY) {
  const out = {};
  for (const [k, v] of Object.entries(items)) if (!k.startsWith(`${dataKey}:`)) out[k] = v;
  const raw = items[dataKey];
  let head;
  try {
    head = JSON.parse(raw);
  } catch {
    return out;
  }
  if ((head?.version !== 3 && head?.version !== 4) || !head.data) return out;
  const body = (key) => (items[key] == null ? null : JSON.parse(items[key]));
  // Version 4: the records are in pages (`<DATA_KEY>:pg:<first id>:<hash>`, or inline).
  if (Array.isArray(head.data.pages)) {
    const records = head.data.pages.flatMap((p) =>
      typeof p?.page === 'string' ? body(`${dataKey}:pg:${p.id}:${p.page}`) ?? [] : p?.records ?? [],
    );
    head.data.profiles = [...records, ...(head.data.profiles ?? [])];
    delete head.data.pages;
  }
  for (const record of head.data.profiles ?? []) {
    if (typeof record.body !== 'string') continue;
    record.profile = body(`${dataKey}:p:${record.id}:${record.body}`);
    delete record.body;
  }
  if (Array.isArray(head.data.plans)) {
    head.data.plans = head.data.plans.map((p) => (typeof p?.body === 'string' ? body(`${dataKey}:plan:${p.id}:${p.body}`) : p));
  }
  out[dataKey] = JSON.stringify(head);
  return out;
}

/** All of localStorage as it is now (no pagehide first). */
export function rawStorage(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

/** The saved data as one text with every body inline (no pagehide first), or null. */
export async function savedText(page) {
  return inlineBodies(await rawStorage(page))[DATA_KEY] ?? null;
}

/** The saved workspace (the envelope's `data`, every body inline), or null. */
export async function savedWorkspace(page) {
  const text = await savedText(page);
  return text == null ? null : JSON.parse(text).data;
}

/**
 * Puts `entries` into the origin's localStorage before the app ever runs: opens an empty
 * same-origin page served by the test server, writes, and leaves the page there. The test
 * then navigates to the app.
 */
export async function seedStorage(page, entries) {
  await page.goto(BLANK_PATH);
  await page.evaluate((e) => {
    for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v);
  }, entries);
}

/**
 * Waits until localStorage[key] holds every string in `texts`: a string value anywhere in
 * the stored JSON containing it, or a number equal to it (decimal comma allowed), or, if
 * the value is not JSON, the raw text containing it.
 */
export async function waitForSaved(page, texts, { key = DATA_KEY, timeout = TIMEOUT } = {}) {
  const holds = (raw) => {
    if (raw == null) return false;
    let parsed;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return texts.every((t) => raw.includes(t));
    }
    const leaves = [];
    const walk = (v) => {
      if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          leaves.push(k);
          walk(x);
        }
      } else leaves.push(v);
    };
    walk(parsed);
    return texts.every((t) =>
      leaves.some((v) => (typeof v === 'string' && v.includes(t)) || (typeof v === 'number' && String(v) === t.replace(',', '.'))),
    );
  };
  // Saved data in parts (issue 14): read with every body inline.
  const read = async () => inlineBodies(await rawStorage(page))[key] ?? null;
  try {
    await poll(read, holds, { timeout, message: 'saved' });
  } catch (err) {
    if (!(err instanceof AssertionError)) throw err;
    const raw = await read().catch((e) => `<${e.message}>`);
    throw new AssertionError({
      message: `localStorage[${JSON.stringify(key)}] did not come to hold ${JSON.stringify(texts)} within ${timeout} ms; it holds ${JSON.stringify(String(raw).slice(0, 2000))}`,
    });
  }
}

/** Waits until some key starting with `prefix` holds exactly `value`; returns that key. */
export async function waitForBackup(page, value, { prefix = BACKUP_PREFIX, timeout = TIMEOUT } = {}) {
  try {
    const handle = await page.waitForFunction(
      ({ prefix, value }) => {
        for (let i = 0; i < localStorage.length; i++) {
          const k = localStorage.key(i);
          if (k.startsWith(prefix) && localStorage.getItem(k) === value) return k;
        }
        return false;
      },
      { prefix, value },
      { timeout, polling: 50 },
    );
    return await handle.jsonValue();
  } catch (err) {
    if (!isTimeout(err)) throw err;
    const all = await readStorage(page).catch((e) => `<${e.message}>`);
    throw new AssertionError({
      message: `No localStorage key starting with ${JSON.stringify(prefix)} holds exactly ${JSON.stringify(value)} (waited ${timeout} ms). localStorage: ${JSON.stringify(all).slice(0, 2000)}`,
    });
  }
}

// ---------------------------------------------------------------------------------------
// Misc
// ---------------------------------------------------------------------------------------

/** Path for an artifact file (screenshots); creates the (gitignored) directory. */
export function artifactPath(name) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}

/** Vietnamese-only letters (vowels with Vietnamese diacritics and đ). */
export const VIETNAMESE_LETTER =
  /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
/** Common English words an untranslated error message would contain. */
export const ENGLISH_WORD =
  /\b(the|must|should|number|numbers|invalid|please|enter|value|cannot|can't|greater|less|than|between|required|error|positive|integer|whole|percent|percentage)\b/i;

/** True when `text` reads as Vietnamese (has Vietnamese letters and no common English words). */
export function looksVietnamese(text) {
  return VIETNAMESE_LETTER.test(text) && !ENGLISH_WORD.test(text);
}

// ---------------------------------------------------------------------------------------
// A test file's shared set-up
// ---------------------------------------------------------------------------------------

/**
 * Registers the hooks a test file needs (serve the build, launch one browser, close every
 * context after each test) and returns:
 *   env       { server, browser } once the `before` hook has run
 *   withPage  (t, options, fn) — runs `fn({ context, page, log, more })` with a fresh context;
 *             `more()` opens further fresh contexts ("another browser profile"). Afterwards it
 *             asserts, for every context: no uncaught page errors, no request to another
 *             origin, no failed same-origin response. On failure it saves a screenshot of each
 *             page to artifacts/ (named with `prefix`) and prints what the pages logged.
 */
export function useSuite(prefix) {
  const env = { server: null, browser: null };
  const sessions = new Set();
  before(async () => {
    env.server = await startServer(requireBuild(distDir())); // fails (not skips) without a build
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  afterEach(async () => {
    for (const s of sessions) await s.context.close().catch(() => {});
    sessions.clear();
  });

  async function withPage(t, options, fn) {
    const opened = [];
    const open = async () => {
      const session = await newPage(env.browser, { baseURL: env.server.url, ...options });
      sessions.add(session);
      opened.push(session);
      return session;
    };
    const first = await open();
    try {
      await fn({ ...first, more: open });
      for (const [i, { log }] of opened.entries()) {
        const which = opened.length > 1 ? ` (context ${i + 1})` : '';
        assert.deepEqual(log.pageErrors, [], `uncaught errors in the page${which}`);
        assert.deepEqual(log.foreignRequests, [], `requests to other origins${which}`);
        assert.deepEqual(log.failedResponses, [], `same-origin responses with an error status${which}`);
      }
    } catch (err) {
      for (const [i, { page, log }] of opened.entries()) {
        const name = `failure-${prefix}-${t.name.replace(/[^\w.-]+/g, '_').slice(0, 70)}-${i + 1}.png`;
        const shot = artifactPath(name);
        await page.screenshot({ path: shot, fullPage: true, timeout: 5000 }).catch(() => {});
        t.diagnostic(`screenshot: ${shot}`);
        for (const [k, v] of Object.entries(log)) if (v.length) t.diagnostic(`context ${i + 1} ${k}: ${JSON.stringify(v)}`);
      }
      throw err;
    }
  }

  return { env, withPage };
}
