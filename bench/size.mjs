// First-load size of a Trunk build: the files a first visit downloads before the app can
// run (the page, its scripts, its wasm and its stylesheets), raw and gzipped.
// Used by scripts/bench.sh (the calculator against the bare Yew app, bench/hello-yew) and
// by tests/e2e/size.test.mjs (the committed budget, bench/size-budget.json).
//
// Which files: index.html, every .js/.wasm/.css file that index.html references (Trunk's
// script, modulepreload and preload links, the stylesheets), the files a referenced script
// imports or fetches by a relative './name' (the calculator's boot script imports the
// wasm-bindgen glue and registers sw.js). Icons, the manifest and images are not counted:
// the budget is about code. Gzip at level 9, as a static host's precompressed files; with
// { brotli: true } also brotli at quality 11, as the build's .br siblings (scripts/compress.mjs).
//
// The split build (scripts/build.sh) lists its on-demand modules in split-modules.json: they
// are downloaded when a view is first opened (or by the service worker in idle time), not
// before the app runs, so they are left out of the first load and listed apart (onDemand).

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { brotli as brotliCompress } from '../scripts/compress.mjs';

const CODE = /\.(js|mjs|wasm|css)$/;

/** Relative file names ('./x.js', 'x.css') referenced in `text`, as plain names. */
function references(text) {
  const names = new Set();
  for (const m of text.matchAll(/(?:href|src)\s*=\s*"([^"]+)"|['"](\.\/[^'"\s]+)['"]/g)) {
    const raw = (m[1] ?? m[2]).split(/[?#]/)[0];
    if (/^[a-z]+:|^\/\//i.test(raw)) continue; // another origin or a data: URL
    const name = raw.replace(/^\.\//, '');
    if (CODE.test(name) && !name.includes('/')) names.add(name);
  }
  return names;
}

/** The on-demand modules of a split build (none for a one-module build): [{ name, views }]. */
function splitModules(dir) {
  const path = join(dir, 'split-modules.json');
  if (!existsSync(path)) return [];
  return JSON.parse(readFileSync(path, 'utf8')).onDemand.map((m) => ({ name: m.file, views: m.views }));
}

/** The on-demand modules of the build in `dir`: [{ name, views, raw, gzip }], biggest first. */
export function onDemand(dir) {
  return splitModules(dir)
    .map((m) => {
      const data = readFileSync(join(dir, m.name));
      return { ...m, raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

/** The first-load files of the build in `dir`: [{ name, kind, raw, gzip }] (and `br` with { brotli: true }). */
export function firstLoad(dir, { brotli = false } = {}) {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) throw new Error(`no build in ${dir}: ${index} does not exist`);
  const later = new Set(splitModules(dir).map((m) => m.name));
  const seen = new Map();
  const queue = ['index.html'];
  while (queue.length) {
    const name = queue.shift();
    if (seen.has(name) || later.has(name)) continue;
    const path = join(dir, name);
    if (!existsSync(path) || !statSync(path).isFile()) continue;
    const data = readFileSync(path);
    seen.set(name, data);
    if (/\.(html|js|mjs)$/.test(name)) for (const ref of references(data.toString('utf8'))) queue.push(ref);
  }
  const kind = (name) =>
    name.endsWith('.html') ? 'html' : name.endsWith('.wasm') ? 'wasm' : name.endsWith('.css') ? 'css' : 'js';
  return [...seen].map(([name, data]) => ({
    name,
    kind: kind(name),
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    ...(brotli ? { br: brotliCompress(data, !name.endsWith('.wasm')).length } : {}),
  }));
}

/** Totals by kind and overall: { html: {raw, gzip[, br]}, js, wasm, css, total }. */
export function totals(files) {
  const out = {};
  const withBr = files.some((f) => f.br != null);
  for (const k of ['html', 'js', 'wasm', 'css', 'total']) out[k] = { raw: 0, gzip: 0, ...(withBr ? { br: 0 } : {}), files: 0 };
  for (const f of files) {
    for (const k of [f.kind, 'total']) {
      out[k].raw += f.raw;
      out[k].gzip += f.gzip;
      if (withBr) out[k].br += f.br ?? 0;
      out[k].files += 1;
    }
  }
  return out;
}

// `node bench/size.mjs DIR` prints the files and totals as JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  const files = firstLoad(dir, { brotli: true });
  console.log(JSON.stringify({ files, totals: totals(files), onDemand: onDemand(dir) }, null, 2));
}
