// Trunk post-build hook (see Trunk.toml). Runs on the staged build, before it becomes dist/:
//  1. moves Trunk's inline loader script into a file, so the page runs under a
//     Content-Security-Policy without 'unsafe-inline'; minifies the scripts and styles;
//  2. adds that CSP (no other origin; only what wasm needs: 'wasm-unsafe-eval');
//  3. puts the first screen, rendered at build time, into the page;
//  4. writes sw.js, a service worker that precaches this exact build (its version is a hash
//     of every file), and registers it from the loader;
//  5. writes the .br and .gz siblings of every text and wasm file, for hosts that serve
//     precompressed files (scripts/compress.mjs; README "Publishing"). Not precached: the
//     browser decodes them, and the worker stores what it decoded under the original name.
// In the split build (scripts/build.sh sets CCHC_SPLIT_DIR), Trunk builds no wasm: the start-up
// module, the on-demand modules and their linker come from that directory, are named by their
// hashes, get integrity checks, and the loader is written here (see addSplitModules).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { transformSync } from 'esbuild';
import { compressDir, isSibling } from './compress.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}

// The names the loader shares with the app and the tests: one file holds them (src/names.rs).
const names = JSON.parse(readFileSync(new URL('../src/shared-names.json', import.meta.url), 'utf8'));
for (const name of ['dataKey', 'updatedFlag', 'updatedEvent']) {
  if (typeof names[name] !== 'string' || !names[name]) {
    console.error(`post-build: src/shared-names.json has no ${name}`);
    process.exit(1);
  }
}
const quoted = (name) => JSON.stringify(names[name]);

const sha = (data, n = 16) => createHash('sha256').update(data).digest('hex').slice(0, n);
const sriOf = (data) => 'sha384-' + createHash('sha384').update(data).digest('base64');

/** `code` minified by esbuild (a JavaScript module, or CSS); UTF-8 kept as it is. */
function minifyCode(code, loader) {
  return transformSync(code, {
    loader,
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    ...(loader === 'js' ? { format: 'esm' } : {}),
  }).code;
}
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// 1. The inline loader becomes boot-<hash>.js, plus service-worker registration.
const inline = /<script type="module">([\s\S]*?)<\/script>/;
if (process.env.CCHC_SPLIT_DIR) {
  // The split build: the wasm and its loader are added here, in the form Trunk writes them.
  if (inline.test(html)) fail('the split build got a page with Trunk\'s own loader in it');
  const split = addSplitModules(process.env.CCHC_SPLIT_DIR, process.env.CCHC_SPLIT_BIN);
  const headEnd = /\s*<\/head>/;
  if (!headEnd.test(html)) fail('no </head> in index.html');
  html = html.replace(headEnd, (end) => `\n    ${split.links.join('\n    ')}\n    <script type="module">${split.loader}</script>${end}`);
}
const match = html.match(inline);
if (!match) {
  console.error('post-build: no inline module script found in index.html');
  process.exit(1);
}
const registration = `
// Offline support: precache this build. A new deployment is announced to the app, which
// shows a "phiên bản mới" notice (see src/app/hooks.rs).
if ('serviceWorker' in navigator) {
  const announce = () => {
    window[${quoted('updatedFlag')}] = true;
    window.dispatchEvent(new CustomEvent(${quoted('updatedEvent')}));
  };
  navigator.serviceWorker.register('./sw.js').then((registration) => {
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      if (!worker || !navigator.serviceWorker.controller) return; // first install
      worker.addEventListener('statechange', () => {
        if (worker.state === 'activated') announce();
      });
    });
  }).catch((error) => console.warn('service worker not registered', error));
}
`;
// A returning user's figures are in local storage: the pre-rendered first screen (a fresh
// start, see 3.) would show the wrong ones until the app starts, so it stays hidden for them.
// Taps on its tabs and language button are remembered for the app (src/app/early_input.rs),
// and the tapped tab is marked, so the tap visibly took.
const hideFirstScreen = `// The pre-rendered first screen shows a fresh start: not for a returning user.
const firstScreen = document.querySelector('[data-prerendered]');
try {
  if (localStorage.getItem(${quoted('dataKey')})) firstScreen?.setAttribute('hidden', '');
} catch {}
firstScreen?.addEventListener('click', (event) => {
  const tab = event.target.closest('[data-view]');
  const language = event.target.closest('[data-action="language"]');
  if (tab) {
    firstScreen.dataset.tappedView = tab.dataset.view;
    for (const other of firstScreen.querySelectorAll('[data-view]')) {
      other.removeAttribute('aria-current');
      other.classList.remove('current');
    }
    tab.setAttribute('aria-current', 'page');
    tab.classList.add('current');
  }
  if (language) firstScreen.dataset.tappedLanguage = language.getAttribute('lang');
});
`;
const boot = minifyCode(hideFirstScreen + match[1].trim() + '\n' + registration, 'js');
const bootName = `boot-${sha(boot)}.js`;
writeFileSync(join(dir, bootName), boot);
html = html.replace(inline, `<script type="module" src="./${bootName}"></script>`);

const stylesheets = [];
// 1b. The scripts and styles the page links with an integrity check (the wasm-bindgen glue,
//     the split build's linker, Trunk's CSS files), minified in place, their checks redone
//     (issue 14: ~5 KB gzip of the first load). The names keep Trunk's hash of the source.
html = html.replace(/<link\b[^>]*>/g, (tag) => {
  const attribute = (name) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
  const rel = attribute('rel');
  const href = attribute('href');
  const integrity = attribute('integrity');
  const loader = { stylesheet: 'css', modulepreload: 'js' }[rel];
  if (!loader || !href || !integrity || !/^\.?\/?[\w.-]+$/.test(href)) return tag;
  const path = join(dir, href.replace(/^\.?\//, ''));
  if (loader === 'css') {
    // Gathered into one file below, in the page's order.
    stylesheets.push({ tag, path });
    return tag;
  }
  const code = minifyCode(readFileSync(path, 'utf8'), loader);
  writeFileSync(path, code);
  return tag.replace(`integrity="${integrity}"`, `integrity="${sriOf(code)}"`);
});

// 1c. One stylesheet, not one per source file: each is render-blocking, and on a slow
//     connection every extra request delays the first paint while the wasm's preload takes
//     the bandwidth (issue 14; 2 files on 2026-11-28, 5 since the journeys and the editor).
//     Concatenated in the page's order, so the cascade is the same.
if (stylesheets.length > 0) {
  const code = minifyCode(stylesheets.map(({ path }) => readFileSync(path, 'utf8')).join('\n'), 'css');
  const name = `styles-${sha(code)}.css`;
  writeFileSync(join(dir, name), code);
  for (const { path } of stylesheets) rmSync(path);
  const [first, ...rest] = stylesheets;
  html = html.replace(first.tag, `<link rel="stylesheet" href="./${name}" integrity="${sriOf(code)}"/>`);
  for (const { tag } of rest) html = html.replace(`${tag}\n`, '').replace(tag, '');
}

// 2. The Content-Security-Policy.
const csp = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
// After the charset, which must come first; a page whose charset line is spelled otherwise
// would silently get no CSP, so the build fails instead.
const charset = /<meta charset="utf-8"\s*\/?>/i;
if (!charset.test(html)) {
  console.error('post-build: no <meta charset="utf-8"> in index.html to put the CSP after');
  process.exit(1);
}
html = html.replace(charset, (meta) => `${meta}\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);

// 3. The first screen, rendered at build time (src/bin/prerender.rs): on a slow connection
//    the unit picker and inputs are on screen, and take typing, before the wasm arrives; the
//    app replaces it and takes over what was typed (src/app/early_input.rs).
const firstScreen = execFileSync('cargo', ['run', '--quiet', '--bin', 'prerender'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
  maxBuffer: 16 * 1024 * 1024,
});
if (!firstScreen.includes('data-summary')) {
  console.error('post-build: the pre-rendered first screen looks wrong');
  process.exit(1);
}
// At the end of the body, after the <noscript> message (which says why nothing computes).
const bodyEnd = /\s*<\/body>/;
if (!bodyEnd.test(html)) {
  console.error('post-build: no </body> in index.html');
  process.exit(1);
}
html = html.replace(bodyEnd, () => `\n    <div data-prerendered="" aria-busy="true">${firstScreen}</div>\n  </body>`);
writeFileSync(indexPath, html);

// 4. The service worker, listing every file of the build.
const files = [];
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(dir, path).split('\\').join('/'));
  }
};
walk(dir);
// (Siblings are written after this; a staging directory never has any, but never list them.)
files.splice(0, files.length, ...files.filter((f) => !isSibling(f)));
files.sort();
const fingerprint = files.map((f) => f + ':' + sha(readFileSync(join(dir, f)))).join('\n');
const version = sha(fingerprint, 12);
const precache = ['./', ...files.filter((f) => f !== 'index.html' && f !== 'sw.js').map((f) => './' + f)];
const sw = `// Generated by scripts/post-build.mjs for build ${version}. Do not edit.
const VERSION = ${JSON.stringify(version)};
const CACHE = 'cchc2021-' + VERSION;
const PRECACHE = ${JSON.stringify(precache, null, 2)};

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      // Hashed files never change, so what the page just downloaded is reused from the
      // HTTP cache; only the page itself is checked with the server.
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: url === './' ? 'no-cache' : 'default' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((key) => key.startsWith('cchc2021-') && key !== CACHE)
        .map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && isAppPage(url)) {
    // The app's own page: always the newest when online, the cached build when offline.
    event.respondWith(
      fetch(request, { cache: 'no-cache' })
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put('./', copy));
          }
          return response;
        })
        .catch(() => caches.match('./', { cacheName: CACHE }).then((hit) => hit || caches.match('./'))),
    );
    return;
  }
  // Any other page of the site (a guide published next to the app) is fetched normally and
  // never stored as the app; offline, only what this build precached is served. Hashed
  // build files never change: the cache first, the network for anything new.
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});

// The app's page is the scope's root or its index.html (whatever the query: the fragment
// of a share link is never sent), under whatever sub-path the site is published.
function isAppPage(url) {
  const root = new URL(self.registration.scope).pathname;
  return url.pathname === root || url.pathname === root + 'index.html';
}
`;
writeFileSync(join(dir, 'sw.js'), sw);

// 5. Precompressed siblings, last: every file they compress is final now.
const compressed = compressDir(dir);
const sum = (k) => compressed.reduce((n, r) => n + r[k], 0);
console.log(`post-build: ${bootName}, CSP, sw.js (${precache.length} files, version ${version}), ` +
  `.br/.gz of ${compressed.length} files (${sum('raw')} B raw, ${sum('gz')} gzip, ${sum('br')} brotli)`);

function fail(message) {
  console.error(`post-build: ${message}`);
  process.exit(1);
}

/**
 * The split build's wasm (scripts/build.sh): copies from `from` into the staging directory
 * the start-up module and its wasm-bindgen glue, the on-demand modules and the linker that
 * fetches them (written by wasm-split-cli), each named by a hash of its content, since the
 * service worker and the HTTP cache keep hashed files for good. Every module is checked on
 * arrival: the page's links carry integrity attributes, and the linker's fetches too.
 * Writes split-modules.json, which lists the on-demand modules (bench/size.mjs and the tests
 * read it). Returns the head links and the loader script (as Trunk's).
 */
function addSplitModules(from, bin) {
  if (!bin) fail('CCHC_SPLIT_BIN is not set');
  const withHash = (name, data) => name.replace(/(_bg)?\.(wasm|js)$/, (ext) => `-${sha(data)}${ext}`);
  const present = readdirSync(from);
  const linkerFile = '__wasm_split.js';
  for (const name of [`${bin}.js`, `${bin}_bg.wasm`, linkerFile]) {
    if (!present.includes(name)) fail(`the split build has no ${name} in ${from}`);
  }
  // The modules first: they name no other file.
  const modules = new Map();
  for (const name of present.filter((n) => n.endsWith('.wasm'))) {
    const data = readFileSync(join(from, name));
    modules.set(name, { name: withHash(name, data), data });
  }
  let linker = readFileSync(join(from, linkerFile), 'utf8');
  let glue = readFileSync(join(from, `${bin}.js`), 'utf8');

  // Which views each on-demand module serves: a view's own module is split_<view>.wasm; a
  // chunk shared by several is announced by a comment listing them.
  const onDemand = [];
  const views = new Map();
  for (const m of linker.matchAll(/\/\* ([^*]+) \*\/\s*const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) {
    views.set(m[3], m[1].split(',').map((v) => v.trim()));
  }
  let fetches = 0;
  linker = linker.replace(/fetch\(new URL\("\.\/([^"]+\.wasm)", import\.meta\.url\)\)/g, (_, name) => {
    const module = modules.get(name);
    if (!module || name === `${bin}_bg.wasm`) fail(`the linker fetches ${name}, which the split build has not`);
    fetches += 1;
    onDemand.push({
      file: module.name,
      views: views.get(name) ?? [name.replace(/^split_|\.wasm$/g, '')],
      raw: module.data.length,
    });
    return `fetch(new URL(${JSON.stringify('./' + module.name)}, import.meta.url), { integrity: ${JSON.stringify(sriOf(module.data))} })`;
  });
  if (fetches !== modules.size - 1) {
    fail(`the linker fetches ${fetches} modules, the split build has ${modules.size - 1} besides the main one`);
  }
  // The glue imports the linker and the linker the glue: one hash names both.
  const linkerImport = /(from\s*['"])\.\/__wasm_split\.js(['"])/g;
  const glueImport = new RegExp(`(from\\s*['"])\\./${bin}\\.js(['"])`, 'g');
  if (!linkerImport.test(glue)) fail(`${bin}.js does not import ./${linkerFile}`);
  if (!glueImport.test(linker)) fail(`${linkerFile} does not import ./${bin}.js`);
  const pair = sha(glue + linker);
  const glueName = `${bin}-${pair}.js`;
  const linkerName = `__wasm_split-${pair}.js`;
  const main = modules.get(`${bin}_bg.wasm`);
  glue = glue
    .replace(linkerImport, `$1./${linkerName}$2`)
    .replaceAll(`'${bin}_bg.wasm'`, `'${main.name}'`);
  linker = linker.replace(glueImport, `$1./${glueName}$2`);

  for (const { name, data } of modules.values()) writeFileSync(join(dir, name), data);
  writeFileSync(join(dir, glueName), glue);
  writeFileSync(join(dir, linkerName), linker);
  onDemand.sort((a, b) => b.raw - a.raw);
  writeFileSync(
    join(dir, 'split-modules.json'),
    JSON.stringify({ startup: [glueName, linkerName, main.name], onDemand }, null, 2) + '\n',
  );
  const script = (name, data) =>
    `<link rel="modulepreload" href="./${name}" crossorigin="anonymous" integrity="${sriOf(data)}">`;
  const links = [
    script(glueName, glue),
    script(linkerName, linker),
    `<link rel="preload" href="./${main.name}" crossorigin="anonymous" integrity="${sriOf(main.data)}" as="fetch" type="application/wasm">`,
  ];
  const loader = `
import init, * as bindings from './${glueName}';
const wasm = await init({ module_or_path: './${main.name}' });

window.wasmBindings = bindings;

dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
`;
  console.log(`post-build: split build, ${onDemand.length} on-demand modules`);
  return { links, loader };
}
