# Appended to a copy of the harness's lib/common.sh (see harness-overlay.sh), so the harness's own
# run-custom.sh measures Flowyard: the HTTP trigger needs an API key in a header, and after every
# measurement the records Flowyard persisted are checked against the answers wrk counted.
# Env: FLOWYARD_API_KEY, FY_BENCH (bench/throughput), FY_DB, FY_FLOWS, FY_CHECKS.

# The readiness probe, with the API key (the harness's sends no headers but the content type).
wait_http() { # url [method] [timeout_s]
  local url=$1 method=${2:-GET} t=${3:-120} i=0 code=
  while [ $i -lt $((t*5)) ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X "$method" -H 'content-type: application/json' \
      -H "Authorization: Bearer ${FLOWYARD_API_KEY:-}" -d '{}' --max-time 2 "$url" 2>/dev/null)
    [ "$code" = "200" ] && return 0
    sleep 0.2; i=$((i+1))
  done
  echo "timeout waiting for $url (last code $code)" >&2; return 1
}

# measure = the harness's measure, then the persistence check for that scenario.
eval "$(declare -f measure | sed '1s/^measure /harness_measure /')"
measure() {
  local scenario=$2 before line
  before=$(node "$FY_BENCH/check-persisted.mjs" count "$scenario") || return 1
  line=$(harness_measure "$@") || return 1
  echo "$line"
  node "$FY_BENCH/check-persisted.mjs" verify "$scenario" "$before" "$line" || true
}
