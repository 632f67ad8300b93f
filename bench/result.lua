-- The RESULT line bench/wrk.sh reads, for the wrk scripts here: dofile'd by each of them.
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d non2xx=%d errors=%d seconds=%.3f p99ms=%.2f\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout, summary.duration / 1e6, latency:percentile(99) / 1000))
end
