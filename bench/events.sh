#!/usr/bin/env bash
# Insight events per second, on SQLite and on PostgreSQL, each next to a reference measured in the same run:
# the raw rate of durable one-row commits on the same database (sqlite3 with WAL and synchronous=FULL;
# pgbench with one INSERT per transaction), which is what counting one event per insert would get.
# The events are page views, each from a browser of its own (a new visitor: the most a view costs) over
# every answer of the demo; after the run serve is stopped with SIGTERM and the views in the database are
# compared with the pages wrk had answered: none may be missing.
#
# usage: bench/events.sh [seconds]     (default 15 s per database; needs wrk, sqlite3, pgbench)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bench/wrk.sh"
seconds="${1:-15}"
connections=32
port=18481
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

for tool in wrk sqlite3 pgbench; do
  if ! command -v "$tool" >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk sqlite3 postgresql-client >/dev/null
    break
  fi
done
"$root/bin/answerline" --version >/dev/null   # builds the jar when needed
for f in "$root"/demo/answers/*.md; do echo "/answers/$(basename "$f" .md)"; done >"$work/pages.txt"

pg="jdbc:postgresql://127.0.0.1:5432/test"
schema="bench_events_$$"
psql -h 127.0.0.1 -d test -qc "CREATE SCHEMA $schema" >/dev/null

run() { # $1: extra serve options, $2: a command printing the views in the database; prints "events/s p99 answered stored"
  java -jar "$root/target/answerline.jar" serve --site "$root/demo" --data "$work/data" --port "$port" $1 \
    >"$work/serve.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 150); do curl -sf -o /dev/null "http://127.0.0.1:$port/robots.txt" && break; sleep 0.2; done
  local out
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" -s "$root/bench/views.lua" "http://127.0.0.1:$port" -- "$work/pages.txt" \
    | grep '^RESULT')
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  local answered rate p99
  answered=$(echo "$out" | sed 's/.*requests=\([0-9]*\).*/\1/')
  rate=$(echo "$out" | awk '{split($2,r,"=");split($5,s,"="); printf "%.0f", r[2] / s[2]}')
  p99=$(echo "$out" | sed 's/.*p99ms=\([0-9.]*\).*/\1/')
  echo "$rate $p99 $answered $(eval "$2")"
}

# --- SQLite
read -r sqlite_rate sqlite_p99 sqlite_answered sqlite_stored < <(run "" \
  "sqlite3 $work/data/answerline.db 'SELECT SUM(views) FROM insight_day'")
sqlite3 "$work/ref.db" "PRAGMA journal_mode=WAL;" >/dev/null
{
  echo "PRAGMA synchronous=FULL; CREATE TABLE ref (day TEXT, path TEXT, hash INTEGER);"
  for i in $(seq 1 3000); do echo "BEGIN IMMEDIATE; INSERT INTO ref VALUES ('2026-11-30', '/answers/x', $i); COMMIT;"; done
} >"$work/ref.sql"
start=$(date +%s.%N); sqlite3 "$work/ref.db" <"$work/ref.sql"; end=$(date +%s.%N)
sqlite_ref=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", 3000 / (e - s) }')

# --- PostgreSQL
read -r pg_rate pg_p99 pg_answered pg_stored < <(run "--db $pg?currentSchema=$schema" \
  "psql -h 127.0.0.1 -d test -tAc 'SELECT SUM(views) FROM $schema.insight_day'")
psql -h 127.0.0.1 -d test -qc "CREATE TABLE $schema.ref (day VARCHAR(10), path VARCHAR(512), hash BIGINT)"
echo "INSERT INTO $schema.ref VALUES ('2026-11-30', '/answers/x', (random() * 1e15)::bigint);" >"$work/ref.pgbench"
pg_ref=$(pgbench -h 127.0.0.1 -n -c 16 -j 2 -T "$seconds" -f "$work/ref.pgbench" test 2>/dev/null \
  | awk '/^tps/ { printf "%.0f", $3 }')
psql -h 127.0.0.1 -d test -qc "DROP SCHEMA $schema CASCADE" >/dev/null

echo
echo "Insight events per second: page views, each a new visitor ($connections connections, ${seconds} s, $(nproc) cores, $(date -u +%Y-%m-%d))"
echo
echo "| database | views/s counted | p99 latency | answered by serve | in the database after SIGTERM | reference: raw durable inserts/s | ratio |"
echo "|---|---|---|---|---|---|---|"
echo "| SQLite (WAL, synchronous=FULL) | $sqlite_rate | ${sqlite_p99} ms | $sqlite_answered | $sqlite_stored | $sqlite_ref (sqlite3, 1 writer) | $(ratio "$sqlite_rate" "$sqlite_ref") |"
echo "| PostgreSQL 15 | $pg_rate | ${pg_p99} ms | $pg_answered | $pg_stored | $pg_ref (pgbench, 16 clients) | $(ratio "$pg_rate" "$pg_ref") |"
if [ "$sqlite_stored" -lt "$sqlite_answered" ] || [ "$pg_stored" -lt "$pg_answered" ]; then
  echo "views were lost: the database has fewer than serve answered" >&2
  exit 1
fi
