#!/usr/bin/env bash
# Warm queries (issue 13, item 2), in one command: generates the benchmark corpus (scale 1, 28k
# points; reused when already there), indexes it (incrementally: nothing to do the second time),
# then runs `tpsearch bench` (the 37-query mix, each query --warmup times untimed, then --rounds
# times timed, in one process, index memory-mapped) RUNS times, alternating the default (one
# thread) with -Dtpsearch.searchThreads=1 (a second thread), and prints each run's figures and
# the median run's p50 and p99 of each. The load average is printed before and after: figures
# taken above a load of about 2 on two cores are not the quiet-machine figures.
#
#   tools/bench/warm.sh [WORK_DIR] [RUNS]      (default /tmp/tpsearch-warm, 3 runs)
#
# About 4 minutes on a quiet two-core machine when the corpus and index are there already (6-7
# minutes the first time: generating 5 s, indexing about 1-2 minutes). Build first:
# ./mvnw -B -DskipTests package (or run ./tpsearch once).
set -euo pipefail

work=${1:-/tmp/tpsearch-warm}
runs=${2:-3}
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
tp="$root/search-cli/target/tpsearch/bin/tpsearch"
[ -x "$tp" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
export TPSEARCH_TOOLS="$root/tools/target/lib"
export TPSEARCH_DAEMON=0
rounds=${WARM_ROUNDS:-50}
warmup=${WARM_WARMUP:-30}
mkdir -p "$work"
corpus="$work/corpus"
index="$work/index"
if [ ! -f "$corpus/README.txt" ]; then
  "$tp" bench generate --scale 1 "$corpus"
fi
# Incremental: nothing to do when the index is up to date (a second), a full run after a schema change.
# A full run ends with one segment, as users' indexes do since session 6; an index written before
# that has one per writing thread, which slows every query by a tenth: rebuilt once.
full=()
if [ -d "$index" ] && [ "$(ls "$index" | grep -c '\.si$')" -gt 1 ]; then
  full=(--full)
fi
"$tp" index "$corpus" --index "$index" ${full[@]+"${full[@]}"} | tail -n 3

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -a p50_on p99_on p50_off p99_off
for i in $(seq 1 "$runs"); do
  for mode in off on; do
    if [ "$mode" = off ]; then
      out=$("$tp" bench --index "$index" --rounds "$rounds" --warmup "$warmup" --per-query)
    else
      out=$(TPSEARCH_JAVA_OPTS="${TPSEARCH_JAVA_OPTS:-} -Dtpsearch.searchThreads=1" \
        "$tp" bench --index "$index" --rounds "$rounds" --warmup "$warmup")
    fi
    line=$(grep '^latency' <<<"$out")
    p50=$(sed -n 's/.*p50 \([0-9.]*\).*/\1/p' <<<"$line")
    p99=$(sed -n 's/.*p99 \([0-9.]*\).*/\1/p' <<<"$line")
    if [ "$mode" = on ]; then p50_on+=("$p50"); p99_on+=("$p99"); else p50_off+=("$p50"); p99_off+=("$p99"); fi
    echo "run $i, second search thread $mode (load $(cut -d' ' -f1 /proc/loadavg)):"
    grep -E '^(earlier mix|unspaced|latency|thread CPU|with the)' <<<"$out" | sed 's/^/  /'
    # The default mode's per-query figures: which queries make the p99.
    if [ "$mode" = off ]; then
      sed -n '/^per query/,/^earlier mix/p' <<<"$out" | grep -v '^earlier mix' | sed 's/^/  /'
    fi
  done
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "median of $runs runs, wall ms: one thread (the default): p50 $(median "${p50_off[@]}"), p99 $(median "${p99_off[@]}");" \
  "a second search thread: p50 $(median "${p50_on[@]}"), p99 $(median "${p99_on[@]}")  (goal: p50 <= 1, p99 <= 5)"
