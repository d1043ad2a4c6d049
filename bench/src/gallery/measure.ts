/** Paired timing of a case against its baseline, bounded by iterations and by time. */
import { performance } from "node:perf_hooks";
import { percentile } from "../chat/stats.ts";

export interface PairedResult {
  name: string;
  iterations: number;
  p50: number;
  p95: number;
  baselineP50: number;
  baselineP95: number;
}

export interface PairedOptions {
  iterations: number;
  warmup: number;
  maxSeconds: number;
}

/**
 * Runs `run(i)` and `baseline(i)` once per round, alternating which goes first (so caches and the pool favour
 * neither), until `iterations` rounds or `maxSeconds` have passed. Warm-up rounds are not counted.
 */
export async function paired(
  name: string,
  run: (i: number) => Promise<unknown>,
  baseline: (i: number) => Promise<unknown>,
  options: PairedOptions,
): Promise<PairedResult> {
  for (let i = 0; i < options.warmup; i++) {
    await run(i);
    await baseline(i);
  }
  const times: number[] = [];
  const baselineTimes: number[] = [];
  const deadline = performance.now() + options.maxSeconds * 1000;
  for (let i = 0; i < options.iterations && performance.now() < deadline; i++) {
    const timeRun = async () => {
      const t0 = performance.now();
      await run(i);
      times.push(performance.now() - t0);
    };
    const timeBaseline = async () => {
      const t0 = performance.now();
      await baseline(i);
      baselineTimes.push(performance.now() - t0);
    };
    if (i % 2 === 0) {
      await timeRun();
      await timeBaseline();
    } else {
      await timeBaseline();
      await timeRun();
    }
  }
  return {
    name,
    iterations: times.length,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    baselineP50: percentile(baselineTimes, 0.5),
    baselineP95: percentile(baselineTimes, 0.95),
  };
}
