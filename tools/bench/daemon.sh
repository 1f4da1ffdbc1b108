#!/usr/bin/env bash
# The search daemon's benchmark, paired: each round runs every command once, in turn, so that a
# slower moment of the machine hits all of them alike; medians, min and max over the rounds, the
# median of the per-round ratio to ripgrep, and CPU time (the command's own, user + system, of it
# and every process it waited for; and the daemon's, per command). Needs ripgrep (apt-get install
# ripgrep) and bash 5. One command: 226 s with 20 rounds at load average 30 on 2 cores, about a
# minute or two on a quiet machine (plus, the first time, about 10 s to generate the corpus and
# 20-60 s to index it):
#
#   tools/bench/daemon.sh INDEX_DIR CORPUS_DIR [BEFORE_DIST] [ROUNDS] [QUERY]
#
# CORPUS_DIR: made with `tpsearch bench generate --scale 1` when missing (3,000 reports, 28,037
# points); INDEX_DIR: made with `tpsearch index CORPUS_DIR` when missing. BEFORE_DIST: the
# distribution folder (search-cli/target/tpsearch) of an older build, for a "before" figure;
# optional ('' to skip it). ROUNDS: default 25.
# The commands:
#   hello          a JVM hello world (same JDK, the launcher's quick-start flags)
#   rg             rg -c WORD over the corpus (the first query word)
#   native         this build's launcher through a running daemon, with the native client (the default
#                  where a C compiler is)
#   native-alone   the native client binary alone, as the launcher runs it (the rest of `native` is the
#                  launcher script)
#   jvm-client     the launcher through the daemon with the Java thin client (TPSEARCH_NATIVE_CLIENT=0)
#   checkout       the source checkout's ./tpsearch through the daemon (when its build is current)
#   no-daemon      this build, --no-daemon: the in-process path
#   before         BEFORE_DIST's tpsearch search
#   first          this build with no daemon running: in-process, and it starts a daemon (stopped
#                  again, untimed, before the next round); in the second phase, paired again with rg
#   launcher-*     the launcher script on its in-process path with a stand-in `java` that exits at once
# The daemon is warmed by 100 searches first. Everything runs with a private XDG_RUNTIME_DIR and
# XDG_CACHE_HOME. Prints a Markdown table.
set -euo pipefail

usage="usage: daemon.sh INDEX_DIR CORPUS_DIR [BEFORE_DIST] [ROUNDS] [QUERY]"
index=${1:?$usage}
corpus=${2:?$usage}
before=${3:-}
rounds=${4:-25}
query=${5:-绿色电力 交易}
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dist="$root/search-cli/target/tpsearch"
[ -x "$dist/bin/tpsearch" ] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 1; }
command -v rg >/dev/null || { echo "needs ripgrep (apt-get install ripgrep)" >&2; exit 1; }
[ "${BASH_VERSINFO[0]}" -ge 5 ] || { echo "needs bash 5 (EPOCHREALTIME)" >&2; exit 1; }
started=$EPOCHREALTIME

work=$(mktemp -d)
export XDG_RUNTIME_DIR="$work/run" XDG_CACHE_HOME="$work/cache"
mkdir -m 700 "$XDG_RUNTIME_DIR"
tp="$dist/bin/tpsearch"
cleanup() { "$tp" daemon stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

if [ ! -d "$corpus" ]; then
  echo "generating $corpus (tpsearch bench generate --scale 1)..." >&2
  TPSEARCH_TOOLS="$root/tools/target/lib" TPSEARCH_DAEMON=0 "$tp" bench generate --scale 1 "$corpus" >&2
fi
if [ ! -d "$index" ]; then
  echo "indexing $corpus into $index..." >&2
  TPSEARCH_DAEMON=0 "$tp" index "$corpus" --index "$index" 2>&1 | tail -n 3 >&2
fi

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
build_id=$(cat "$dist/lib/build-id")
q="'$query'"

daemon_up() { for _ in $(seq 1 300); do "$tp" daemon status >/dev/null 2>&1 && return 0; sleep 0.1; done; return 1; }
daemon_down() {
  daemon_up || true
  "$tp" daemon stop >/dev/null 2>&1 || true
  for _ in $(seq 1 100); do [ -S "$XDG_RUNTIME_DIR/tpsearch/$build_id.sock" ] || return 0; sleep 0.1; done
}

# The first search starts the daemon and, where a C compiler is, compiles the native client.
"$tp" search "$query" --index "$index" >/dev/null 2>&1 || true
daemon_up
native_bin="$XDG_CACHE_HOME/tpsearch/client/tpsearch-client-$build_id-$HOSTTYPE"
for _ in $(seq 1 100); do [ -x "$native_bin" ] && break; sleep 0.1; done

# name, environment (assignments), command
names=(hello rg) envs=("" "") cmds=("$java_home/bin/java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp $work Hello"
  "rg -c --no-messages $first_word $corpus")
add() { names+=("$1"); envs+=("$2"); cmds+=("$3"); }
if [ -x "$native_bin" ]; then
  add native "" "$tp search $q --index $index"
  add native-alone "" "$native_bin $build_id search $q --index $index"
else
  echo "(no native client: no C compiler here, so 'native' rows are left out)" >&2
fi
add jvm-client "TPSEARCH_NATIVE_CLIENT=0" "$tp search $q --index $index"
# The checkout's ./tpsearch, only when it would not rebuild (its check, repeated here).
if [ -x "$root/tpsearch" ] && [ -f "$dist/.built" ] && [ -z "$(find "$root/pom.xml" "$root"/{analyzers,indexer,sample-index,cite-styles,search-cli,tools} \
    \( -path '*/target' -o -path '*/src/test' \) -prune -o -newer "$dist/.built" -type f -print -quit 2>/dev/null)" ]; then
  add checkout "" "$root/tpsearch search $q --index $index"
else
  echo "(./tpsearch would rebuild first: 'checkout' row left out; run ./tpsearch --version once)" >&2
fi
add no-daemon "" "$tp search $q --index $index --no-daemon"
[ -n "$before" ] && add before "" "$before/bin/tpsearch search $q --index $index"
add launcher-after "TPSEARCH_JAVA_HOME=$work/fakejdk TPSEARCH_DAEMON=0" "$tp search x"
[ -n "$before" ] && add launcher-before "TPSEARCH_JAVA_HOME=$work/fakejdk" "$before/bin/tpsearch search x"
add first "" "$tp search $q --index $index"

# Warm-up: caches (JDK discovery, class-data archives), the page cache, the daemon's JIT.
for i in "${!names[@]}"; do
  [ "${names[$i]}" = first ] || ( eval "${envs[$i]:+export ${envs[$i]}; }exec ${cmds[$i]}" ) >/dev/null 2>&1 || true
done
for _ in $(seq 1 100); do "$tp" search "$query" --index "$index" >/dev/null 2>&1 || true; done
daemon_pid=$("$tp" daemon status | sed -n 's/.*, pid \([0-9]*\),.*/\1/p')
tck=$(getconf CLK_TCK)

declare -A times cpus dticks druns
# CPU of the processes this shell waited for (bash's `times`, second line), in seconds as printed.
children_cpu() {
  times > "$work/times"
  { read -r _; read -r cpu_u cpu_s; } < "$work/times"
}
# The daemon's CPU so far, in clock ticks (/proc/PID/stat's utime + stime), into $ticks; no fork.
daemon_ticks() {
  local f
  ticks=0
  if [ -n "$daemon_pid" ] && [ -r "/proc/$daemon_pid/stat" ]; then
    read -r -a f < "/proc/$daemon_pid/stat"
    ticks=$((f[13] + f[14]))
  fi
}
# One timed run: a forked shell that execs the command, as an interactive shell runs it.
timed() {
  local name=$1 i=$2 t0 t1 u0 s0 d0
  daemon_ticks; d0=$ticks
  children_cpu; u0=$cpu_u; s0=$cpu_s
  t0=$EPOCHREALTIME
  ( eval "${envs[$i]:+export ${envs[$i]}; }exec ${cmds[$i]}" ) >/dev/null 2>&1 || true
  t1=$EPOCHREALTIME
  children_cpu
  daemon_ticks
  times[$name]+="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) * 1000 }') "
  cpus[$name]+="$(awk -v u0="$u0" -v s0="$s0" -v u1="$cpu_u" -v s1="$cpu_s" 'function sec(x) { split(x, p, "m"); sub("s", "", p[2]); return p[1] * 60 + p[2] }
    BEGIN { printf "%.2f", (sec(u1) + sec(s1) - sec(u0) - sec(s0)) * 1000 }') "
  dticks[$name]=$(( ${dticks[$name]:-0} + ticks - d0 ))
  druns[$name]=$(( ${druns[$name]:-0} + 1 ))
}
index_of() { local i; for i in "${!names[@]}"; do [ "${names[$i]}" = "$1" ] && echo "$i"; done; }

# Phase 1: everything but 'first', the daemon warm and running.
for ((r = 1; r <= rounds; r++)); do
  for i in "${!names[@]}"; do
    [ "${names[$i]}" = first ] && continue
    timed "${names[$i]}" "$i"
  done
done
daemon_pid=""
# Phase 2: the first call with no daemon running (paired again with rg, before and no-daemon); the
# daemon it starts is stopped, untimed, after each round.
phase2=(rg no-daemon first)
[ -n "$before" ] && phase2=(rg before no-daemon first)
for ((r = 1; r <= rounds; r++)); do
  daemon_down
  for n in "${phase2[@]}"; do
    timed "$n-2" "$(index_of "$n")"
  done
done

median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f|%.1f|%.1f", m, v[1], v[NR] }'; }
ratio() { paste -d' ' <(echo "${times[$1]}" | tr ' ' '\n' | sed '/^$/d') <(echo "${times[$2]}" | tr ' ' '\n' | sed '/^$/d') \
  | awk '{ print $1 / $2 }' | sort -g | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2fx", m }'; }
row() {
  local med min max cpu daemon=""
  IFS='|' read -r med min max <<< "$(echo "${times[$1]}" | median)"
  IFS='|' read -r cpu _ _ <<< "$(echo "${cpus[$1]}" | median)"
  # Only for the commands the daemon answers: it also compiles and collects in the background,
  # which would otherwise be charged to whatever runs meanwhile.
  if [[ " native native-alone jvm-client checkout " == *" $1 "* ]]; then
    daemon=$(awk -v t="${dticks[$1]}" -v n="${druns[$1]}" -v hz="$tck" 'BEGIN { printf "%.1f", t * 1000 / hz / n }')
  fi
  echo "| $2 | $med | $min | $max | $(ratio "$1" "$3") | $cpu | $daemon |"
}

echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $rounds rounds; query '$query'; $(nproc) cores;" \
  "$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f s", b - a }') in all"
echo
echo "| command | median ms | min | max | median of the paired ratio to rg | CPU ms, median | daemon CPU ms per command (mean) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for n in "${names[@]}"; do
  [ "$n" = first ] && continue
  row "$n" "$n" rg
done
for n in "${phase2[@]}"; do
  [ "$n" = rg ] && continue
  row "$n-2" "$n (phase 2)" rg-2
done
