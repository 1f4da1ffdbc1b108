#!/bin/sh
# Bulk-load throughput and warm query latency of the local index and of a real two-node OpenSearch
# 3.8.0 cluster (2 shards x 1 replica, started in the test JVM from Maven Central jars), same
# machine, same run (issue 10). One command:
#
#   tools/bench/cluster.sh [FILES | REPORTS-DIR]     (default: 3000, the `bench generate` corpus)
#
# FILES: a `tpsearch bench generate --files FILES` corpus (3000: about 28,000 turning points,
# 26 MB); REPORTS-DIR: your own reports. ROUNDS and WARMUP (default 20 and 5) set the query rounds
# of `tpsearch bench`. Runs the opensearch module's OpenSearchBench (not part of the normal test
# run), prints the table for BENCHMARKS.md (also in opensearch/target/cluster-bench.md) with the
# load average before and after; the whole log is in opensearch/target/cluster-bench.log.
# Takes about 5 minutes on a quiet 2-core machine with the default corpus, build included (15 at load 25-30).
set -eu
cd "$(dirname "$0")/../.."
WHAT=${1:-3000}
case "$WHAT" in
  *[!0-9]*) WHAT=$(cd "$WHAT" && pwd) ;;
esac
mkdir -p opensearch/target
LOG=opensearch/target/cluster-bench.log
rm -f opensearch/target/cluster-bench.md
status=0
./mvnw -B -q -pl opensearch -am test -Dtest=OpenSearchBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dopensearch.bench="$WHAT" -Dopensearch.bench.rounds="${ROUNDS:-20}" -Dopensearch.bench.warmup="${WARMUP:-5}" \
  > "$LOG" 2>&1 || status=$?
if [ "$status" -ne 0 ] || [ ! -s opensearch/target/cluster-bench.md ]; then
  tail -40 "$LOG" >&2
  echo "cluster.sh: the benchmark failed; the log is in $LOG" >&2
  exit 1
fi
grep -E '^(BENCH [a-z]|indexed |[0-9]+ turning points|[0-9.]+ s; |earlier mix|unspaced|.*: [0-9]+ queries x|latency ms|thread CPU)' "$LOG"
echo
cat opensearch/target/cluster-bench.md
