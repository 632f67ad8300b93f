#!/usr/bin/env bash
# /api/search latency, A/B: this checkout's serve against another revision's (default: where this branch
# left main), both on the same generated site, wrk rounds alternating A and B in the same run:
#   repeated  bench/queries.txt over and over (bench/paths.lua), as bench/run.sh measures it
#   distinct  a query made afresh for each request from the same words (bench/distinct.lua): what no cache
#             of results helps with
#   mixed     three requests in four from bench/queries.txt, the fourth made afresh (bench/distinct.lua with
#             the paths): common searches repeated while new ones keep the search threads busy
# Optionally JFR=1 records each server's searches (last round) to $work/{base,head}.jfr and keeps $work.
#
# usage: [BASE=rev] [JFR=1] bench/search-latency.sh [answers] [seconds per round] [rounds]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bench/wrk.sh"
answers="${1:-10000}"
seconds="${2:-10}"
rounds="${3:-3}"
base="${BASE:-$(git -C "$root" merge-base HEAD main)}"
port_a=18493
port_b=18494
work="$(mktemp -d)"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
trap 'kill $(jobs -p) 2>/dev/null || true; [ -n "${JFR:-}" ] || rm -rf "$work"' EXIT

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
"$root/bin/answerline" --version >/dev/null   # builds this checkout's jar when needed
mkdir -p "$work/base"
git -C "$root" archive "$base" | tar -x -C "$work/base"
(cd "$work/base" && mvn -B -o -q -Dmaven.test.skip=true -Danswerline.release.skip=true package) >&2
java -jar "$root/target/answerline.jar" bench-site --answers "$answers" --out "$work/site" >/dev/null
perl -ne 'chomp; next unless length; s/([^A-Za-z0-9_.~-])/sprintf("%%%02X", ord($1))/ge;
  print "/api/search?limit=10&q=$_\n"' "$root/bench/queries.txt" >"$work/searches.txt"

declare -A pid
start() { # $1: jar, $2: port, $3: name; waits until it serves
  java -jar "$1" serve --site "$work/site" --data "$work/data-$3" --port "$2" >"$work/$3.log" 2>&1 &
  pid[$3]=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$2/answers"; do
    kill -0 $! 2>/dev/null || { echo "$3 stopped:"; tail -5 "$work/$3.log"; exit 1; }
    sleep 0.5
  done
}
start "$work/base/target/answerline.jar" "$port_a" base
start "$root/target/answerline.jar" "$port_b" head

round() { # $1: port, $2: script, $3...: its files; prints requests/s and p99 ms
  wrk_rate -t1 -c32 -d"${seconds}s" -s "$root/bench/$2" "http://127.0.0.1:$1" -- "${@:3}"
}
for port in "$port_a" "$port_b"; do   # warm-up: JIT, page cache
  wrk -t1 -c32 -d5s -s "$root/bench/paths.lua" "http://127.0.0.1:$port" -- "$work/searches.txt" >/dev/null
  wrk -t1 -c32 -d5s -s "$root/bench/distinct.lua" "http://127.0.0.1:$port" -- "$root/bench/queries.txt" >/dev/null
done
for i in $(seq 1 "$rounds"); do
  if [ -n "${JFR:-}" ] && [ "$i" = "$rounds" ]; then
    for name in base head; do jcmd "${pid[$name]}" JFR.start name=last settings=profile >/dev/null; done
  fi
  for kind in repeated distinct mixed; do
    case "$kind" in
      repeated) args=(paths.lua "$work/searches.txt") ;;
      distinct) args=(distinct.lua "$root/bench/queries.txt") ;;
      mixed) args=(distinct.lua "$root/bench/queries.txt" "$work/searches.txt") ;;
    esac
    round "$port_a" "${args[@]}" >>"$work/base-$kind.txt"
    round "$port_b" "${args[@]}" >>"$work/head-$kind.txt"
    echo "  round $i $kind: base $(tail -1 "$work/base-$kind.txt"), head $(tail -1 "$work/head-$kind.txt")" >&2
  done
done
if [ -n "${JFR:-}" ]; then
  for name in base head; do jcmd "${pid[$name]}" JFR.dump name=last filename="$work/$name.jfr" >/dev/null; done
  echo "JFR recordings of the last round: $work/base.jfr, $work/head.jfr" >&2
fi

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
cat <<HEAD

Measured by \`bench/search-latency.sh $answers $seconds $rounds\` on $(nproc) cores ($(java -version 2>&1 | head -1)), $(date -u +"%Y-%m-%d %H:%M") UTC; base $(git -C "$root" rev-parse --short "$base"), head $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- src pom.xml || echo " with uncommitted changes"); load average at the start: $load.

| /api/search?limit=10, 32 connections | base requests/s | base p99 | head requests/s | head p99 | p99 goal |
|---|---|---|---|---|---|
HEAD
for kind in repeated distinct mixed; do
  printf '| %s queries (median of %s) | %s | %s ms | %s | %s ms | < 50 ms |\n' "$kind" "$rounds" \
    "$(cut -d' ' -f1 "$work/base-$kind.txt" | median)" "$(cut -d' ' -f2 "$work/base-$kind.txt" | median)" \
    "$(cut -d' ' -f1 "$work/head-$kind.txt" | median)" "$(cut -d' ' -f2 "$work/head-$kind.txt" | median)"
done
echo
echo "every round (requests/s p99 ms):"
for f in base-repeated head-repeated base-distinct head-distinct base-mixed head-mixed; do echo "  $f: $(paste -sd, "$work/$f.txt")"; done
