#!/usr/bin/env bash
# Builds the release (scripts/build.sh: the split build; CCHC_UNSPLIT=1 for the one-module
# build, served by Trunk as before) and serves it on localhost (PORT, default 8080).
# Installs whatever is missing first (see scripts/ensure-tools.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-tools.sh
PORT="${PORT:-8080}"
if [ "${CCHC_UNSPLIT:-0}" = 1 ]; then
  echo "Serving the app at http://127.0.0.1:${PORT}/ (Ctrl+C to stop)"
  # No auto-reload: its injected inline script would be refused by the page's CSP.
  exec trunk serve --release --no-autoreload=true --address 127.0.0.1 --port "$PORT"
fi
scripts/build.sh
echo "Serving dist/ at http://127.0.0.1:${PORT}/ (Ctrl+C to stop; run again after a change)"
# A plain static server (the split modules are fetched with their wasm type).
exec node --input-type=module -e '
import http from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
const root = resolve("dist");
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
  ".wasm": "application/wasm", ".json": "application/json", ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml", ".png": "image/png" };
http.createServer(async (req, res) => {
  const pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
  let path = resolve(root, "." + pathname);
  if (path !== root && !path.startsWith(root + sep)) return res.writeHead(403).end();
  if (pathname.endsWith("/")) path = join(path, "index.html");
  try {
    const body = await readFile(path);
    res.writeHead(200, { "Content-Type": types[extname(path)] ?? "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end("not found");
  }
}).listen(Number(process.argv[1]), "127.0.0.1");
' "$PORT"
