#!/usr/bin/env bash
# The cost curve: how indexing and searching grow with the corpus. For each scale K (default 1 3 10)
# it generates `tpsearch bench generate --scale K` once (reused when already there), indexes it with
# the `tpsearch index` process itself under /usr/bin/time, then measures a cold search (a new process
# per query, hyperfine), the same through the daemon when this build has one, ripgrep over the same
# files, and warm in-process latency (`tpsearch bench`). Appends one row per scale to RESULTS (TSV)
# and draws the curve with tools/bench/PlotCurve.java.
#
#   tools/bench/cost-curve.sh WORK_DIR [SCALES...]
#
# WORK_DIR holds the corpora (c1, c3, c10: about 26, 78 and 260 MB) and indexes (i1, ...); put it
# under /tmp, never in the repository. Needs hyperfine, ripgrep and GNU time
# (Debian: apt-get install hyperfine ripgrep time). Build first: ./mvnw -B -DskipTests package.
set -euo pipefail

work=${1:?usage: cost-curve.sh WORK_DIR [SCALES...]}
shift
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(1 3 10)
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
tp="$root/search-cli/target/tpsearch/bin/tpsearch"
[ -x "$tp" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
export TPSEARCH_TOOLS="$root/tools/target/lib"
for tool in hyperfine rg /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }
done
mkdir -p "$work"
results="$work/cost-curve.tsv"
query='绿色电力 交易'
runs=${COST_CURVE_RUNS:-10}

# The daemon (issue 13, item 1) when this build has it: `tpsearch daemon status` is a known command.
daemon=no
no_daemon=""
if "$tp" --help 2>/dev/null | grep -q '^  daemon '; then
  daemon=yes
  no_daemon="--no-daemon"
fi

[ -f "$results" ] || printf 'scale\tpoints\treports_mb\tindex_s\tindex_cpu_s\tindex_mb\tpeak_rss_mb\tpeak_heap_mb\tcold_ms\tdaemon_ms\trg_ms\twarm_p50_ms\twarm_p99_ms\twarm_cpu_p50_ms\twarm_cpu_p99_ms\tload\n' > "$results"

median_ms() { # hyperfine JSON -> median of the first command, in ms
  sed -n 's/.*"median": *\([0-9.e+-]*\).*/\1/p' "$1" | head -n "${2:-1}" | tail -n 1 | awk '{printf "%.1f", $1 * 1000}'
}

for k in "${scales[@]}"; do
  corpus="$work/c$k"
  index="$work/i$k"
  if [ ! -f "$corpus/README.txt" ]; then
    "$tp" bench generate --scale "$k" "$corpus"
  fi
  rm -rf "$index"
  echo "== scale $k: indexing $corpus" >&2
  /usr/bin/time -v -o "$work/time-$k.txt" "$tp" index "$corpus" --index "$index" > "$work/index-$k.txt" 2>&1
  tail -n 3 "$work/index-$k.txt" >&2
  index_s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s}' "$work/time-$k.txt")
  index_cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.1f", u + s}' "$work/time-$k.txt")
  rss_mb=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/time-$k.txt")
  heap_mb=$(sed -n 's/.*peak heap \([0-9]*\) MB.*/\1/p' "$work/index-$k.txt" | tail -n 1)
  # The report files as the indexer counts them: the folder also holds files it skips (a manifest,
  # notes, other formats), which du would add.
  reports_mb=$(sed -n 's/.*; reports \([0-9.]*\) MB,.*/\1/p' "$work/index-$k.txt" | tail -n 1)
  points=$(sed -n 's/^\([0-9]*\) turning points:.*/\1/p' "$work/index-$k.txt" | tail -n 1)
  index_mb=$(du -sb "$index" | awk '{printf "%.1f", $1 / 1e6}')

  echo "== scale $k: cold search, ripgrep${daemon/yes/, daemon}" >&2
  hyperfine --warmup 2 --runs "$runs" -N --export-json "$work/cold-$k.json" \
    "$tp search '$query' --index $index $no_daemon" "rg -c --no-messages ${query%% *} $corpus" >/dev/null
  cold_ms=$(median_ms "$work/cold-$k.json" 1)
  rg_ms=$(median_ms "$work/cold-$k.json" 2)
  daemon_ms="not yet"
  if [ "$daemon" = yes ]; then
    "$tp" search "$query" --index "$index" >/dev/null 2>&1 || true # starts it
    hyperfine --warmup 3 --runs "$runs" -N --export-json "$work/daemon-$k.json" "$tp search '$query' --index $index" >/dev/null
    daemon_ms=$(median_ms "$work/daemon-$k.json" 1)
    "$tp" daemon stop >/dev/null 2>&1 || true
  fi

  echo "== scale $k: warm queries" >&2
  "$tp" bench --index "$index" --rounds 20 --warmup 10 > "$work/warm-$k.txt" 2>&1
  warm=$(sed -n 's/^latency ms: p50 \([0-9.]*\)  p90 [0-9.]*  p99 \([0-9.]*\).*/\1\t\2/p' "$work/warm-$k.txt")
  warm_cpu=$(sed -n 's/^thread CPU ms: p50 \([0-9.]*\)  p90 [0-9.]*  p99 \([0-9.]*\).*/\1\t\2/p' "$work/warm-$k.txt")
  load=$(cut -d' ' -f1 /proc/loadavg)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$k" "$points" "$reports_mb" "$index_s" "$index_cpu" \
    "$index_mb" "$rss_mb" "$heap_mb" "$cold_ms" "$daemon_ms" "$rg_ms" "$warm" "$warm_cpu" "$load" >> "$results"
  tail -n 1 "$results" >&2
done

java_home=$(bash -c 'source <(sed -n "/^jdk_version()/,/^}/p;/^find_java()/,/^}/p" "$1"); find_java' _ "$tp")
"$java_home/bin/java" "$here/PlotCurve.java" "$results" "$work/cost-curve.svg"
echo "results: $results; plot: $work/cost-curve.svg" >&2
