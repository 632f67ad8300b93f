-- wrk script: page views from browsers, each request from a browser of its own (a new visitor for the
-- insights counter: the most work a view can make), over the paths listed in a file.
-- usage: wrk ... -s bench/views.lua URL -- FILE
local paths = {}
local next = 0
local thread_id = 0
local counter = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
end

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  next = math.random(1, #paths)
end

request = function()
  next = next % #paths + 1
  counter = counter + 1
  local agent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0"
      .. " Safari/537.36 bench/" .. id .. "-" .. counter
  return wrk.format("GET", paths[next], { ["Accept-Encoding"] = "gzip, br", ["User-Agent"] = agent })
end

dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "result.lua")
