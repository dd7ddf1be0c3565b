#!/usr/bin/env bash
# The benchmark: lineage against git on seeded synthetic series with known truth (release build).
#
#   scripts/bench.sh                          # sizes 1,000, 3,000 and 10,000 revisions (a few minutes)
#   scripts/bench.sh --quick                  # a smoke run of seconds
#   scripts/bench.sh --sizes 1000 --runs 7    # any lineage-bench option (scripts/bench.sh --help)
#   scripts/bench.sh 1000 [SEED]              # one size, as before
#   scripts/bench.sh --record                 # the synthetic whole-Assembly record (18,000 resolutions)
#   scripts/bench.sh --record --record-resolutions 1000,3000 --timeout 600   # smaller records, each command capped
#
# Prints one table and writes it with the machine to benchmarks/out/results.md (git-ignored), next to
# the rendered series and the repositories it built; --record writes benchmarks/out/record-results.md
# beside the record (one folder per session), its truth (truth.tsv, reuses.tsv) and its repository. GNU time (Debian package `time`) is installed
# if missing: commands are started through it so that their peak memory is their own.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh time
swift build -c release --product lineage
swift build -c release --product lineage-bench
args=("$@")
if [[ $# -ge 1 && "$1" =~ ^[0-9]+$ ]]; then
    args=(--revisions "$1" --seed "${2:-1}")
fi
LINEAGE_BENCH_SWIFT="$(swift --version 2>/dev/null | head -1)" \
    exec .build/release/lineage-bench --out benchmarks/out "${args[@]}"
