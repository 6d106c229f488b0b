-- The harness's lib/wrk-post.lua (same body, same JSON summary line) plus the API key the
-- HTTP trigger requires, sent as a header: Authorization: Bearer $FLOWYARD_API_KEY.
-- Env: WRK_METHOD (default POST), FLOWYARD_API_KEY (required)
wrk.method = os.getenv("WRK_METHOD") or "POST"
if wrk.method ~= "GET" then
  wrk.body = '{"hello":"world"}'
  wrk.headers["Content-Type"] = "application/json"
end
local key = os.getenv("FLOWYARD_API_KEY")
if key == nil or key == "" then
  io.stderr:write("FLOWYARD_API_KEY is not set\n")
  os.exit(1)
end
wrk.headers["Authorization"] = "Bearer " .. key
function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local errs = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    'WRKJSON {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"mean_ms":%.3f,"socket_errors":%d,"non2xx":%d}\n',
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000, errs, summary.errors.status))
end
