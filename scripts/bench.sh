#!/usr/bin/env bash
# The benchmark: release build, then lineage-bench on a seeded synthetic series (default 1,000
# revisions). Results go to benchmarks/out/ (git-ignored). Usage: scripts/bench.sh [REVISIONS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product lineage
swift build -c release --product lineage-bench
.build/release/lineage-bench --revisions "${1:-1000}" --seed "${2:-1}" --out benchmarks/out
