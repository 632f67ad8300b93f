-- wrk script: every request is a newsletter signup with an address never used before.
local counter = 0
local prefix = ""

function setup(thread)
  thread:set("prefix", "t" .. math.random(1, 1000000000))
end

function init(args)
  prefix = prefix ~= "" and prefix or ("t" .. math.random(1, 1000000000))
end

request = function()
  counter = counter + 1
  local body = "email=" .. prefix .. "-" .. counter .. "@bench.example&source=/"
  return wrk.format("POST", "/newsletter/subscribe", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/json"
  }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d non2xx=%d errors=%d seconds=%.3f p99ms=%.2f\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout, summary.duration / 1e6, latency:percentile(99) / 1000))
end
