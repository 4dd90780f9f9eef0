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

/**
 * Two builds measured on the same pages, compared per page (samples[build][page]: that page's runs;
 * NaN runs left out): each build's median over the pages measured in both, then the per-page
 * differences, the second build's minus the first's. One line each, for the A/B scripts.
 */
export function comparePerPage(
  what: string,
  names: readonly [string, string],
  samples: readonly (readonly (readonly number[])[])[],
  pagesLabel: string,
): string[] {
  const perPage = samples.map((build) =>
    build.map((runs) => {
      const xs = runs.filter((x) => !Number.isNaN(x));
      return xs.length ? median(xs) : Number.NaN;
    }),
  );
  const both = perPage[0]!.map((_, i) => i).filter((i) => perPage.every((b) => !Number.isNaN(b[i]!)));
  const lines = names.map((name, b) => {
    const xs = both.map((i) => perPage[b]![i]!);
    return `${name}: ${what}, ${xs.length} ${pagesLabel}, median ${median(xs).toFixed(2)} ms, p95 ${quantile(xs, 0.95).toFixed(2)} ms`;
  });
  const diffs = both.map((i) => perPage[1]![i]! - perPage[0]![i]!);
  lines.push(
    `${names[1]} - ${names[0]} per page (${what}): median ${median(diffs).toFixed(2)} ms; less on ${diffs.filter((d) => d < 0).length} of ${diffs.length}`,
  );
  return lines;
}
