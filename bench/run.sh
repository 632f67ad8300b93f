#!/usr/bin/env bash
# Answerline next to the tools its users would pick instead, measured in the same run on the same machine:
#   build  `answerline build` vs Hugo (bench/hugo) on a generated site of N answers; wall time, peak memory
#   serve  `answerline serve` vs nginx serving Answerline's static export (bench/nginx.conf), wrk over all
#          answer URLs (1 thread, 32 connections, gzip accepted), alternating A/B rounds; start time, heap
#   heap   whether 100,000 answers are served within a 1 GiB heap (BIG=100000 to change, BIG=0 to skip)
#   search /api/search requests/s from the same server
# Prints a Markdown table for bench/README.md. Durable signups/s: bench/signups.sh.
#
# usage: bench/run.sh [answers] [seconds per wrk round] [rounds]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bench/wrk.sh"
answers="${1:-10000}"
seconds="${2:-10}"
rounds="${3:-3}"
big="${BIG:-100000}"
port_al=18490
port_ng=18491
work="$(mktemp -d)"
chmod 755 "$work"   # nginx's workers run as another user
trap 'kill $(jobs -p) 2>/dev/null || true; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"' EXIT

for port in "$port_al" "$port_ng"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use: stop what listens there first" >&2; exit 1
  fi
done
missing=()
for tool in nginx:nginx-light hugo:hugo wrk:wrk hyperfine:hyperfine /usr/bin/time:time; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool##*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
"$root/bin/answerline" --version >/dev/null   # builds the jar when needed
jar="$root/target/answerline.jar"
java -jar "$jar" bench-site --answers "$answers" --out "$work/site" >/dev/null
cp -r "$root/bench/hugo" "$work/hugo"
mkdir -p "$work/hugo/content"
cp -r "$work/site/answers" "$work/hugo/content/answers"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "== build: $answers answers" >&2
# each run starts from an empty output folder; removing the last one is not timed. Hugo compresses nothing;
# the build with .gz twins (what nginx's gzip_static takes) is the export nginx serves below
hyperfine --style basic --warmup 1 --runs 3 --export-json "$work/build.json" \
  --prepare "rm -rf $work/out" --prepare "rm -rf $work/out-gz" --prepare "rm -rf $work/public" \
  -n answerline "$root/bin/answerline build --site $work/site --out $work/out --data $work/no-data" \
  -n "answerline --gzip" "$root/bin/answerline build --gzip --site $work/site --out $work/out-gz --data $work/no-data" \
  -n hugo "hugo --quiet --source $work/hugo -d $work/public" >&2
read -r al_build al_gz_build hugo_build < <(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'];
print(' '.join('%.2f' % x['median'] for x in r))" "$work/build.json")
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
al_peak=$(( $(peak "$root/bin/answerline" build --site "$work/site" --out "$work/out2" --data "$work/no-data") / 1024 ))
hugo_peak=$(( $(peak hugo --quiet --source "$work/hugo" -d "$work/public2") / 1024 ))
rm -rf "$work/out2" "$work/public2"

echo "== serve" >&2
serve_site() { # $1: log file; starts serve on the site and its data folder, sets al_pid and waited_ms
  local start
  start=$(date +%s%N)
  java -jar "$jar" serve --site "$work/site" --data "$work/data" --port "$port_al" >"$1" 2>&1 &
  al_pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port_al/answers"; do
    kill -0 "$al_pid" 2>/dev/null || { echo "answerline serve stopped:"; tail -5 "$1"; exit 1; }
    sleep 0.05
  done
  waited_ms=$(( ($(date +%s%N) - start) / 1000000 ))
}
serve_site "$work/serve.log"
al_start=$waited_ms
sed -e "s|WORK|$work|g" -e "s|ROOT|$work/out-gz|g" -e "s|PORT|$port_ng|g" "$root/bench/nginx.conf" >"$work/nginx.conf"
mkdir -p "$work/nginx-body"
nginx -c "$work/nginx.conf" -p "$work"
until curl -sf -o /dev/null "http://127.0.0.1:$port_ng/answers"; do sleep 0.05; done
ls "$work/site/answers" | sed -e 's|\.md$||' -e 's|^|/answers/|' >"$work/pages.txt"

round() { # $1: port, $2: paths file; prints requests/s and p99 ms
  wrk_rate -t1 -c32 -d"${seconds}s" -s "$root/bench/paths.lua" "http://127.0.0.1:$1" -- "$2"
}
for port in "$port_ng" "$port_al"; do   # warm-up: page cache, JIT
  wrk -t1 -c32 -d3s -s "$root/bench/paths.lua" "http://127.0.0.1:$port" -- "$work/pages.txt" >/dev/null
done
: >"$work/ng.txt"; : >"$work/al.txt"
for i in $(seq 1 "$rounds"); do
  round "$port_ng" "$work/pages.txt" >>"$work/ng.txt"
  round "$port_al" "$work/pages.txt" >>"$work/al.txt"
  echo "  round $i: nginx $(tail -1 "$work/ng.txt"), answerline $(tail -1 "$work/al.txt")" >&2
done
ng_rps=$(cut -d' ' -f1 "$work/ng.txt" | median); ng_p99=$(cut -d' ' -f2 "$work/ng.txt" | median)
al_rps=$(cut -d' ' -f1 "$work/al.txt" | median); al_p99=$(cut -d' ' -f2 "$work/al.txt" | median)

perl -ne 'chomp; next unless length; s/([^A-Za-z0-9_.~-])/sprintf("%%%02X", ord($1))/ge;
  print "/api/search?limit=10&q=$_\n"' "$root/bench/queries.txt" >"$work/searches.txt"
wrk -t1 -c32 -d3s -s "$root/bench/paths.lua" "http://127.0.0.1:$port_al" -- "$work/searches.txt" >/dev/null
read -r search_rps search_p99 < <(round "$port_al" "$work/searches.txt")

heap_used() { # MiB of live heap after a full collection
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K", "", v);
    printf "%d", v / 1024; exit } }'
}
al_heap=$(heap_used "$al_pid")
kill "$al_pid"; wait "$al_pid" 2>/dev/null || true

# a restart of the same site on the same data folder with nothing changed: the pages come from the page
# snapshot of the first start, and the site loads and is indexed after the start; also timed: the first search
search_ready() { # ms from $1 (date +%s%N) until /api/search answers 200
  until curl -sf -o /dev/null "http://127.0.0.1:$port_al/api/search?q=calves"; do sleep 0.05; done
  echo $(( ($(date +%s%N) - $1) / 1000000 ))
}
restart_start=$(date +%s%N)
serve_site "$work/serve2.log"
al_restart=$waited_ms
al_restart_search=$(search_ready "$restart_start")
kill "$al_pid"; wait "$al_pid" 2>/dev/null || true
# a build with the data folder, before the edit: it leaves its state for the build after the edit (not timed)
"$root/bin/answerline" build --site "$work/site" --out "$work/out3" --data "$work/data" >/dev/null 2>"$work/build3.err"
# one answer's body edited: no snapshot holds, the encodings of the unchanged pages come from the compression cache
first=$(find "$work/site/answers" -name "*.md" -printf "%f\n" -quit)   # not ls | head: a pipe cut short fails with pipefail
printf '\nOne more sentence, edited for the warm build.\n' >>"$work/site/answers/$first"
serve_site "$work/serve3.log"
al_restart_edited=$waited_ms
kill "$al_pid"; wait "$al_pid" 2>/dev/null || true
# a build after that edit into the same folder, with the same data folder: only that answer is parsed, and
# only the pages the edit touched are rendered and written
start=$(date +%s%N)
"$root/bin/answerline" build --site "$work/site" --out "$work/out3" --data "$work/data" >/dev/null 2>"$work/build3.err"
al_warm_build=$(( ($(date +%s%N) - start) / 1000000 ))
rm -rf "$work/out3"

big_result="not measured (BIG=0)"
big_label=$([ "$big" -gt 0 ] && echo "$big" || echo "100000")
if [ "$big" -gt 0 ]; then
  echo "== heap: $big answers in 1 GiB" >&2
  java -jar "$jar" bench-site --answers "$big" --out "$work/big" >/dev/null
  start=$(date +%s%N)
  java -Xmx1g -jar "$jar" serve --site "$work/big" --data "$work/data-big" --port "$port_al" >"$work/big.log" 2>&1 &
  big_pid=$!
  big_result="did not start within 1 GiB"
  while kill -0 "$big_pid" 2>/dev/null; do
    if curl -sf -o /dev/null "http://127.0.0.1:$port_al/answers/$(ls "$work/big/answers" | head -1 | sed 's/\.md$//')"; then
      started_in=$(( ($(date +%s%N) - start) / 1000 / 1000 / 1000 ))
      # serving under load, not only starting, has to fit: one wrk round over all its answers
      ls "$work/big/answers" | sed -e 's|\.md$||' -e 's|^|/answers/|' >"$work/big-pages.txt"
      read -r big_rps big_p99 < <(round "$port_al" "$work/big-pages.txt")
      if kill -0 "$big_pid" 2>/dev/null; then
        big_result="started in $started_in s; $big_rps pages/s (p99 $big_p99 ms); $(heap_used "$big_pid") MiB live after"
        # stopped as a service manager does (SIGTERM: the page snapshot is finished), then started again
        kill "$big_pid"; wait "$big_pid" 2>/dev/null || true
        start=$(date +%s%N)
        java -Xmx1g -jar "$jar" serve --site "$work/big" --data "$work/data-big" --port "$port_al" >"$work/big2.log" 2>&1 &
        big_pid=$!
        until curl -sf -o /dev/null "http://127.0.0.1:$port_al/answers/$(find "$work/big/answers" -name "*.md" -printf "%f\n" -quit | sed 's/\.md$//')"; do
          kill -0 "$big_pid" 2>/dev/null || break
          sleep 0.1
        done
        big_restart=$(( ($(date +%s%N) - start) / 1000000 ))
        big_search=$(search_ready "$start")
        big_result="$big_result; restarted with nothing changed: first page after $big_restart ms, first search after $big_search ms"
      else
        big_result="started in $started_in s, then stopped under load"
      fi
      break
    fi
    sleep 1
  done
  grep -m1 -o 'OutOfMemoryError.*' "$work/big.log" >&2 || true
  kill "$big_pid" 2>/dev/null || true; wait "$big_pid" 2>/dev/null || true
fi

cores=$(nproc); date=$(date -u +%Y-%m-%d)
cat <<TABLE

Measured by \`bench/run.sh $answers $seconds $rounds\` on $cores cores ($(uname -m), $(java -version 2>&1 | head -1)), $date.

| what | Answerline | reference | ratio | goal |
|---|---|---|---|---|
| build $answers answers, wall (median of 3) | $al_build s | Hugo $(hugo version | awk '{print $2}'): $hugo_build s | $(ratio "$al_build" "$hugo_build") | ≤ 0.33 |
| build with \`--gzip\` (.gz twins), wall (median of 3) | $al_gz_build s | Hugo: $hugo_build s | $(ratio "$al_gz_build" "$hugo_build") | reported |
| build, peak memory (RSS) | $al_peak MiB | Hugo: $hugo_peak MiB | $(ratio "$al_peak" "$hugo_peak") | reported |
| serve answer pages, requests/s (median of $rounds) | $al_rps | nginx $(nginx -v 2>&1 | sed 's|.*/||') on the export: $ng_rps | $(ratio "$al_rps" "$ng_rps") | ≥ 1 |
| serve, p99 latency | $al_p99 ms | nginx: $ng_p99 ms | $(ratio "$al_p99" "$ng_p99") | ≤ 1.5 |
| serve, start to first page | $al_start ms | | | reported |
| serve, restart with nothing changed (page snapshot), to first page | $al_restart ms | first start: $al_start ms | $(ratio "$al_restart" "$al_start") | ≤ 3000 ms |
| serve, the same restart, to first search answered | $al_restart_search ms | | | reported |
| serve, restart after editing one answer (compression cache warm) | $al_restart_edited ms | first start: $al_start ms | $(ratio "$al_restart_edited" "$al_start") | reported |
| build after editing one answer, into the folder of the build before | $al_warm_build ms | | | < 1000 |
| serve, live heap ($answers answers) | $al_heap MiB | | | reported |
| serve ${big_label} answers with -Xmx1g | $big_result | | | fits |
| /api/search?limit=10, requests/s | $search_rps (p99 $search_p99 ms) | answer pages: $al_rps | $(ratio "$search_rps" "$al_rps") | reported |
TABLE
