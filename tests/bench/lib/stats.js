/** Percentiles of measured times, in milliseconds. */

const round = (ms) => Math.round(ms * 100) / 100;

/** The p-th percentile (0..100) of sorted values, by linear interpolation between closest ranks. */
const percentile = (sorted, p) => {
  if (!sorted.length) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
};

/** { n, p50, p95, p99, mean, min, max } of a list of times. */
const summarize = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, t) => sum + t, 0) / (sorted.length || 1);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(mean),
    min: round(sorted[0] ?? NaN),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
};

/** a ÷ b on the medians, two decimals. */
const ratio = (a, b) => Math.round((a.p50 / b.p50) * 100) / 100;

module.exports = { percentile, summarize, ratio, round };
