#!/usr/bin/env bash
# Durable newsletter signups per second, on SQLite and on PostgreSQL, each next to a reference measured in
# the same run: the raw rate of durable one-row commits on the same database (sqlite3 with WAL and
# synchronous=FULL; pgbench with one INSERT per transaction). A signup is one transaction of a locking
# read and three inserts (subscriber, token, outbox), answered only after its commit.
#
# usage: bench/signups.sh [seconds]     (default 15 s per measurement; needs wrk, sqlite3, pgbench)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bench/wrk.sh"
seconds="${1:-15}"
connections=16
port=18480
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

for tool in wrk sqlite3 pgbench; do
  if ! command -v "$tool" >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk sqlite3 postgresql-client >/dev/null
    break
  fi
done
"$root/bin/answerline" --version >/dev/null   # builds the jar when needed

pg="jdbc:postgresql://127.0.0.1:5432/test"
schema="bench_$$"
psql -h 127.0.0.1 -d test -qc "CREATE SCHEMA $schema" >/dev/null

serve() { # $1: extra options, $2: the signup limit (default none); waits until the server answers
  "$root/bin/answerline" serve --site "$root/demo" --data "$work/data" --port "$port" --signup-limit "${2:-0}" $1 \
    >"$work/serve.log" 2>&1 &
  for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && return; sleep 0.2; done
  echo "the server did not start:"; cat "$work/serve.log"; exit 1
}

signups() { # prints signups/s and p99 from wrk
  wrk -t2 -c"$connections" -d3s -s "$root/bench/signup.lua" "http://127.0.0.1:$port" >/dev/null   # warm-up
  wrk_rate -t2 -c"$connections" -d"${seconds}s" -s "$root/bench/signup.lua" "http://127.0.0.1:$port"
}

stop() { kill %1 2>/dev/null || true; wait 2>/dev/null || true; }

# --- SQLite
serve ""
read -r sqlite_rate sqlite_p99 < <(signups)
stop
sqlite3 "$work/ref.db" "PRAGMA journal_mode=WAL;" >/dev/null
{
  echo "PRAGMA synchronous=FULL; CREATE TABLE ref (id INTEGER PRIMARY KEY, email TEXT, at INTEGER);"
  for i in $(seq 1 3000); do echo "BEGIN IMMEDIATE; INSERT INTO ref (email, at) VALUES ('r$i@bench.example', $i); COMMIT;"; done
} >"$work/ref.sql"
start=$(date +%s.%N); sqlite3 "$work/ref.db" <"$work/ref.sql"; end=$(date +%s.%N)
sqlite_ref=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", 3000 / (e - s) }')

# --- PostgreSQL
serve "--db $pg?currentSchema=$schema"
read -r pg_rate pg_p99 < <(signups)
stop
# the signup limit that several nodes share lives in PostgreSQL: one upsert per signup, here all on one
# client's row (wrk sends from one address), the worst case, with a limit too high to refuse any
serve "--db $pg?currentSchema=$schema" "999999/1h"
read -r limited_rate limited_p99 < <(signups)
stop
psql -h 127.0.0.1 -d test -qc "CREATE TABLE $schema.ref (id BIGSERIAL PRIMARY KEY, email VARCHAR(254), at BIGINT)"
echo "INSERT INTO $schema.ref (email, at) VALUES ('r' || random() || '@bench.example', 1);" >"$work/ref.pgbench"
pg_ref=$(pgbench -h 127.0.0.1 -n -c "$connections" -j 2 -T "$seconds" -f "$work/ref.pgbench" test 2>/dev/null \
  | awk '/^tps/ { printf "%.0f", $3 }')
psql -h 127.0.0.1 -d test -qc "DROP SCHEMA $schema CASCADE" >/dev/null

echo
echo "Durable signups per second ($connections connections, ${seconds} s, $(nproc) cores, $(date -u +%Y-%m-%d))"
echo
echo "| database | signups/s | p99 latency | reference: raw durable commits/s | ratio |"
echo "|---|---|---|---|---|"
echo "| SQLite (WAL, synchronous=FULL) | $sqlite_rate | ${sqlite_p99} ms | $sqlite_ref (sqlite3, 1 writer) | $(ratio "$sqlite_rate" "$sqlite_ref") |"
echo "| PostgreSQL 15 | $pg_rate | ${pg_p99} ms | $pg_ref (pgbench, $connections clients) | $(ratio "$pg_rate" "$pg_ref") |"
echo "| PostgreSQL 15, shared signup limit on (one client: one hot row) | $limited_rate | ${limited_p99} ms | $pg_ref | $(ratio "$limited_rate" "$pg_ref") |"
