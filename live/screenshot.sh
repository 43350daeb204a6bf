#!/usr/bin/env bash
# Renders the live wallboard in headless Chromium mid-run and saves a PNG.
#   live/screenshot.sh [BINARY] [SCENARIO] [OUT.png]
# Starts `callsim live` on a free loopback port at 900x speed from 05:00 of the second day
# (the morning peak builds while it runs), adds agents to a group through POST /control so
# the change log shows, waits, screenshots the page with Debian's chromium (installed with
# apt-get when missing) and stops the server with SIGINT.
set -euo pipefail
BIN=${1:-.build/release/callsim}
SCENARIO=${2:-Scenarios/seoul-120/split.yaml}
OUT=${3:-docs/live-wallboard.png}
SPEED=${SPEED:-900}
WAIT=${WAIT:-30}
START=${START:-1d5h}

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing chromium with apt-get"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi

work=$(mktemp -d)
trap 'kill -INT "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
"$BIN" live "$SCENARIO" --speed "$SPEED" --start-at "$START" --port 0 --quiet --out "$work/results" >"$work/out.txt" 2>"$work/err.txt" &
pid=$!
for _ in $(seq 1 100); do
  grep -q "Wallboard:" "$work/out.txt" 2>/dev/null && break
  sleep 0.1
done
url=$(grep -o 'http://[^ ]*/' "$work/out.txt" | head -1)
[ -n "$url" ] || { cat "$work/err.txt"; echo "callsim live did not start" >&2; exit 1; }
echo "wallboard at $url"
# A what-if halfway: more agents for the general team.
sleep "$((WAIT / 2))"
curl -s -X POST "${url}control" -H 'Content-Type: application/json' -d '{"action":"add_agents","group":"general_team","agents":10}'; echo
sleep "$((WAIT / 2))"
# ?snapshot: the page shows the state built into it and opens no event stream, so the page
# load ends (the plain address works too without --virtual-time-budget).
timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1600,1000 \
  --virtual-time-budget=3000 --screenshot="$OUT" "${url}?snapshot" 2>/dev/null || true
[ -s "$OUT" ] || { echo "no screenshot written" >&2; exit 1; }
echo "saved $OUT"
