// Keeps the bare Yew app (bench/hello-yew) built exactly like the calculator: copies the
// calculator's [profile.release] (Cargo.toml) and its wasm-opt level and flags
// (index.html's data-wasm-opt and data-wasm-opt-params) into the fixture. scripts/bench.sh
// runs it before building; prints what it changed.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE = join(ROOT, 'bench', 'hello-yew');

/** The [profile.release] table of a Cargo.toml, up to the next table or the end. */
const profileOf = (toml) => {
  const m = toml.match(/^\[profile\.release\]\n(?:(?!\[)[^\n]*\n?)*/m);
  if (!m) throw new Error('no [profile.release] table');
  return m[0].trimEnd();
};
const wasmOpt = (html) => {
  const level = html.match(/data-wasm-opt="([^"]*)"/)?.[1];
  const params = html.match(/data-wasm-opt-params="([^"]*)"/)?.[1];
  if (level == null || params == null) throw new Error('index.html: no data-wasm-opt / data-wasm-opt-params');
  return { level, params };
};

const changed = [];
const appToml = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
const fixtureTomlPath = join(FIXTURE, 'Cargo.toml');
const fixtureToml = readFileSync(fixtureTomlPath, 'utf8');
const want = profileOf(appToml);
if (profileOf(fixtureToml) !== want) {
  writeFileSync(fixtureTomlPath, fixtureToml.replace(profileOf(fixtureToml), want));
  changed.push('[profile.release]');
}
const appOpt = wasmOpt(readFileSync(join(ROOT, 'index.html'), 'utf8'));
const fixtureHtmlPath = join(FIXTURE, 'index.html');
const fixtureHtml = readFileSync(fixtureHtmlPath, 'utf8');
const fixtureOpt = wasmOpt(fixtureHtml);
if (fixtureOpt.level !== appOpt.level || fixtureOpt.params !== appOpt.params) {
  writeFileSync(
    fixtureHtmlPath,
    fixtureHtml
      .replace(/data-wasm-opt="[^"]*"/, `data-wasm-opt="${appOpt.level}"`)
      .replace(/data-wasm-opt-params="[^"]*"/, `data-wasm-opt-params="${appOpt.params}"`),
  );
  changed.push('wasm-opt level and flags');
}
console.log(
  changed.length
    ? `bench/hello-yew: synced ${changed.join(' and ')} with the calculator`
    : 'bench/hello-yew: release profile and wasm-opt flags already match the calculator',
);
