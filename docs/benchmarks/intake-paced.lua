-- wrk script for docs/benchmarks/intake-closed-loop.sh, paced run: like intake-post.lua, but each connection waits
-- THINK_MS after every answer, so that C connections offer about C / (THINK_MS + latency) tickets a second, the way
-- many customers' systems each posting now and then do (wrk measures latency from the sending of each request).
dofile("docs/benchmarks/intake-post.lua")
local think = tonumber(os.getenv("THINK_MS") or "0")
function delay() return think end
