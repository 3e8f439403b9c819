// Percentiles, medians and the growth exponent.

/** The p-th percentile (0..100) by nearest rank; undefined for no samples. */
export function percentile(samples, p) {
  if (!samples?.length) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const median = (samples) => {
  if (!samples?.length) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const max = (samples) => (samples?.length ? Math.max(...samples) : undefined);

export function summary(samples) {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: max(samples), n: samples?.length ?? 0 };
}

/**
 * The exponent k of time ~ size^k: the least-squares slope of log(time) against log(size).
 * 1 is linear; a fixed cost that dominates the small sizes pulls it below 1.
 */
export function growthExponent(points) {
  const usable = points.filter(([size, time]) => size > 0 && time > 0);
  if (usable.length < 2) return undefined;
  const xs = usable.map(([size]) => Math.log(size));
  const ys = usable.map(([, time]) => Math.log(time));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return num / den;
}
