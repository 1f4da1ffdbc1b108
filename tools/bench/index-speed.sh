#!/usr/bin/env bash
# Indexing against its analysis-only limit, in one run: `tpsearch bench index` (parse and analysis
# streamed file by file, the analysis time giving the limit; the index writer alone on the parsed
# documents, the floor; then full in-process index runs), then the `tpsearch index` process itself,
# RUNS times under /usr/bin/time (wall, CPU, peak RSS), alternating with its indexing cache (JDK 25+,
# the launcher's lib/tpsearch-index.aot) and without any cache (TPSEARCH_AOT=0); last, a re-index
# with nothing changed, both ways (what an update run costs beyond its files: the JVM and its start).
#
#   tools/bench/index-speed.sh CORPUS_DIR [RUNS]
#
# CORPUS_DIR: e.g. one made by `tpsearch bench generate`. Needs GNU time (apt-get install time).
# Build first: ./mvnw -B -DskipTests package.
set -euo pipefail

corpus=${1:?usage: index-speed.sh CORPUS_DIR [RUNS]}
runs=${2:-3}
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
tp="$root/search-cli/target/tpsearch/bin/tpsearch"
[ -x "$tp" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
export TPSEARCH_TOOLS="$root/tools/target/lib"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
"$tp" bench index "$corpus" --runs "$runs" | tee "$work/bench.txt"
# The limits: the cold one is the first analysis pass of a new JVM (the JIT compiling as it runs, as
# in a new `tpsearch index` process); the warm one the fastest later pass. Wall ratios are against the
# cold pass (a process against a process); CPU ratios against both.
limit=$(sed -n 's/^analysis limit, cold (first pass, a new JVM): \([0-9.]*\) s wall.*/\1/p' "$work/bench.txt")
limit_cpu=$(sed -n 's/^analysis limit, cold (first pass, a new JVM): .* s wall, \([0-9.]*\) s CPU.*/\1/p' "$work/bench.txt")
warm=$(sed -n 's/^analysis limit, warm (fastest later pass): \([0-9.]*\) s wall.*/\1/p' "$work/bench.txt")
warm_cpu=$(sed -n 's/^analysis limit, warm (fastest later pass): .* s wall, \([0-9.]*\) s CPU.*/\1/p' "$work/bench.txt")
# with: the launcher's indexing cache (when the JDK can use one); without: TPSEARCH_AOT=0.
measure() {
  local label=$1; shift
  /usr/bin/time -v -o "$work/time.txt" env "$@" > "$work/index.txt" 2>&1
  awk -F': ' -v limit="$limit" -v cpu_limit="$limit_cpu" -v warm="$warm" -v warm_cpu="$warm_cpu" -v label="$label" '
    /Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]}
    /User time/ {u = $2} /System time/ {y = $2} /Maximum resident set size/ {rss = $2 / 1024}
    END {printf "%s: %.1f s wall = %.2fx the cold analysis limit (%.2fx the warm); %.1f s CPU = %.2fx the cold analysis CPU, %.2fx the warm; peak RSS %.0f MB\n",
      label, s, s / limit, s / warm, u + y, (u + y) / cpu_limit, (u + y) / warm_cpu, rss}' "$work/time.txt"
}
for i in $(seq "$runs"); do
  for aot in 1 0; do
    rm -rf "$work/index"
    measure "tpsearch index process ($([ $aot = 1 ] && echo 'indexing cache' || echo 'no cache'))" \
      TPSEARCH_AOT=$aot "$tp" index "$corpus" --index "$work/index"
  done
done
for aot in 1 0; do
  measure "re-index, nothing changed ($([ $aot = 1 ] && echo 'indexing cache' || echo 'no cache'))" \
    TPSEARCH_AOT=$aot "$tp" index "$corpus" --index "$work/index"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
