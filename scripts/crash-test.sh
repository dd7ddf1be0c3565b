#!/usr/bin/env bash
# Kills `lineage build` with SIGKILL at random moments and checks that the next build gives exactly
# the uninterrupted result, fsck-clean, with nothing left behind; then starts builds together into
# a new path. Takes a few minutes (release build); not part of the test suite (see
# Tests/LineageCLITests/CrashRecoveryTests.swift for the fast unit-level checks).
#
#   scripts/crash-test.sh                      # 14 kills in a 1,500-revision build (a third incremental), 5 rounds of 3
#   scripts/crash-test.sh --trials 14 --revisions 1500 --incremental-from 1400 --rounds 5 --seed 1
#
# For each trial: a fresh repository (or, for an incremental trial, a copy of the history of the
# first --incremental-from revisions), `lineage build` of the whole series killed after a random
# delay in (0, duration of an uninterrupted build), then the same build again. A trial is ok when
# that build succeeds, `git for-each-ref refs/heads refs/tags` and the notes tree are those of the
# uninterrupted build, `git fsck --strict` is clean, and no `tmp_*`, `*.lock` or `*.lineage-new`
# is left in or beside the repository. A round starts 3 builds of the bundled corpus together
# into a path that does not exist; it is ok when all 3 succeed with the serial result.
set -euo pipefail
cd "$(dirname "$0")/.."

trials=14 revisions=1500 incremental_from=1400 rounds=5 seed=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --trials) trials=$2; shift 2 ;;
        --revisions) revisions=$2; shift 2 ;;
        --incremental-from) incremental_from=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        *) echo "usage: $0 [--trials N] [--revisions N] [--incremental-from N] [--rounds N] [--seed N]" >&2; exit 64 ;;
    esac
done

swift build -c release --product lineage >&2
swift build -c release --product lineage-bench >&2
bin=$PWD/.build/release/lineage
work=$(mktemp -d "${TMPDIR:-/tmp}/lineage-crash-XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 1' INT TERM
export GIT_CONFIG_NOSYSTEM=1 HOME=/nonexistent

echo "generating a ${revisions}-revision series (seed $seed) in $work…" >&2
.build/release/lineage-bench --revisions "$revisions" --seed "$seed" --corpus-only --out "$work/bench" >&2
corpus=$(echo "$work"/bench/series-"$revisions"-*/corpus)
mkdir -p "$work/before"
for f in $(ls "$corpus" | sort | head -n "$incremental_from"); do ln -s "$corpus/$f" "$work/before/$f"; done

state() {  # branches, tags and notes tree of a repository
    git -C "$1" for-each-ref --format='%(objectname) %(refname)' refs/heads refs/tags
    git -C "$1" rev-parse 'refs/notes/lineage^{tree}'
}
leftovers() {  # lock and temporary files in and beside a repository
    find "$(dirname "$1")" \( -name '*.lock' -o -name 'tmp_*' -o -name '*.lineage-new' \) -print
}
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }'; }

echo "uninterrupted builds…" >&2
start=$(now)
"$bin" build "$corpus" --repo "$work/full.git" >/dev/null
full_seconds=$(since "$start")
state "$work/full.git" >"$work/full.state"
"$bin" build "$work/before" --repo "$work/before.git" >/dev/null
cp -a "$work/before.git" "$work/inc.git"
start=$(now)
"$bin" build "$corpus" --repo "$work/inc.git" >/dev/null
inc_seconds=$(since "$start")
state "$work/inc.git" >"$work/inc.state"
if ! cmp -s "$work/full.state" "$work/inc.state"; then
    echo "note: the incremental build's state differs from the full build's; each trial is compared with its own kind" >&2
fi
printf 'uninterrupted: full build %.2f s, incremental (%d -> %d revisions) %.2f s\n' "$full_seconds" "$incremental_from" "$revisions" "$inc_seconds"

ok=0
incremental_trials=$(( (trials + 2) / 3 ))
for t in $(seq 1 "$trials"); do
    dir="$work/trial-$t"
    mkdir -p "$dir"
    repo="$dir/lineage.git"
    if (( t > trials - incremental_trials )); then
        kind=incremental
        cp -a "$work/before.git" "$repo"
        expected="$work/inc.state"
        limit=$inc_seconds
    else
        kind=full
        expected="$work/full.state"
        limit=$full_seconds
    fi
    # A kill that lands after the build finished is no crash: draw another moment.
    attempts=0
    while :; do
        seed_now=$RANDOM$RANDOM
        delay=$(awk -v s="$seed_now" -v l="$limit" 'BEGIN { srand(s); printf "%.3f", 0.02 + rand() * (l - 0.02) }')
        "$bin" build "$corpus" --repo "$repo" >/dev/null 2>"$dir/killed.err" &
        pid=$!
        sleep "$delay"
        if kill -9 "$pid" 2>/dev/null; then wait "$pid" 2>/dev/null || true; break; fi
        wait "$pid" 2>/dev/null || true
        attempts=$((attempts + 1))
        rm -rf "$repo"
        [[ $kind == incremental ]] && cp -a "$work/before.git" "$repo"
        if (( attempts >= 10 )); then echo "trial $t: the build always finished before the kill" >&2; exit 1; fi
    done
    left=$(leftovers "$repo" | sed "s|$dir/||" | tr '\n' ' ')
    verdict=ok
    if ! "$bin" build "$corpus" --repo "$repo" >"$dir/rebuild.out" 2>"$dir/rebuild.err"; then
        verdict="rebuild failed: $(tail -2 "$dir/rebuild.err" | tr '\n' ' ')"
    elif ! state "$repo" | cmp -s - "$expected"; then
        verdict="state differs from the uninterrupted build"
    elif ! git -C "$repo" fsck --strict >/dev/null 2>"$dir/fsck.err"; then
        verdict="fsck: $(head -2 "$dir/fsck.err" | tr '\n' ' ')"
    elif [[ -n "$(leftovers "$repo")" ]]; then
        verdict="left behind: $(leftovers "$repo" | tr '\n' ' ')"
    fi
    [[ $verdict == ok ]] && ok=$((ok + 1))
    repaired=$(grep -o 'left [0-9]* file(s)' "$dir/rebuild.err" || true)
    printf 'trial %2d  %-11s killed after %6.3f s; left at the kill: %s; next build: %s%s\n' \
        "$t" "$kind" "$delay" "${left:-nothing}" "$verdict" "${repaired:+ (it said: $repaired)}"
    rm -rf "$dir"
done
echo "kills: $ok of $trials trials ok"

"$bin" build lineage --repo "$work/serial.git" >/dev/null
state "$work/serial.git" >"$work/serial.state"
rounds_ok=0
for r in $(seq 1 "$rounds"); do
    dir="$work/round-$r"
    repo="$dir/new/lineage.git"
    mkdir -p "$dir"
    for b in 1 2 3; do "$bin" build lineage --repo "$repo" >"$dir/$b.out" 2>"$dir/$b.err" & done
    failed=0
    for job in $(jobs -p); do wait "$job" || failed=$((failed + 1)); done
    verdict=ok
    if (( failed > 0 )); then
        verdict="$failed build(s) failed: $(cat "$dir"/*.err | grep -m2 error | tr '\n' ' ')"
    elif ! state "$repo" | cmp -s - "$work/serial.state"; then
        verdict="state differs from the serial build"
    elif ! git -C "$repo" fsck --strict >/dev/null 2>&1; then
        verdict="fsck failed"
    elif [[ -n "$(leftovers "$repo")" ]]; then
        verdict="left behind: $(leftovers "$repo" | tr '\n' ' ')"
    fi
    [[ $verdict == ok ]] && rounds_ok=$((rounds_ok + 1))
    committed=$(grep -l '^+ ' "$dir"/*.out | wc -l)
    echo "round $r: 3 builds together into a new path: $verdict ($committed committed, the others found it built)"
done
echo "concurrent: $rounds_ok of $rounds rounds ok"
[[ $ok == "$trials" && $rounds_ok == "$rounds" ]]
