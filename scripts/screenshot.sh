#!/usr/bin/env bash
# Renders the HTML report in a real browser (headless Chromium, Debian's `chromium` package) to
# PNG: builds lineage and the bundled corpus's history if needed, writes the report, screenshots
# it. Installs chromium (through sudo when not root) if it is missing.
#
#   scripts/screenshot.sh [REPORT.html] [OUT.png] [WIDTHxHEIGHT]
#
# Defaults: the bundled corpus's report, docs/report.png, 1200x2200.
set -euo pipefail
caller=$PWD
cd "$(dirname "$0")/.."

# Paths given are relative to where the script was called from.
absolute() { case "$1" in /*) echo "$1" ;; *) echo "$caller/$1" ;; esac; }
report=${1:+$(absolute "$1")}
out=${2:+$(absolute "$2")}
out=${out:-$PWD/docs/report.png}
size=${3:-1200x2200}

scripts/install-deps.sh chromium
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "error: chromium is not on the PATH after installing it" >&2; exit 1; }

if [ -z "$report" ]; then
    swift build -c release --product lineage >&2
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    .build/release/lineage build --repo "$work/lineage.git" lineage >/dev/null
    report="$work/lineage-report.html"
    .build/release/lineage report --repo "$work/lineage.git" -o "$report" >/dev/null
fi

mkdir -p "$(dirname "$out")"
abs_report=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
abs_out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
rm -f "$abs_out"
# A throwaway profile, no GPU, no network needed (the report is self-contained).
profile=$(mktemp -d)
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
    --force-device-scale-factor=1 --window-size="${size/x/,}" --screenshot="$abs_out" "file://$abs_report" \
    >/dev/null 2>&1 || { rm -rf "$profile"; echo "error: chromium could not render $report" >&2; exit 1; }
rm -rf "$profile"
[ -s "$abs_out" ] || { echo "error: chromium wrote no screenshot" >&2; exit 1; }
echo "$out"
