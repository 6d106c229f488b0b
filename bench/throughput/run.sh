#!/usr/bin/env bash
# Flowyard beside Node-RED and n8n, in one sitting, with the reference harness (../shared/bench-anchors):
# builds the server, seeds a fresh data folder through the API (admin sign-in, an API key, an
# endpoint to the harness's target, flows run1 and run5 behind HTTP triggers), measures them with
# the harness's run-custom.sh (wrk with the API key, persistence checked after every measurement),
# then run-nodered.sh and run-n8n.sh, and writes the medians and ratios into bench/README.md.
#
#   bench/throughput/run.sh
# The systems take turns (ROUNDS rounds of flowyard, node-red, n8n, each restarted, REPEATS wrk
# runs per scenario and concurrency each time), so the shared box's noise falls on all of them.
# env: HARNESS (a writable copy of bench-anchors; default bench/.work/harness, copied and set up
#      on first use), ROUNDS=3 REPEATS=1 DURATION=20 CONCS="1 16" SCENARIOS="run1 run5"
#      SYSTEMS="flowyard node-red n8n" FY_PORT=3900 WRITE_README=1
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
WORK=$REPO/bench/.work/throughput
ANCHORS=${BENCH_ANCHORS:-$REPO/../shared/bench-anchors}
HARNESS=${HARNESS:-$REPO/bench/.work/harness}
export REPEATS=${REPEATS:-1} DURATION=${DURATION:-20} CONCS=${CONCS:-"1 16"}
ROUNDS=${ROUNDS:-3}
SCENARIOS=${SCENARIOS:-"run1 run5"}
SYSTEMS=${SYSTEMS:-"flowyard node-red n8n"}
FY_PORT=${FY_PORT:-3900}
# The V8 flags apps/server's `start` script runs the server with: a young generation of 8 MB
# semi-spaces rather than 16, and an old generation collected once it has grown by 60% (V8's own
# factor lets a busy server carry some 90 MB of dead records before it looks; live data is ~25 MB).
FY_NODE_FLAGS=$(node -e 'const s=require(process.argv[1]).scripts.start; console.log(s.replace(/^node\s+/, "").replace(/\s*dist\/main\.js$/, ""))' "$REPO/apps/server/package.json")
TARGET_PORT=${TARGET_PORT:-18080}; export TARGET_PORT
mkdir -p "$WORK"
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

if [ ! -d "$HARNESS" ]; then
  log "copying the harness from $ANCHORS to $HARNESS"
  cp -r "$ANCHORS" "$HARNESS"; chmod -R u+w "$HARNESS"
fi
(cd "$HARNESS" && ./setup.sh >&2)
export RESULTS=${RESULTS:-$HARNESS/results/results.jsonl}
export FY_CHECKS=$WORK/persisted-checks.jsonl FY_BENCH=$HERE

MAIN=$(node "$HERE/build-server.mjs")
log "server: $MAIN"

# --- seed a fresh data folder through the API -------------------------------------------------
DATA=$(mktemp -d "$WORK/data-XXXXXX")
ADMIN_PASSWORD="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
FY_ENV="PORT=$FY_PORT HOST=127.0.0.1 NODE_ENV=production FLOWYARD_DATA_DIR=$DATA FLOWYARD_ADMIN_PASSWORD=$ADMIN_PASSWORD FLOWYARD_PUBLIC_URL=http://127.0.0.1:$FY_PORT"
node "$HARNESS/lib/target.js" "$TARGET_PORT" > "$WORK/seed-target.log" 2>&1 &
SEED_TARGET_PID=$!
env $FY_ENV node "$MAIN" > "$WORK/seed-server.log" 2>&1 &
SEED_PID=$!
trap 'kill $SEED_PID $SEED_TARGET_PID 2>/dev/null || true' EXIT
for i in $(seq 1 300); do curl -sf "http://127.0.0.1:$FY_PORT/healthz" >/dev/null && break; sleep 0.2; done
FY_URL=http://127.0.0.1:$FY_PORT ADMIN_PASSWORD=$ADMIN_PASSWORD TARGET_URL=http://127.0.0.1:$TARGET_PORT/ \
  node "$HERE/seed.mjs" $SCENARIOS > "$WORK/seed.env"
kill $SEED_PID $SEED_TARGET_PID; wait $SEED_PID $SEED_TARGET_PID 2>/dev/null || true
trap - EXIT
# FLOWYARD_API_KEY, FY_FLOWS ("run1=<flowId>:<records per run> ..."), FY_PAIRS ("run1=<url> ...")
. "$WORK/seed.env"
export FLOWYARD_API_KEY FY_FLOWS FY_DB=$DATA/flowyard.db

SINCE=$(date -Is)
log "sitting starts $SINCE (load $(cut -d' ' -f1-3 /proc/loadavg))"
bash "$HERE/harness-overlay.sh" "$HARNESS" "$WORK/harness-overlay"
for round in $(seq 1 "$ROUNDS"); do
  for system in $SYSTEMS; do
    log "round $round/$ROUNDS: $system (load $(cut -d' ' -f1-3 /proc/loadavg))"
    case $system in
      flowyard) "$WORK/harness-overlay/run-custom.sh" flowyard "env $FY_ENV node $FY_NODE_FLAGS $MAIN" "$FY_PAIRS" ;;
      node-red) SCENARIOS="$SCENARIOS" "$HARNESS/run-nodered.sh" ;;
      n8n) SCENARIOS="$SCENARIOS" "$HARNESS/run-n8n.sh" ;;
      *) echo "unknown system $system" >&2; exit 1 ;;
    esac
  done
done
log "sitting ends (load $(cut -d' ' -f1-3 /proc/loadavg))"

STAMP=$(date +%Y%m%dT%H%M%S)
node "$HARNESS/report.js" "$RESULTS" --since "$SINCE" > "$WORK/report-$STAMP.md"
readme_args=()
[ "${WRITE_README:-1}" = 1 ] && readme_args=(--readme "$REPO/bench/README.md")
node "$HERE/summarize.mjs" --results "$RESULTS" --since "$SINCE" --checks "$FY_CHECKS" \
  --command "ROUNDS=$ROUNDS REPEATS=$REPEATS DURATION=$DURATION CONCS=\"$CONCS\" bench/throughput/run.sh" "${readme_args[@]}" | tee "$WORK/summary-$STAMP.md"
log "raw table: $WORK/report-$STAMP.md; data folder: $DATA"
