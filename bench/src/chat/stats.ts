/** Small figures helpers of the chat bench. */
import { readFileSync } from "node:fs";

/** The same rule as measure(): the sample at floor(q × n) of the sorted samples. */
export function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export function mean(samples: readonly number[]): number {
  return samples.length === 0 ? 0 : samples.reduce((sum, x) => sum + x, 0) / samples.length;
}

export const round = (value: number, digits: number) => Number(value.toFixed(digits));

export const ms = (value: number, digits = 2) => `${value.toFixed(digits)} ms`;

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Total length of the union of [start, end] intervals: the wall time they cover, overlaps counted once. */
export function unionLength(intervals: readonly (readonly [number, number])[]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let start = Number.NEGATIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const [s, e] of sorted) {
    if (s > end) {
      if (end > start) total += end - start;
      start = s;
      end = e;
    } else if (e > end) {
      end = e;
    }
  }
  if (end > start) total += end - start;
  return total;
}

/** CPU time of the whole machine (all cores) from /proc/stat, in ms; null where /proc is not there. */
export function machineCpu(): { busyMs: number; totalMs: number } | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest is inside user)
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    const busy = user + nice + system + irq + softirq + steal;
    const tick = 10; // USER_HZ is 100 on Linux: one jiffy is 10 ms
    return { busyMs: busy * tick, totalMs: (busy + idle + iowait) * tick };
  } catch {
    return null;
  }
}

/** CPU time (user + system) of the given processes from /proc/<pid>/stat, in ms; a process gone counts 0. */
export function processesCpuMs(pids: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // The command name may hold spaces: the fields after it start past its closing parenthesis.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const utime = Number(fields[11]);
      const stime = Number(fields[12]);
      out.set(pid, (utime + stime) * 10);
    } catch {
      out.set(pid, 0);
    }
  }
  return out;
}
