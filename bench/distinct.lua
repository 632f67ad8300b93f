-- wrk script: /api/search with a query made afresh for each request, two to four words drawn from the words
-- of a file (bench/queries.txt), so that nearly every query is one the server has not seen: what a cache of
-- results cannot help with, and what a flood of distinct queries costs.
-- usage: wrk ... -s bench/distinct.lua URL -- FILE
local words = {}

function init(args)
  local seen = {}
  for line in io.lines(args[1]) do
    for word in line:gmatch("[%a]+") do
      word = word:lower()
      if not seen[word] then
        seen[word] = true
        words[#words + 1] = word
      end
    end
  end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

request = function()
  local n = math.random(2, 4)
  local query = {}
  for i = 1, n do
    query[i] = words[math.random(1, #words)]
  end
  return wrk.format("GET", "/api/search?limit=10&q=" .. table.concat(query, "%20"), { ["Accept-Encoding"] = "gzip, br",
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" })
end

dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "result.lua")
