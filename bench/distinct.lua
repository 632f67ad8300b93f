-- wrk script: /api/search with a query made afresh for each request, two to four words drawn from the words
-- of a file (bench/queries.txt), so that nearly every query is one the server has not seen: what a cache of
-- results cannot help with, and what a flood of distinct queries costs.
-- With a second file of paths (as bench/paths.lua reads), three requests in four are those paths in turn and
-- the fourth a query made afresh: readers repeating common searches while others type new ones.
-- usage: wrk ... -s bench/distinct.lua URL -- FILE [PATHS]
local words = {}
local paths = {}
local count = 0

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
  if args[2] then
    for line in io.lines(args[2]) do
      paths[#paths + 1] = line
    end
  end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

local agent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"

request = function()
  count = count + 1
  if #paths > 0 and count % 4 ~= 0 then
    return wrk.format("GET", paths[count % #paths + 1], { ["Accept-Encoding"] = "gzip, br", ["User-Agent"] = agent })
  end
  local n = math.random(2, 4)
  local query = {}
  for i = 1, n do
    query[i] = words[math.random(1, #words)]
  end
  return wrk.format("GET", "/api/search?limit=10&q=" .. table.concat(query, "%20"), { ["Accept-Encoding"] = "gzip, br",
    ["User-Agent"] = agent })
end

dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "result.lua")
