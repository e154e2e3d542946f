// Precompressed siblings for static hosts (issue 14, "Publishing"): for every text and wasm
// file of a build, `name.br` (brotli, quality 11) and `name.gz` (gzip, level 9) next to it,
// so that a host serving them (nginx gzip_static/brotli_static, the rules in docs/publishing/)
// sends the smallest bytes without compressing on each request. The siblings carry the same
// bytes once decoded, so the integrity attributes and the service worker (which precaches the
// originals and never lists the siblings) stay correct.
//
// Used by scripts/post-build.mjs as its last step; `node scripts/compress.mjs DIR` runs it
// on a directory by hand (e.g. a build made before this step existed).

import { readdirSync, readFileSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The extensions that get siblings: text and wasm (images and fonts are compressed already). */
export const COMPRESSIBLE = new Set([
  '.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg', '.txt', '.csv', '.xml', '.map',
]);
/** The sibling suffixes and their Content-Encoding. */
export const SIBLINGS = { '.br': 'br', '.gz': 'gzip' };

export function brotli(data, text = true) {
  return brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

export function gzip(data) {
  return gzipSync(data, { level: 9 });
}

/** Every file under `dir` (relative, '/'-separated), siblings included. */
function walk(dir, base = dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, base, out);
    else out.push(relative(base, path).split('\\').join('/'));
  }
  return out;
}

/** True for a sibling this step writes (`x.js.br`, `x.wasm.gz`). */
export function isSibling(name) {
  const ext = extname(name);
  return ext in SIBLINGS && COMPRESSIBLE.has(extname(name.slice(0, -ext.length)).toLowerCase());
}

/**
 * Writes the siblings of every compressible file under `dir` (old siblings are replaced);
 * returns [{ file, raw, br, gz }].
 */
export function compressDir(dir) {
  const files = walk(dir);
  for (const f of files.filter(isSibling)) unlinkSync(join(dir, f));
  const out = [];
  for (const file of files.filter((f) => !isSibling(f) && COMPRESSIBLE.has(extname(f).toLowerCase()))) {
    const data = readFileSync(join(dir, file));
    const br = brotli(data, extname(file).toLowerCase() !== '.wasm');
    const gz = gzip(data);
    writeFileSync(join(dir, file + '.br'), br);
    writeFileSync(join(dir, file + '.gz'), gz);
    out.push({ file, raw: data.length, br: br.length, gz: gz.length });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  for (const r of compressDir(dir)) console.log(`${r.file}: ${r.raw} raw, ${r.gz} gzip, ${r.br} brotli`);
}
