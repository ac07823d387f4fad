-- The one line every wrk run of the benchmark prints, read by the run script:
-- RESULT <requests> <requests/s> <p50 ms> <p95 ms> <p99 ms> <errors>
return function(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + e.status
  io.write(string.format("RESULT %d %.1f %.1f %.1f %.1f %d\n", summary.requests,
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
      latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
end
