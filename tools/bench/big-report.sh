#!/bin/sh
# Indexing one huge report: time and peak memory (issue 7, defect 9).
#
#   tools/bench/big-report.sh [MB...]        (default: 20 100)
#
# For each size, writes one report of about MB megabytes into a temporary folder: the real
# Xinjiang report's complete turning points (sample-index/reports), repeated, each with a date of
# its own so every point has its own id, and the declared count set to match. Then indexes it into
# a new folder with ./tpsearch under /usr/bin/time -v and prints points, wall and CPU time and peak
# RSS. GENERATE_ONLY=FILE writes the report to FILE and stops; TPSEARCH_JAVA_OPTS passes JVM options.
# The figures are in RELIABILITY.md.
set -eu
cd "$(dirname "$0")/../.."
REAL=sample-index/reports/Xinjiang_Industry_combined_info.txt
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (GNU time)" >&2; exit 2; }
./tpsearch --version >/dev/null   # build first, outside the measurement
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tpsearch-big.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
trap 'exit 1' INT TERM
for MB in "${@:-20 100}"; do
  for MB1 in $MB; do
    DIR="$WORK/results-$MB1"
    mkdir -p "$DIR"
    OUT="$DIR/Xinjiang_Industry_combined_info.txt"
    awk -v bytes=$((MB1 * 1000000)) -v out="$OUT" -v counts="$OUT.count" '
      /^## 转折点: / { n++ }
      n == 0 { header = header $0 "\n"; next }
      { sec[n] = sec[n] $0 "\n" }
      END {
        k = n - 1                      # the last point of the real report is cut off
        for (size = 0; size < bytes; points++) size += length(sec[points % k + 1])
        sub(/共包含 [0-9]+ 个/, "共包含 " points " 个", header)
        printf "%s", header > out
        for (i = 0; i < points; i++) {
          s = sec[i % k + 1]
          y = 1900 + int(i / 336); m = 1 + int((i % 336) / 28); d = 1 + i % 28
          sub(/^## 转折点: [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]/, sprintf("## 转折点: %04d-%02d-%02d", y, m, d), s)
          printf "%s", s > out
        }
        print points > counts
      }' "$REAL"
    POINTS=$(cat "$OUT.count") && rm "$OUT.count"
    SIZE=$(wc -c < "$OUT")
    [ -n "${GENERATE_ONLY:-}" ] && { cp "$OUT" "$GENERATE_ONLY"; continue; }
    /usr/bin/time -v ./tpsearch index -q "$DIR" --index "$WORK/index-$MB1" > "$WORK/out" 2> "$WORK/time"
    WALL=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/time")
    RSS=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time")
    USER=$(sed -n 's/.*User time (seconds): //p' "$WORK/time")
    SYS=$(sed -n 's/.*System time (seconds): //p' "$WORK/time")
    # CPU time too: on a shared machine wall time says more about the neighbours than about tpsearch.
    echo "$((SIZE / 1000000)) MB, $POINTS points: wall $WALL, CPU ${USER} s user + ${SYS} s system, peak RSS $((RSS / 1024)) MB"
    sed -n 2p "$WORK/out"
    rm -rf "$DIR" "$WORK/index-$MB1"
  done
done
