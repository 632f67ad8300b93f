#!/usr/bin/env bash
# Search on a generated site of N answers (default 100,000): the time to build the index and the similar
# answers, the latency of searches in-process (bench/SearchLatency.java), and /api/search requests/s
# next to answer-page requests/s from the same server in the same run (wrk, 1 thread, 32 connections).
#
# usage: bench/search.sh [answers] [seconds]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bench/wrk.sh"
answers="${1:-100000}"
seconds="${2:-15}"
port=18482
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

if ! command -v wrk >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
"$root/bin/answerline" bench-site --answers "$answers" --out "$work/site" >/dev/null
classpath="$root/target/answerline.jar:$root/target/lib/*"

echo "== in-process ($answers answers, $(nproc) cores, $(date -u +%Y-%m-%d))"
java -Xmx2g -Danswerline.timing=true -cp "$classpath" "$root/bench/SearchLatency.java" "$work/site" 20000 \
  "$root/bench/queries.txt"

echo "== over HTTP"
# every page is kept rendered in memory: 100,000 answers still need a large heap
ANSWERLINE_JAVA_OPTS="-Xmx16g" "$root/bin/answerline" serve --site "$work/site" --data "$work/data" \
  --port "$port" >"$work/serve.log" 2>&1 &
until curl -sf -o /dev/null "http://127.0.0.1:$port/answers"; do
  kill -0 %1 2>/dev/null || { echo "the server stopped:"; tail -5 "$work/serve.log"; exit 1; }
  sleep 1
done
grep '^Serving' "$work/serve.log"
find "$work/site/answers" -name '*.md' | sed -e 's|.*/||' -e 's|\.md$||' -e 's|^|/answers/|' >"$work/pages.txt"
perl -ne 'chomp; next unless length; s/([^A-Za-z0-9_.~-])/sprintf("%%%02X", ord($1))/ge;
  print "/api/search?limit=10&q=$_\n"' "$root/bench/queries.txt" >"$work/searches.txt"

rate() { # $1: paths file; prints requests/s and p99
  wrk -t1 -c32 -d3s -s "$root/bench/paths.lua" "http://127.0.0.1:$port" -- "$1" >/dev/null   # warm-up
  wrk_rate -t1 -c32 -d"${seconds}s" -s "$root/bench/paths.lua" "http://127.0.0.1:$port" -- "$1"
}
read -r page_rate page_p99 < <(rate "$work/pages.txt")
read -r search_rate search_p99 < <(rate "$work/searches.txt")
echo
echo "| requests (wrk -t1 -c32, ${seconds} s) | requests/s | p99 latency |"
echo "|---|---|---|"
echo "| answer pages (all $answers, gzip) | $page_rate | ${page_p99} ms |"
echo "| /api/search?limit=10 (bench/queries.txt) | $search_rate | ${search_p99} ms |"
echo "| ratio search / pages | $(awk -v a="$search_rate" -v b="$page_rate" 'BEGIN { printf "%.3f", a / b }') | |"
