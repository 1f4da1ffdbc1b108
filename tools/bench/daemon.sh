#!/usr/bin/env bash
# The search daemon's cold-start benchmark, paired: each round runs every command once, in turn,
# so that a slower moment of the machine hits all of them alike; medians, min and max over the
# rounds, and the median of the per-round ratio to ripgrep. Needs ripgrep (apt-get install ripgrep).
#
#   tools/bench/daemon.sh INDEX_DIR CORPUS_DIR [BEFORE_DIST] [ROUNDS] [QUERY]
#
# INDEX_DIR: an index made by `tpsearch index CORPUS_DIR --index INDEX_DIR` (CORPUS_DIR from
# `tpsearch bench generate`). BEFORE_DIST: the distribution folder (search-cli/target/tpsearch) of
# a build from before the daemon, for the "today" figure; optional. ROUNDS: default 25.
# The commands:
#   hello        a JVM hello world (same JDK, the launcher's quick-start flags)
#   rg           rg -c WORD over the corpus (the first query word)
#   before       BEFORE_DIST's tpsearch search (no daemon there)
#   no-daemon    this build, --no-daemon: the in-process path
#   first        this build with no daemon running: in-process, and it starts a daemon (stopped
#                again, untimed, before the next round)
#   daemon       this build through a running daemon (warmed by 100 searches first)
#   launcher-*   the launcher scripts alone, with a stand-in `java` that exits at once: what the
#                script costs (JDK discovery, AOT checks) before any JVM starts
# Everything runs with a private XDG_RUNTIME_DIR and XDG_CACHE_HOME. Prints a Markdown table.
set -euo pipefail

index=${1:?usage: daemon.sh INDEX_DIR CORPUS_DIR [BEFORE_DIST] [ROUNDS] [QUERY]}
corpus=${2:?usage: daemon.sh INDEX_DIR CORPUS_DIR [BEFORE_DIST] [ROUNDS] [QUERY]}
before=${3:-}
rounds=${4:-25}
query=${5:-绿色电力 交易}
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dist="$root/search-cli/target/tpsearch"
[ -x "$dist/bin/tpsearch" ] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 1; }
command -v rg >/dev/null || { echo "needs ripgrep (apt-get install ripgrep)" >&2; exit 1; }
[ "${BASH_VERSINFO[0]}" -ge 5 ] || { echo "needs bash 5 (EPOCHREALTIME)" >&2; exit 1; }

work=$(mktemp -d)
export XDG_RUNTIME_DIR="$work/run" XDG_CACHE_HOME="$work/cache"
mkdir -m 700 "$XDG_RUNTIME_DIR"
tp="$dist/bin/tpsearch"
cleanup() { "$tp" daemon stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

java_home=$(bash -c 'source <(sed -n "/^jdk_version()/,/^}/p;/^find_java()/,/^}/p" "$1"); find_java' _ "$tp")
cat > "$work/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
"$java_home/bin/javac" -d "$work" "$work/Hello.java"
# A stand-in JDK whose java exits at once: the launcher's own cost.
mkdir -p "$work/fakejdk/bin"
sed -n '/^JAVA_VERSION=/p;/^JAVA_RUNTIME_VERSION=/p' "$java_home/release" > "$work/fakejdk/release"
printf '#!/bin/sh\nexit 0\n' > "$work/fakejdk/bin/java"
chmod +x "$work/fakejdk/bin/java"
first_word=${query%% *}

names=(hello rg)
cmds=("$java_home/bin/java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp $work Hello"
      "rg -c --no-messages $first_word $corpus")
if [ -n "$before" ]; then
  names+=(before); cmds+=("$before/bin/tpsearch search '$query' --index $index")
  names+=(launcher-before); cmds+=("env TPSEARCH_JAVA_HOME=$work/fakejdk $before/bin/tpsearch search x")
fi
names+=(no-daemon first daemon launcher-after)
cmds+=("$tp search '$query' --index $index --no-daemon"
       "$tp search '$query' --index $index"
       "$tp search '$query' --index $index"
       "env TPSEARCH_JAVA_HOME=$work/fakejdk $tp search x")
if [ -x "$root/tpsearch" ]; then
  names+=(launcher-checkout); cmds+=("env TPSEARCH_JAVA_HOME=$work/fakejdk TPSEARCH_DAEMON=0 $root/tpsearch search x")
fi

daemon_up() { for _ in $(seq 1 300); do "$tp" daemon status >/dev/null 2>&1 && return 0; sleep 0.1; done; return 1; }
daemon_down() {
  daemon_up || true
  "$tp" daemon stop >/dev/null 2>&1 || true
  for _ in $(seq 1 100); do [ -S "$XDG_RUNTIME_DIR/tpsearch/$(cat "$dist/lib/build-id").sock" ] || return 0; sleep 0.1; done
}

# Warm-up: caches (JDK discovery, the client's class-data archive), the page cache, the daemon's JIT.
for c in "${cmds[@]}"; do ( eval "exec $c" ) >/dev/null 2>&1 || true; done
daemon_up
for _ in $(seq 1 100); do "$tp" search "$query" --index "$index" >/dev/null 2>&1 || true; done

declare -A times
# One timed run: a forked shell that execs the command, as an interactive shell runs it.
timed() {
  local t0 t1
  t0=$EPOCHREALTIME
  ( eval "exec $2" ) >/dev/null 2>&1 || true
  t1=$EPOCHREALTIME
  times[$1]+="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) * 1000 }') "
}
index_of() { local i; for i in "${!names[@]}"; do [ "${names[$i]}" = "$1" ] && echo "$i"; done; }

# Phase 1: everything but 'first', the daemon warm and running.
for ((r = 1; r <= rounds; r++)); do
  for i in "${!names[@]}"; do
    [ "${names[$i]}" = first ] && continue
    timed "${names[$i]}" "${cmds[$i]}"
  done
done
# Phase 2: the first call with no daemon running (paired again with rg, before and no-daemon); the
# daemon it starts is stopped, untimed, after each round.
phase2=(rg no-daemon first)
[ -n "$before" ] && phase2=(rg before no-daemon first)
for ((r = 1; r <= rounds; r++)); do
  daemon_down
  for n in "${phase2[@]}"; do
    timed "$n-2" "${cmds[$(index_of "$n")]}"
  done
done

stat() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f|%.1f|%.1f", m, v[1], v[NR] }'; }
ratio() { paste -d' ' <(echo "${times[$1]}" | tr ' ' '\n' | sed '/^$/d') <(echo "${times[$2]}" | tr ' ' '\n' | sed '/^$/d') \
  | awk '{ print $1 / $2 }' | sort -g | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2fx", m }'; }
row() { IFS='|' read -r med min max <<< "$(echo "${times[$1]}" | stat)"; echo "| $2 | $med | $min | $max | $(ratio "$1" "$3") |"; }

echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $rounds rounds; query '$query'; $(nproc) cores"
echo
echo "| command | median ms | min | max | median of the paired ratio to rg |"
echo "|---|---:|---:|---:|---:|"
for n in "${names[@]}"; do
  [ "$n" = first ] && continue
  row "$n" "$n" rg
done
for n in "${phase2[@]}"; do
  [ "$n" = rg ] && continue
  row "$n-2" "$n (phase 2)" rg-2
done
