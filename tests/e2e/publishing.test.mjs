// End-to-end tests of publishing (issue 14): the build's precompressed siblings
// (scripts/compress.mjs, written by scripts/post-build.mjs) decode to their originals, the
// service worker precaches only the originals, and the app loads and computes when a host
// serves the siblings (brotli, gzip) or nothing compressed at all, as the server of
// tests/e2e/harness.mjs does with its `precompressed` option (what the nginx, Apache and IIS
// files in docs/publishing/ set up). Offline after one visit served brotli, too.
// Run from the repository root after `trunk build --release`:
//     node --test tests/e2e/publishing.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { choose, distDir, fill, launchBrowser, newPage, requireBuild, startServer, waitForApp, waitForStatus } from './harness.mjs';
import { COMPRESSIBLE, isSibling } from '../../scripts/compress.mjs';

const TEST_TIMEOUT = 90_000;
let browser;
let dir;

before(async () => {
  dir = requireBuild(distDir()); // fails (not skips) without a build
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

function files(root, d = root, out = []) {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) files(root, path, out);
    else out.push(relative(root, path).split('\\').join('/'));
  }
  return out.sort();
}

test('every text and wasm file of the build has .br and .gz siblings that decode to it', () => {
  const all = files(dir);
  const originals = all.filter((f) => !isSibling(f) && COMPRESSIBLE.has(extname(f).toLowerCase()));
  assert.ok(originals.some((f) => f.endsWith('.wasm')), `the build has a wasm file: ${all}`);
  assert.ok(originals.includes('index.html') && originals.includes('sw.js'), 'index.html and sw.js are among them');
  for (const f of originals) {
    const data = readFileSync(join(dir, f));
    for (const [suffix, decode] of [['.br', brotliDecompressSync], ['.gz', gunzipSync]]) {
      assert.ok(all.includes(f + suffix), `${f} has no ${suffix} sibling`);
      const decoded = decode(readFileSync(join(dir, f + suffix)));
      assert.ok(decoded.equals(data), `${f}${suffix} does not decode to ${f}`);
    }
  }
  // No sibling without its original (a stale one from another build).
  for (const f of all.filter(isSibling)) assert.ok(all.includes(f.replace(/\.(br|gz)$/, '')), `${f} has no original`);
  // Brotli is worth it where it matters: the wasm.
  for (const f of originals.filter((f) => f.endsWith('.wasm'))) {
    const size = (x) => statSync(join(dir, x)).size;
    assert.ok(size(f + '.br') < size(f + '.gz') && size(f + '.gz') < size(f), `${f}: brotli < gzip < raw`);
  }
});

test('the service worker precaches the originals, never a sibling; the integrity attributes hold', () => {
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  const precache = JSON.parse(sw.match(/const PRECACHE = (\[[\s\S]*?\]);/)[1]);
  const expected = ['./', ...files(dir).filter((f) => !isSibling(f) && f !== 'index.html' && f !== 'sw.js').map((f) => './' + f)];
  assert.deepEqual(precache, expected, 'sw.js precaches exactly the build without its siblings');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const checked = [...html.matchAll(/<link[^>]*href="\.?\/?([^"]+)"[^>]*integrity="(sha\d+)-([^"]+)"/g)].filter(([tag]) => tag.includes('integrity'));
  assert.ok(checked.length > 0, 'index.html has integrity attributes to check');
  for (const [, file, algo, digest] of checked) {
    const actual = createHash(algo).update(readFileSync(join(dir, file))).digest('base64');
    assert.equal(actual, digest, `the integrity of ${file}`);
  }
});

/** Loads the app served with `encodings` allowed, computes one ratio; returns the server's log. */
async function loadAndCompute(encodings, options) {
  const server = await startServer(dir, { precompressed: encodings });
  try {
    await loadAndComputeAt(server.url + '/', options);
    return server.requests;
  } finally {
    await server.close();
  }
}

/** Opens the app at `url`, computes one ratio (and again offline after a reload, if asked). */
async function loadAndComputeAt(url, { offline = false } = {}) {
  const { context, page, log } = await newPage(browser, { baseURL: url });
  await page.goto(url);
  await waitForApp(page);
  // 7 of 20 online work files meets the target (as in platform.test.mjs).
  const compute = async (unit) => {
    await choose(page, page.locator('select[data-field="unit"]'), unit);
    const card = page.locator('[data-target="online_work_files"]');
    await fill(page, card.locator('input[data-field="numerator"]'), '7');
    await fill(page, card.locator('input[data-field="denominator"]'), '20');
    await waitForStatus(card, 'met');
  };
  await compute('31211');
  if (offline) {
    // The service worker stored the decoded files: offline, the app still starts.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
    });
    await context.setOffline(true);
    await page.reload();
    await waitForApp(page);
    await compute('31231');
  }
  assert.deepEqual(log.pageErrors, [], 'no uncaught page errors');
  assert.deepEqual(log.consoleErrors, [], 'no console errors (an integrity or decoding failure shows there)');
  assert.deepEqual(log.failedResponses, []);
  await context.close();
}

/** The encodings the page's own files (html, js, css, wasm) were sent with, by extension. */
function encodingsByKind(requests) {
  const out = {};
  for (const r of requests) {
    const path = new URL(r.path, 'http://x').pathname;
    const ext = path === '/' ? '.html' : extname(path);
    if (!['.html', '.js', '.css', '.wasm'].includes(ext)) continue;
    (out[ext] ??= new Set()).add(r.encoding ?? 'identity');
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}

test('served brotli from the siblings, the app loads, computes and works offline', { timeout: TEST_TIMEOUT }, async () => {
  const requests = await loadAndCompute(['br', 'gzip'], { offline: true });
  assert.deepEqual(encodingsByKind(requests), { '.html': ['br'], '.js': ['br'], '.css': ['br'], '.wasm': ['br'] });
});

test('served gzip from the siblings, the app loads and computes', { timeout: TEST_TIMEOUT }, async () => {
  const requests = await loadAndCompute(['gzip']);
  assert.deepEqual(encodingsByKind(requests), { '.html': ['gzip'], '.js': ['gzip'], '.css': ['gzip'], '.wasm': ['gzip'] });
});

test('served uncompressed (a host that ignores the siblings), the app loads and computes', { timeout: TEST_TIMEOUT }, async () => {
  const requests = await loadAndCompute(false);
  assert.deepEqual(encodingsByKind(requests), { '.html': ['identity'], '.js': ['identity'], '.css': ['identity'], '.wasm': ['identity'] });
});

// A copy published on a real server with the files of docs/publishing/ (nginx.conf,
// .htaccess, web.config): E2E_PUBLISHED_URL=http://host/cchc/ runs the same check there
// (docs/publishing/check.sh shows what that server sends for each encoding).
test('a copy published with docs/publishing/ loads, computes and works offline (E2E_PUBLISHED_URL)', {
  timeout: TEST_TIMEOUT,
  skip: !process.env.E2E_PUBLISHED_URL && 'E2E_PUBLISHED_URL is not set',
}, async () => {
  await loadAndComputeAt(process.env.E2E_PUBLISHED_URL, { offline: true });
});
