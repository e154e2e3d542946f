#!/usr/bin/env bash
# Builds the release and serves it on localhost (PORT, default 8080). Installs whatever is
# missing first (see scripts/ensure-tools.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-tools.sh
PORT="${PORT:-8080}"
echo "Serving the app at http://127.0.0.1:${PORT}/ (Ctrl+C to stop)"
# No auto-reload: its injected inline script would be refused by the page's CSP.
exec trunk serve --release --no-autoreload=true --address 127.0.0.1 --port "$PORT"
