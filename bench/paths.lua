-- wrk script: GET requests spread over the paths listed in a file, one per line, gzip accepted, from a
-- browser's User-Agent, so that serve counts each page as a view (its insights are on, as in production).
-- usage: wrk ... -s bench/paths.lua URL -- FILE
local paths = {}
local next = 0

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  -- threads and runs start at different places, so that no run reads the same few pages over and over
  next = math.random(1, #paths)
end

request = function()
  next = next % #paths + 1
  return wrk.format("GET", paths[next], { ["Accept-Encoding"] = "gzip, br", ["User-Agent"] =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" })
end

-- the RESULT line bench/wrk.sh reads
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "result.lua")
