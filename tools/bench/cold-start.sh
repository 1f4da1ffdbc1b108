#!/usr/bin/env bash
# Cold-start benchmark: a new `tpsearch search` process against a JVM hello world, ripgrep over the
# raw reports, and the same CLI run the straightforward way (no AOT cache, default JIT and GC),
# all in the same run. Needs hyperfine and ripgrep (Debian: apt-get install hyperfine ripgrep).
#
#   tools/bench/cold-start.sh INDEX_DIR CORPUS_DIR [QUERY]
#
# INDEX_DIR: an index made by `tpsearch index CORPUS_DIR --index INDEX_DIR`; CORPUS_DIR: the
# reports (e.g. made by `tpsearch bench generate`). Prints hyperfine's table and writes JSON to
# /tmp/tpsearch-cold-start.json.
set -euo pipefail
# A new process per query, as the name says: no search daemon answers (tools/bench/daemon.sh measures it).
export TPSEARCH_DAEMON=0

index=${1:?usage: cold-start.sh INDEX_DIR CORPUS_DIR [QUERY]}
corpus=${2:?usage: cold-start.sh INDEX_DIR CORPUS_DIR [QUERY]}
query=${3:-绿色电力 交易}
here="$(cd "$(dirname "$0")" && pwd)"
dist="$here/../../search-cli/target/tpsearch"
[ -x "$dist/bin/tpsearch" ] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
command -v rg >/dev/null || { echo "needs ripgrep (apt-get install ripgrep)" >&2; exit 1; }

# The JDK the launcher picks, for the hello world and the straightforward run.
java_home=$(bash -c 'source <(sed -n "/^jdk_version()/,/^}/p;/^find_java()/,/^}/p" "$1"); find_java' _ "$dist/bin/tpsearch")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
"$java_home/bin/javac" -d "$work" "$work/Hello.java"
first_word=${query%% *}

hyperfine --warmup 3 --runs 20 -N --export-json /tmp/tpsearch-cold-start.json \
  -n "java hello world" "$java_home/bin/java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp $work Hello" \
  -n "tpsearch search" "$dist/bin/tpsearch search '$query' --index $index" \
  -n "tpsearch search, straightforward JVM" "$java_home/bin/java --enable-native-access=ALL-UNNAMED -cp '$dist/lib/*' org.tpsearch.cli.Main search '$query' --index $index" \
  -n "ripgrep" "rg -c --no-messages $first_word $corpus"
