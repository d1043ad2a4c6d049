/**
 * Where a Chromium trace's renderer main-thread CPU went: script, style and layout, layerize and paint,
 * garbage collection, the rest. Self CPU time (`tdur` less that of nested events) of the busiest
 * CrRendererMain thread, by event name, folded into those buckets.
 */
import { readFileSync } from "node:fs";

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

const BUCKETS: [bucket: string, test: (name: string) => boolean][] = [
  ["garbage collection", (n) => n.startsWith("V8.GC") || n === "MajorGC" || n === "MinorGC" || n.includes("GCEvent")],
  [
    "script",
    (n) =>
      [
        "FunctionCall",
        "EvaluateScript",
        "v8.compile",
        "v8.evaluateModule",
        "V8.Execute",
        "RunMicrotasks",
        "EventDispatch",
        "TimerFire",
        "FireAnimationFrame",
        "FireIdleCallback",
        "XHRReadyStateChange",
      ].includes(n) ||
      n.startsWith("V8.") ||
      n.startsWith("v8."),
  ],
  ["style", (n) => n === "UpdateLayoutTree" || n === "RecalculateStyles" || n === "ParseAuthorStyleSheet"],
  ["layout", (n) => n === "Layout" || n === "UpdateLayerTree" || n === "ScheduleStyleRecalculation"],
  ["layerize + paint", (n) => ["Layerize", "Paint", "PrePaint", "Commit", "PaintImage", "UpdateLayer"].includes(n)],
  ["hit testing", (n) => n === "HitTest"],
];

export interface TraceSummary {
  /** Renderer main-thread CPU ms by bucket, largest first. */
  buckets: [string, number][];
  totalMs: number;
  /** The largest self-time event names, for detail. */
  top: [string, number][];
}

/** Self CPU ms by event name, and the CPU of top-level events, of one thread's complete events. */
function selfTimes(events: TraceEvent[]): { self: Map<string, number>; totalMs: number } {
  events.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  let totalMs = 0;
  for (const e of events) {
    while (stack.length && (stack.at(-1) as TraceEvent).ts + ((stack.at(-1) as TraceEvent).dur ?? 0) <= e.ts) {
      stack.pop();
    }
    const parent = stack.at(-1);
    const cpu = (e.tdur ?? 0) / 1000;
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - cpu);
    else totalMs += cpu;
    self.set(e.name, (self.get(e.name) ?? 0) + cpu);
    stack.push(e);
  }
  return { self, totalMs };
}

export function summarizeTrace(file: string): TraceSummary {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mains = new Set(
    events
      .filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== "X" || e.dur === undefined || e.tdur === undefined || !mains.has(key)) continue;
    const list = byThread.get(key);
    if (list) list.push(e);
    else byThread.set(key, [e]);
  }
  // The page's renderer is the busiest one (a page opened during the trace leaves an idle one behind).
  const threads = [...byThread.values()].map(selfTimes).sort((x, y) => y.totalMs - x.totalMs);
  const { self, totalMs } = threads[0] ?? { self: new Map<string, number>(), totalMs: 0 };
  const buckets = new Map<string, number>();
  for (const [name, value] of self) {
    const bucket = BUCKETS.find(([, test]) => test(name))?.[0] ?? "other";
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + value);
  }
  return {
    buckets: [...buckets].sort((a, b) => b[1] - a[1]),
    totalMs,
    top: [...self].sort((a, b) => b[1] - a[1]).slice(0, 8),
  };
}
