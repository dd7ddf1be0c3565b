#!/usr/bin/env bash
# The main job: install what is missing, build lineage (release), build the history of the
# bundled corpus (lineage/), print its log and where the repository is, and write the HTML report
# ($LINEAGE_REPORT, default lineage-report.html).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
swift build -c release --product lineage
lineage=.build/release/lineage
repo=${LINEAGE_REPO:-lineage.git}

"$lineage" build lineage/ --repo "$repo"
echo
"$lineage" log --repo "$repo"
echo
echo "The history is an ordinary git repository: $(cd "$repo" && pwd)"
echo "  git -C $repo log --stat        git -C $repo blame HEAD -- resolution.txt; git -C $repo log --graph --oneline --branches"

report=${LINEAGE_REPORT:-lineage-report.html}
"$lineage" report --repo "$repo" -o "$report" >/dev/null
echo
echo "The report (one self-contained HTML file; open it in a browser): $(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
