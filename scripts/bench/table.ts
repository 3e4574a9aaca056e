// Timing helpers and the table `npm run bench` prints. Timings are reported, never asserted.

export type Row = {
  workload: string;
  n: number;
  p50: number; // ms
  p95: number; // ms
  throughput: string;
  baseline?: number; // ms, p50 of the baseline
  budget?: string;
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Runs `fn` `runs` times after `warmup` unmeasured runs; returns the sorted durations in ms. */
export async function sample(runs: number, fn: () => unknown, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

export async function once<T>(fn: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? "–" : v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(2)} ms`);

export function formatTable(rows: Row[]): string {
  const header = ["workload", "n", "p50", "p95", "throughput", "baseline", "ratio", "budget"];
  const body = rows.map((r) => [
    r.workload,
    String(r.n),
    ms(r.p50),
    ms(r.p95),
    r.throughput,
    ms(r.baseline),
    r.baseline ? `${(r.p50 / r.baseline).toFixed(1)}×` : "–",
    r.budget ?? "",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...body.map(line)].join("\n");
}
