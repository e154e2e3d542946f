#!/usr/bin/env sh
# Checks a published copy of the calculator: does the host send the precompressed files?
#   sh docs/publishing/check.sh https://example.org/cchc/
# For the page and its wasm and scripts, prints what the host answers to a browser that
# accepts brotli, one that accepts only gzip, and one that accepts neither
# (status, Content-Encoding, Content-Type, bytes sent). Needs curl.
set -eu
base="${1:?usage: check.sh URL-of-the-app-folder/}"
case "$base" in */) ;; *) base="$base/" ;; esac
page="$(curl -fsS "$base")"
files="$(printf '%s' "$page" | grep -o '\(href\|src\)="\./[^"]*\.\(wasm\|js\|css\)"' | sed 's/.*"\.\/\([^"]*\)"/\1/' | sort -u)"
for f in "" $files; do
  for enc in "br, gzip" "gzip" "identity"; do
    curl -sS -o /dev/null -H "Accept-Encoding: $enc" \
      -w "%{http_code} %{content_type} enc=%header{content-encoding} %{size_download} B" "$base$f" 2>/dev/null ||
      curl -sS -o /dev/null -H "Accept-Encoding: $enc" -w "%{http_code} %{content_type} %{size_download} B" "$base$f"
    echo "  ${f:-(page)} [accepts: $enc]"
  done
done
