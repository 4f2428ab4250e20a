-- wrk script for docs/benchmarks/intake-closed-loop.sh: POST /api/v1/tickets with a requester out of 5,000
-- (the first calls create customers, later ones find them), like IntakeLoadBenchmark's bodies.
local counter = 0
local threads = 0
function setup(thread) thread:set("id", threads); threads = threads + 1 end
request = function()
  counter = counter + 1
  local i = counter * 16 + id
  local body = string.format('{"subject":"订单 %d 还没发货 / order not shipped","body":"你好，我的订单三天了还没有发货，请帮忙查一下。Order placed three days ago.","requester":{"email":"load-%d@example.cn","name":"压测客户 %d"},"channel":"API","tags":["物流"]}', i, i % 5000, i % 5000)
  return wrk.format("POST", "/api/v1/tickets", {["Authorization"] = "Bearer " .. os.getenv("TOKEN"), ["Content-Type"] = "application/json"}, body)
end
