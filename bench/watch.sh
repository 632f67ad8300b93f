#!/usr/bin/env bash
# Time from saving a file to the new page being served, with `serve --watch` on a site of N answers
# (default 10,000; the goal is under 100 ms). See bench/WatchLatency.java for what is measured.
#
# usage: bench/watch.sh [answers] [rounds]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
answers="${1:-10000}"
rounds="${2:-20}"
port=18481
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

"$root/bin/answerline" bench-site --answers "$answers" --out "$work/site"
start=$(date +%s%N)
"$root/bin/answerline" serve --watch --site "$work/site" --data "$work/data" --port "$port" >"$work/serve.log" 2>&1 &
until curl -sf -o /dev/null "http://127.0.0.1:$port/answers"; do sleep 0.1; done
echo "started and rendered $answers answers in $(( ($(date +%s%N) - start) / 1000000 )) ms"
java "$root/bench/WatchLatency.java" "$work/site" "$port" "$rounds"
grep -E "pages? updated in" "$work/serve.log" | tail -4
