#!/usr/bin/env bash
# Newsletter issues per second: `answerline newsletter send` (claims, one unsubscribe token per message,
# a commit per message, on SQLite) next to a bare Jakarta Mail loop sending the same number of messages of
# the same size over one connection (bench/BareSend.java), both to the same local SMTP sink that keeps
# nothing (bench/SmtpSink.java). Both rates are measured by the sink, from the first message to the last,
# so start-up and site loading are left out. The ratio is the cost of our bookkeeping.
#
# usage: bench/newsletter.sh [messages]     (default 5000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
messages="${1:-5000}"
port=18495
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "port $port is in use: stop what listens there first" >&2; exit 1
fi
"$root/bin/answerline" --version >/dev/null   # builds the jar when needed
jar="$root/target/answerline.jar"

java "$root/bench/SmtpSink.java" "$port" >"$work/sink.log" 2>&1 &
until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do sleep 0.2; done

cp -r "$root/demo" "$work/site"
mkdir -p "$work/site/newsletters"
{ echo "---"; echo "subject: Bench issue"; echo "---"; head -c 3000 "$root/docs/newsletter-sending.md"; echo; } \
  >"$work/site/newsletters/bench.md"
{ echo "email,status"; for i in $(seq 0 $((messages - 1))); do echo "reader$i@example.com,subscribed"; done; } \
  >"$work/list.csv"
java -jar "$jar" subscribers import "$work/list.csv" --source bench --data "$work/data" >/dev/null

sessions() { grep -c '^SESSION' "$work/sink.log" || true; }
ANSWERLINE_SMTP_HOST=127.0.0.1 ANSWERLINE_SMTP_PORT="$port" ANSWERLINE_SMTP_SECURITY=none \
  java -jar "$jar" newsletter send bench --site "$work/site" --data "$work/data" --rate 1000000/s >"$work/send.log"
until [ "$(sessions)" -ge 1 ]; do sleep 0.2; done
java -cp "$jar" "$root/bench/BareSend.java" 127.0.0.1 "$port" "$messages" "$work/site/newsletters/bench.md"
until [ "$(sessions)" -ge 2 ]; do sleep 0.2; done

read -r _ sent_ours ms_ours < <(grep '^SESSION' "$work/sink.log" | sed -n 1p)
read -r _ sent_bare ms_bare < <(grep '^SESSION' "$work/sink.log" | sed -n 2p)
ours=$(awk -v n="$sent_ours" -v ms="$ms_ours" 'BEGIN { printf "%.0f", n * 1000 / (ms > 0 ? ms : 1) }')
bare=$(awk -v n="$sent_bare" -v ms="$ms_bare" 'BEGIN { printf "%.0f", n * 1000 / (ms > 0 ? ms : 1) }')
echo "| what | messages | messages/s | ratio |"
echo "|---|---|---|---|"
echo "| \`newsletter send\` on SQLite, one connection | $sent_ours | $ours | $(awk -v a="$ours" -v b="$bare" 'BEGIN { printf "%.2f", a / b }') |"
echo "| bare Jakarta Mail loop, one connection | $sent_bare | $bare | 1 |"
