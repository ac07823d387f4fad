-- wrk script: residents reporting through POST /api/v1/reports.
-- Arguments: <mode> [requests per second per connection]
--   varied  every report at its own place, kind of behaviour and day in Bedford (the usual mix);
--   same    every report about one place, kind and day at once (a burst about one incident);
-- with a rate, each connection waits between reports so that all of them together keep that pace.
local mode, pace = "varied", 0
local counter = 0
local categories = { "NOISE", "ROWDY", "NEIGHBOUR", "FLY_TIPPING", "GRAFFITI_DAMAGE", "VEHICLE_NUISANCE",
    "STREET_DRINKING", "DRUGS", "INTIMIDATION", "BEGGING", "FIREWORKS", "ANIMAL", "TRESPASS", "ABANDONED_VEHICLE" }

-- Each thread's number (a global of its own Lua state, set before init), so that no two threads
-- send the same reports.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  mode = args[1] or "varied"
  pace = tonumber(args[2] or "0")
  math.randomseed(os.time() * 1000 + thread_id * 7919)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

local function body()
  counter = counter + 1
  local category, lat, lon, day, place
  if mode == "same" then
    category, lat, lon, day, place = "FIREWORKS", 52.1352, -0.4660, "2026-11-05", "Outside the Corn Exchange, St Paul's Square"
  else
    category = categories[math.random(#categories)]
    lat = 52.120 + math.random() * 0.035
    lon = -0.500 + math.random() * 0.060
    day = string.format("2026-%02d-%02d", math.random(1, 11), math.random(1, 28))
    place = string.format("Benchmark place %d-%d", thread_id, counter)
  end
  return string.format([[{"categoryCode":"%s","description":"Benchmark report %d-%d: loud and going on for hours","occurredAt":"%sT21:30","stillHappening":true,"location":{"description":"%s","latitude":%.6f,"longitude":%.6f},"anonymous":true,"reporter":{"role":"WITNESS"},"risk":{"happenedBefore":"NO","targetedForIdentity":false,"impact":"NONE","feelsUnsafeAtHome":false,"vulnerablePeopleAffected":false,"youngPeopleInvolved":"NO"},"consentToShare":true}]],
    category, thread_id, counter, day, place, lat, lon)
end

function request()
  return wrk.format(nil, "/api/v1/reports", nil, body())
end

function delay()
  if pace > 0 then
    -- Exponential gaps: arrivals as residents make them, at the given mean rate per connection.
    return math.floor(-math.log(1 - math.random()) * 1000 / pace)
  end
  return 0
end

done = dofile(os.getenv("BENCH_DIR") .. "/summary.lua")
