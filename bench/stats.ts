// Small statistics over per-page samples: the benchmark reports median, p95 and max.

export interface Summary {
  n: number;
  median: number;
  p95: number;
  max: number;
}

/** The q-quantile by nearest rank (q in 0..1) of a non-empty list. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(values: readonly number[]): Summary | null {
  if (values.length === 0) return null;
  return { n: values.length, median: median(values), p95: quantile(values, 0.95), max: Math.max(...values) };
}

/** Rounds for tables and JSON: 0.1 ms is below what one run can tell apart. */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
