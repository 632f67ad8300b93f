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

-- the RESULT line bench/wrk.sh reads
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "result.lua")
