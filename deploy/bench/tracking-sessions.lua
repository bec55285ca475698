-- wrk script for deploy/bench/tracking: POST /api/v1/me/sessions for many people, each request a new session.
--   wrk -t2 -c64 -d30s --latency -s deploy/bench/tracking-sessions.lua http://127.0.0.1:8083 -- <people file> <run id>
-- The people file (written by TrackingBench.java) has one person a line: token, time zone, startedAt (within the
-- last hour, with the zone's offset). Session ids are <run id>-<thread>-<counter> in UUID form, so none repeats.

local threads = {}
local next_thread = 1

function setup(thread)
  thread:set("thread_id", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

local people = {}
local counter = 0
local run_id
errors = 0 -- global: done() reads it from each thread
local exercises = { "foam-roll-quads-rectus-femoris", "half-kneeling-hip-flexor-stretch", "glute-bridge-hold",
  "dead-bug", "supine-passive-hip-flexor-stretch", "bird-dog" }

function init(args)
  for line in io.lines(args[1]) do
    local token, zone, started = line:match("^(%S+) (%S+) (%S+)$")
    table.insert(people, { "Bearer " .. token, zone, started })
  end
  run_id = tonumber(args[2])
  math.randomseed(run_id + thread_id)
end

function request()
  counter = counter + 1
  local p = people[math.random(#people)]
  local id = string.format("%08x-%04x-4000-8000-%012x", run_id, thread_id, counter)
  local before = math.random(3, 7)
  local sides = ({ "left", "right", "both", "both", "both", "both", "both", "both", "both", "both" })[math.random(10)]
  local phases = math.random(4) == 1 and '"release","stretch"' or '"release","stretch","strengthen"'
  local body = '{"sessionId":"' .. id .. '","startedAt":"' .. p[3] .. '","timeZone":"' .. p[2] .. '","minutes":'
    .. math.random(12, 24) .. ',"phases":[' .. phases .. '],"exercises":["' .. exercises[math.random(#exercises)]
    .. '","' .. exercises[math.random(#exercises)] .. '"],"sides":"' .. sides .. '","painBefore":' .. before
    .. ',"painAfter":' .. math.max(0, before - math.random(0, 2)) .. '}'
  return wrk.format("POST", "/api/v1/me/sessions",
    { ["Authorization"] = p[1], ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status ~= 201 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("errors")
  end
  io.write(string.format("WRK %d %.3f %.3f %.3f %d\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, failed))
end
