-- wrk script for run_queries.sh: GET /search for each query of the mix in turn.
-- Usage: wrk ... -s wrk-queries.lua http://127.0.0.1:PORT -- QUERY_FILE [PATH_PREFIX]
-- PATH_PREFIX defaults to "/search?limit=10&q="; "/suggest?q=" sends each line to /suggest.
-- Lines that are blank or start with # are skipped, as bench_query_latency skips them.
-- Each wrk thread starts at a different query so that threads do not move in lockstep.

local paths = {}
local next_path = 1
local threads = 0

-- Runs in the main Lua state, once per thread: numbers the threads.
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

local function url_encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot read the query file " .. tostring(args[1]))
  for line in file:lines() do
    line = line:gsub("\r$", "")
    if line ~= "" and line:sub(1, 1) ~= "#" then
      paths[#paths + 1] = (args[2] or "/search?limit=10&q=") .. url_encode(line)
    end
  end
  file:close()
  assert(#paths > 0, "no queries in " .. args[1])
  next_path = ((thread_number or 1) - 1) * math.floor(#paths / 2 + 1) % #paths + 1
end

function request()
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path)
end
