#!/usr/bin/env bash
# Lighthouse 13 on an answer page of the demo site (or of the German demo, or of the test suite's site in a
# brand's own look: theme, fonts, nav, footer, stylesheet and an overridden template), mobile profile (Lighthouse's default: a mid-range phone on a
# slow 4G network, simulated), run against Debian's Chromium through CHROME_PATH: no browser download.
# Lighthouse 13 needs Node 22: it runs on the node binary of the npm package `node` pinned beside it in
# bench/lighthouse/, whatever Node the machine has. Chromium runs with WebMCP on (it is behind a flag), so
# that the Agentic Browsing category checks the forms' WebMCP annotations instead of skipping them.
# Prints the median of each category's score over the runs as a Markdown table for bench/README.md, and
# exits 1 when one is under 100: performance, accessibility, best practices, SEO and agentic browsing.
#
# usage: bench/lighthouse.sh [runs] [path] [demo|demo-de|themed]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
path="${2:-/answers/should-you-foam-roll-your-lumbar-spine}"
site="${3:-demo}"
port=18492
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
case "$site" in
  demo|demo-de) folder="$root/$site" ;;
  # as the tests make it (TestSites.themed): the small fixture with the themed one laid over it
  themed) folder="$work/themed"
          cp -r "$root/src/test/resources/sites/small" "$folder"
          cp -r "$root/src/test/resources/sites/themed/." "$folder/" ;;
  *) echo "usage: bench/lighthouse.sh [runs] [path] [demo|demo-de|themed]" >&2; exit 2 ;;
esac

if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
lighthouse="$root/bench/lighthouse/node_modules/.bin/lighthouse"
node22="$root/bench/lighthouse/node_modules/.bin/node"
if [ ! -x "$lighthouse" ] || [ ! -x "$node22" ]; then
  npm ci --prefix "$root/bench/lighthouse" --no-audit --no-fund >/dev/null
fi
"$root/bin/answerline" --version >/dev/null   # builds the jar when needed
java -jar "$root/target/answerline.jar" serve --site "$folder" --port "$port" --data "$work/data" >"$work/serve.log" 2>&1 &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port$path"; do
  kill -0 "$pid" 2>/dev/null || { echo "answerline serve stopped:"; tail -5 "$work/serve.log"; exit 1; }
  sleep 0.2
done

export CHROME_PATH=/usr/bin/chromium
for i in $(seq 1 "$runs"); do
  # a second try: Lighthouse now and then fails to record the trace of a load (NO_NAVSTART)
  for try in 1 2; do
    "$node22" "$lighthouse" "http://127.0.0.1:$port$path" --quiet \
      --output=json --output-path="$work/run-$i.json" \
      --only-categories=performance,accessibility,best-practices,seo,agentic-browsing \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --enable-features=WebMCPTesting" \
      && break
    [ "$try" = 2 ] && exit 1
  done
done

python3 - "$work" "$runs" "$path" "$site" <<'PY'
import json, statistics, subprocess, sys
work, runs, path, site = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
goals = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100, "agentic-browsing": 100}
reports = [json.load(open(f"{work}/run-{i}.json")) for i in range(1, runs + 1)]
version = reports[0]["lighthouseVersion"]
chromium = subprocess.run(["chromium", "--version"], capture_output=True, text=True).stdout.strip()
print(f"\nMeasured by `bench/lighthouse.sh {runs} {path} {site}` (Lighthouse {version}, mobile profile, {chromium}).\n")
print("| category | score (median of %d) | every run | goal |" % runs)
print("|---|---|---|---|")
failed = []
for category, goal in goals.items():
    scores = [round(r["categories"][category]["score"] * 100) for r in reports]
    median = statistics.median(scores)
    print(f"| {reports[0]['categories'][category]['title']} | {median:g} | {', '.join(map(str, scores))} | ≥ {goal} |")
    if median < goal:
        failed.append(category)
        for r in reports:
            if r["categories"][category]["score"] * 100 >= goal:
                continue
            for ref in r["categories"][category]["auditRefs"]:
                audit = r["audits"][ref["id"]]
                if ref["weight"] > 0 and audit.get("score") is not None and audit["score"] < 1:
                    print(f"  {category}: {audit['id']} scored {audit['score']}: {audit['title']}", file=sys.stderr)
# without WebMCP in the browser the agentic audits of the forms are skipped, and their 100 would say nothing
tools = sorted(item["tool"] for section in reports[0]["audits"]["webmcp-registered-tools"].get("details", {})
               .get("items", []) for item in section["value"]["items"])
print(f"\nWebMCP tools Chromium registered: {', '.join(tools) or 'none'}")
if "search_answers" not in tools or "subscribe_newsletter" not in tools:
    failed.append("webmcp (search_answers and subscribe_newsletter were not both registered)")
if failed:
    print("under the goal: " + ", ".join(failed), file=sys.stderr)
    sys.exit(1)
PY
