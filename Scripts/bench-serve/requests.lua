-- wrk's requests for `Scripts/bench serve`. BENCH_TARGET picks what each request asks:
--   obligations  GET /api/v1/me/obligations (the unit's open obligations, first page)
--   case         GET /api/v1/cases/{number}, a random case of unit U01 (cases 300m + r, r < 10: Scripts/bench)
--   healthz      GET /healthz (one pooled trivial query; no token)
--   tokens       POST /api/v1/tokens (a sign-in; bcrypt at the accounts' cost)
-- BENCH_TOKEN is the unit's bearer token; BENCH_LOGIN/BENCH_PASSWORD sign in for `tokens`.
local target = os.getenv("BENCH_TARGET") or "obligations"
local token = os.getenv("BENCH_TOKEN") or ""
if target ~= "healthz" and target ~= "tokens" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
wrk.headers["Content-Type"] = "application/json"
local signIn = string.format('{"login": "%s", "password": "%s"}', os.getenv("BENCH_LOGIN") or "", os.getenv("BENCH_PASSWORD") or "")

local thread_seed = 0
setup = function(thread)
  thread_seed = thread_seed + 1
  thread:set("seed", thread_seed)
end

init = function()
  math.randomseed(os.time() * 100 + (seed or 0))
end

request = function()
  if target == "case" then
    return wrk.format("GET", string.format("/api/v1/cases/1-1-%07d", 300 * math.random(1, 3333) + math.random(0, 9)))
  elseif target == "tokens" then
    return wrk.format("POST", "/api/v1/tokens", nil, signIn)
  elseif target == "healthz" then
    return wrk.format("GET", "/healthz")
  end
  return wrk.format("GET", "/api/v1/me/obligations")
end

-- One machine-readable line: requests, requests/s, p50 ms, p99 ms, non-2xx answers, socket errors.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %.1f %.2f %.2f %d %d\n", summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
