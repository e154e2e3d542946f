// A static server for the benchmarks: serves a build directory on 127.0.0.1 with gzip
// (level 9, as a host's precompressed files) for text, JS, CSS and wasm, like a real static
// host would, and counts the bytes it sends, so a benchmark knows what a visit transferred.
// { encoding: 'br' } serves brotli instead (quality 11, as the build's .br siblings), and
// { encoding: 'identity' } nothing compressed (a host that compresses nothing); either one
// only when the request's Accept-Encoding allows it, as a host would.

import http from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { brotli } from '../scripts/compress.mjs';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESS = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.txt']);

/** Serves `dir`; `pages` maps extra paths to HTML (e.g. a blank page for seeding storage). */
export async function serve(dir, { pages = {}, encoding = 'gzip' } = {}) {
  if (!['gzip', 'br', 'identity'].includes(encoding)) throw new Error(`serve: unknown encoding ${encoding}`);
  const root = resolve(dir);
  const cache = new Map();
  // bytes: everything sent; workerBytes: what a service worker fetched (its requests carry
  // the worker script as referrer), e.g. to precache the build.
  const stats = { requests: [], bytes: 0, workerBytes: 0 };
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const done = (status, headers, body) => {
      res.writeHead(status, { 'Cache-Control': 'no-cache', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
      const n = req.method === 'HEAD' ? 0 : body.length;
      const worker = /\/sw\.js$/.test(req.headers.referer ?? '');
      stats.bytes += n;
      if (worker) stats.workerBytes += n;
      stats.requests.push({ path, status, bytes: n, worker });
    };
    if (pages[path] != null) return done(200, { 'Content-Type': MIME['.html'] }, Buffer.from(pages[path]));
    let file = resolve(root, '.' + path);
    if (file !== root && !file.startsWith(root + sep)) return done(403, {}, Buffer.from('forbidden'));
    let st = statSync(file, { throwIfNoEntry: false });
    if (st?.isDirectory()) {
      file = join(file, 'index.html');
      st = statSync(file, { throwIfNoEntry: false });
    }
    if (!st?.isFile()) return done(404, { 'Content-Type': 'text/plain' }, Buffer.from('not found'));
    const ext = extname(file).toLowerCase();
    const accepted = req.headers['accept-encoding'] ?? '';
    const used = COMPRESS.has(ext) && encoding !== 'identity' && new RegExp(`\\b${encoding}\\b`).test(accepted) ? encoding : null;
    const key = `${file}:${st.mtimeMs}:${used}`;
    let body = cache.get(key);
    if (!body) {
      body = readFileSync(file);
      if (used === 'gzip') body = gzipSync(body, { level: 9 });
      if (used === 'br') body = brotli(body, ext !== '.wasm');
      cache.set(key, body);
    }
    done(
      200,
      {
        'Content-Type': MIME[ext] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'X-Content-Type-Options': 'nosniff',
        Vary: 'Accept-Encoding',
        ...(used ? { 'Content-Encoding': used } : {}),
      },
      body,
    );
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    stats,
    reset() {
      stats.requests = [];
      stats.bytes = 0;
      stats.workerBytes = 0;
    },
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
