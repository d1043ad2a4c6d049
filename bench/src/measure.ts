import { performance } from "node:perf_hooks";

export interface Measurement {
  name: string;
  iterations: number;
  opsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
}

/** Runs `fn` sequentially after a warm-up and reports throughput and latency percentiles. */
export async function measure(name: string, iterations: number, fn: () => Promise<unknown>): Promise<Measurement> {
  for (let i = 0; i < Math.min(50, iterations); i++) await fn();
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  const total = performance.now() - start;
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { name, iterations, opsPerSecond: (iterations / total) * 1000, p50Ms: at(0.5), p95Ms: at(0.95) };
}

export function printTable(rows: Measurement[], baseline: Measurement): void {
  const header = ["case", "iterations", "ops/s", "p50 ms", "p95 ms", "time vs baseline"];
  const lines = rows.map((r) => [
    r.name,
    String(r.iterations),
    r.opsPerSecond.toFixed(0),
    r.p50Ms.toFixed(3),
    r.p95Ms.toFixed(3),
    `${(baseline.opsPerSecond / r.opsPerSecond).toFixed(2)}×`,
  ]);
  printRows(header, lines);
}

/** Prints any rows as an aligned text table under a header and a rule. */
export function printRows(header: string[], lines: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  console.log(fmt(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const l of lines) console.log(fmt(l));
}
