#!/bin/sh
# Round trips, latency and CPU per search against a real two-node OpenSearch cluster (2 shards x 1
# replica, in the test JVM), with a search's runs sent in one _msearch (the default) and, in
# alternate rounds of the same run, each run and test of hits sent alone (as before): the 196
# queries of the tuning set. One command:
#
#   tools/bench/cluster-trips.sh [FILES]     (default: 600, a `bench generate` corpus of about 5,600 points)
#
# ROUNDS (default 6) sets the measured rounds per way. Runs the opensearch module's
# OpenSearchBench#roundTripsBatchedAndNot (not part of the normal test run); prints the table for
# BENCHMARKS.md (also in opensearch/target/cluster-trips.md); the log is in opensearch/target/cluster-trips.log.
set -eu
cd "$(dirname "$0")/../.."
mkdir -p opensearch/target
LOG=opensearch/target/cluster-trips.log
rm -f opensearch/target/cluster-trips.md
status=0
./mvnw -B -q -pl opensearch -am test -Dtest='OpenSearchBench#roundTripsBatchedAndNot' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dopensearch.bench.trips="${1:-600}" -Dopensearch.bench.rounds="${ROUNDS:-6}" > "$LOG" 2>&1 || status=$?
if [ "$status" -ne 0 ] || [ ! -s opensearch/target/cluster-trips.md ]; then
  tail -40 "$LOG" >&2
  echo "cluster-trips.sh: the benchmark failed; the log is in $LOG" >&2
  exit 1
fi
cat opensearch/target/cluster-trips.md
