#!/usr/bin/env bash
# Makes a Flowyard view of the harness: HARNESS's files linked into OVERLAY, except lib/wrk-post.lua
# (the copy that sends the API key) and lib/common.sh (the harness's + common-flowyard.sh).
# OVERLAY/run-custom.sh is then the harness's own script, run with PA=OVERLAY.
#   harness-overlay.sh HARNESS OVERLAY
set -eu
HARNESS=$(cd "$1" && pwd) OVERLAY=$2 HERE=$(cd "$(dirname "$0")" && pwd)
rm -rf "$OVERLAY"; mkdir -p "$OVERLAY/lib" "$OVERLAY/logs" "$OVERLAY/results"
for f in run-custom.sh report.js; do ln -s "$HARNESS/$f" "$OVERLAY/$f"; done
for f in "$HARNESS"/lib/*; do ln -s "$f" "$OVERLAY/lib/$(basename "$f")"; done
rm "$OVERLAY/lib/wrk-post.lua" "$OVERLAY/lib/common.sh"
cp "$HERE/wrk-post-auth.lua" "$OVERLAY/lib/wrk-post.lua"
{ cat "$HARNESS/lib/common.sh"; echo; cat "$HERE/common-flowyard.sh"; } > "$OVERLAY/lib/common.sh"
