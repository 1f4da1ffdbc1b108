#!/usr/bin/env bash
# Load test of `tpsearch serve` on loopback: 200 concurrent clients (wrk, keep-alive), then the same
# with 200 idle connections open (half of them half-way through a request), then whether the server
# dropped the idle ones after its read timeout, then 200 clients again. Bounded: about 2 minutes,
# 127.0.0.1 only.
# Needs wrk (Debian: apt-get install wrk).
#
#   tools/bench/serve-load.sh [INDEX_DIR]
#
# INDEX_DIR: an index made by `tpsearch index CORPUS_DIR --index INDEX_DIR` (e.g. of the corpus of
# `tpsearch bench generate`); without it the embedded sample index answers. The figures of
# RELIABILITY.md, "serve under load", come from this script.
set -euo pipefail

index=${1:-}
clients=${CLIENTS:-200}
seconds=${SECONDS_PER_RUN:-20}
idle=${IDLE:-200}
here="$(cd "$(dirname "$0")" && pwd)"
dist="$here/../../search-cli/target/tpsearch"
[ -x "$dist/bin/tpsearch" ] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 1; }
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }
# One descriptor per idle connection, in this shell.
ulimit -n 4096 2>/dev/null || true

work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The read timeout is longer than a measuring run, so the idle connections stay open through it.
read_timeout=$((seconds + 10))
args=(serve --port 0 --read-timeout "$read_timeout")
[ -n "$index" ] && args+=(--index "$index")
"$dist/bin/tpsearch" "${args[@]}" > "$work/out" 2> "$work/err" &
server=$!
for _ in $(seq 1 600); do
  grep -q 'serving' "$work/out" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$work/err" >&2; exit 1; }
  sleep 0.1
done
port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/out" | head -1)
[ -n "$port" ] || { echo "the server did not start" >&2; cat "$work/out" "$work/err" >&2; exit 1; }
url="http://127.0.0.1:$port"
cat "$work/out"

# A mix of queries as people type them: words, phrases, OR, filters, facets, sorts, a point.
cat > "$work/mix.lua" <<'LUA'
local function enc(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
local paths = {
  "/search?q=" .. enc("绿色电力 交易"),
  "/search?q=" .. enc("光伏") .. "&facets=true",
  "/search?q=" .. enc("碳达峰") .. "&region=" .. enc("新疆"),
  "/search?q=" .. enc("钢铁 限产") .. "&year=2021..2023",
  "/search?q=" .. enc("风电 OR 光伏") .. "&sort=date",
  "/search?q=" .. enc("\"green power\""),
  "/search?q=" .. enc("疫情 停产") .. "&min_confidence=0.6",
  "/facets?q=" .. enc("电力"),
  "/search?region=" .. enc("内蒙古") .. "&status=found",
  "/search?q=" .. enc("煤电 -工业") .. "&limit=20",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
-- Answers by status, summed over wrk's threads.
local threads = {}
setup = function(thread) table.insert(threads, thread) end
init = function() statuses = {} end
response = function(status) statuses[status] = (statuses[status] or 0) + 1 end
done = function()
  local all = {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("statuses")) do all[status] = (all[status] or 0) + n end
  end
  local line = "  answers by status:"
  for status, n in pairs(all) do line = line .. " " .. status .. ": " .. n end
  print(line)
end
LUA

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== warm-up: 8 clients, ${seconds} s (the JIT compiles the search code)"
wrk -t2 -c8 -d"${seconds}s" -s "$work/mix.lua" "$url" > /dev/null

echo "== $clients concurrent clients, ${seconds} s"
wrk -t2 -c"$clients" -d"${seconds}s" --timeout 30s --latency -s "$work/mix.lua" "$url"

# wrk closed its connections, but the requests they left waiting still run (a request in the queue
# is not told that its client left): /health waits in the same queue, so its answer means drained.
curl -s --max-time 60 -o /dev/null "$url/health"

echo "== the same with $idle idle connections open ($((idle / 2)) silent, $((idle / 2)) half-way through a request line)"
fds=()
for i in $(seq 1 "$idle"); do
  exec {fd}<>"/dev/tcp/127.0.0.1/$port"
  fds+=("$fd")
  if (( i % 2 == 0 )); then printf 'GET /search?q=' >&"$fd"; fi
done
wrk -t2 -c"$clients" -d"${seconds}s" --timeout 30s --latency -s "$work/mix.lua" "$url"

echo "== after the read timeout ($read_timeout s from their start), the idle connections:"
sleep 11
answered=0; closed=0; open=0
for fd in "${fds[@]}"; do
  if IFS= read -r -t 1 line <&"$fd"; then
    [[ $line == "HTTP/1.1 408"* ]] && answered=$((answered + 1))
    while IFS= read -r -t 1 _ <&"$fd"; do :; done
    closed=$((closed + 1))
  elif (( $? > 128 )); then
    open=$((open + 1))  # read timed out: still open
  else
    closed=$((closed + 1))
  fi
  exec {fd}>&-
done
echo "closed by the server: $closed of $idle ($answered answered 408 Request Timeout first); still open: $open"
curl -s --max-time 60 -o /dev/null "$url/health"
echo "== $clients concurrent clients again, ${seconds} s, the idle connections gone"
wrk -t2 -c"$clients" -d"${seconds}s" --timeout 30s --latency -s "$work/mix.lua" "$url"

echo "== server stderr (empty unless something failed):"
cat "$work/err"
