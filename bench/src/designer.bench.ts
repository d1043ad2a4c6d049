/**
 * How the flow designer copes with a big flow, in Chromium against the production build of the web app
 * (`next start`; embedded PGlite unless DATABASE_URL is set). A generated 1,000-node flow and a 10-node flow
 * (the baseline) are created through tRPC, then for each:
 * - time to interactive: from `page.goto` until a node card is visible and a click on it shows its properties;
 * - frames per second while dragging a node and while panning the canvas (an in-page requestAnimationFrame
 *   counter around a ~1 s, 60-move mouse gesture); the baseline is the page's idle requestAnimationFrame rate;
 * - keystroke latency in the properties panel (the message field), from keydown to the first task after the
 *   next frame (its paint), p50/p95 over all keystrokes; the baseline is the palette's search box.
 * Gestures and typing are measured with the whole flow in view (the zoom the designer opens at) and at 100%.
 * Beside each wall-clock figure: the renderer main thread's CPU time, which other load on the machine does not
 * inflate. Figures are medians of BENCH_ROUNDS rounds (3), after one uncounted opening that warms the server and
 * the HTTP cache. Goals: ≤ 1.5 s, ≥ 50 fps, ≤ 16 ms per keystroke.
 * The run is bounded by BENCH_BUDGET_S (300 s, after any build): the app server and the browser are stopped
 * then, whatever happens; when time runs short, the remaining figures get one round each (the 1,000-node flow
 * is measured first). BENCH_PORT (3310), BENCH_CHROMIUM, BENCH_NODES, BENCH_KEY_INTERVAL_MS tune it.
 *
 *   pnpm bench:designer [--build] [--trace]
 *
 * --build rebuilds the web app first (otherwise only when apps/web/.next has no production build);
 * --trace records Chromium traces of the 1,000-node flow (an opening, gestures and typing with the whole flow
 * in view), keeps them and prints where the main thread's CPU went (traced runs are slower; figures still
 * come from the untraced rounds).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { validateFlow } from "@pixel/flow";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { generateDesignerFlow, middleMessageIndex } from "./designer/flow.ts";
import {
  card,
  cpuShare,
  dragPoint,
  emptyPanePoint,
  GESTURE_STEPS,
  type GestureSample,
  gesture,
  type IdleSample,
  idle,
  KEY_INTERVAL_MS,
  KEYSTROKES,
  messageField,
  newMeasuredPage,
  type Opening,
  openDesigner,
  paletteSearch,
  settle,
  type TypingRound,
  typeInto,
  zoomOf,
  zoomToActualSize,
} from "./designer/page.ts";
import { DOM_COUNTS, type DomCounts, fpsOf, type KeySample, PROBE } from "./designer/probe.ts";
import { type AppServer, buildApp, hasProductionBuild, startApp, tail } from "./designer/server.ts";
import { summarizeTrace } from "./designer/trace-summary.ts";
import { printRows } from "./measure.ts";

const BIG = Number(process.env.BENCH_NODES ?? 1_000);
const SMALL = 10;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3310);
const CHROMIUM = process.env.BENCH_CHROMIUM ?? "/usr/bin/chromium";
const VIEWPORT = { width: 1440, height: 900 };
/** The measuring part of the run (after any build). */
const RUN_BUDGET_MS = Number(process.env.BENCH_BUDGET_S ?? 300) * 1_000;
/** Once less than this is left of the budget, every figure gets one round only (what a slow machine needs). */
const ONE_ROUND_RESERVE_MS = 100_000;
const BUILD_BUDGET_MS = 15 * 60_000;
const GOALS = { interactiveMs: 1_500, fps: 50, keystrokeMs: 16 };

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const args = new Set(process.argv.slice(2));

const started = performance.now();
let measuringSince = started;
let roundsCut = false;

/** A progress line, with the time since the start of the run. */
const progress = (message: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

/** Whether to run round `done + 1`: always the first, the others while the time budget allows. */
function anotherRound(done: number): boolean {
  if (done >= ROUNDS) return false;
  if (done === 0 || performance.now() < measuringSince + RUN_BUDGET_MS - ONE_ROUND_RESERVE_MS) return true;
  roundsCut = true;
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// Cleanup: the browser and the app server go away whatever happens
// ---------------------------------------------------------------------------------------------------------

const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | null = null;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      await fn().catch((error) => console.error(`cleanup: ${error instanceof Error ? error.message : error}`));
    }
  })();
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the browser and the app server`);
    void cleanup().then(() => process.exit(130));
  });
}

/** Runs a step; a failure says which step it was. */
async function step<T>(label: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw new Error(`${label}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Statistics and formatting
// ---------------------------------------------------------------------------------------------------------

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const quantile = (values: number[], q: number) => {
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};
const median = (values: number[]) => {
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  if (!s.length) return Number.NaN;
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 100 ? 1 : 0)} ms` : "–");
const fpsText = (value: number) => `${value.toFixed(1)} fps`;
const ratio = (value: number, baseline: number) => `${(value / baseline).toFixed(2)}×`;
const yesNo = (ok: boolean) => (ok ? "yes" : "NO");
const fixed = (value: number, digits = 1) => Number(value.toFixed(digits));

const gestureText = (g: GestureSample) =>
  `${fpsText(fpsOf(g))} (worst frame ${ms(g.longestMs)}) over ${ms(g.ms)}${g.moves < GESTURE_STEPS ? `, only ${g.moves}/${GESTURE_STEPS} moves sent` : ""}; main-thread CPU ${ms(g.cpuPerEventMs)} per pointer event`;

const domText = (d: DomCounts) =>
  `${d.elements.toLocaleString("en")} elements (${d.nodes} node cards, ${d.edges} edges, ${d.handles} handles, ${d.minimapNodes} minimap nodes)`;

const typingText = (round: TypingRound) => {
  const paint = round.samples.map((k) => k.paint);
  return `p50 ${ms(quantile(paint, 0.5))}, p95 ${ms(quantile(paint, 0.95))}, max ${ms(Math.max(...paint))} over ${paint.length} keys; main-thread CPU ${ms(round.cpuPerKeyMs)} per key`;
};

// ---------------------------------------------------------------------------------------------------------
// Account and bots, over HTTP with the browser context's cookies
// ---------------------------------------------------------------------------------------------------------

async function signUp(context: BrowserContext): Promise<void> {
  const user = {
    name: "Designer Bench",
    email: `designer-bench-${Date.now().toString(36)}@example.com`,
    password: "designer-bench-password",
  };
  const signUpResponse = await context.request.post("/api/trpc/auth.signUp", { data: { json: user } });
  if (!signUpResponse.ok()) throw new Error(`auth.signUp ${signUpResponse.status()}: ${await signUpResponse.text()}`);
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await context.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, json: "true" },
  });
  if (!signIn.ok()) throw new Error(`sign-in ${signIn.status()}: ${await signIn.text()}`);
  const session = (await (await context.request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  if (session.user?.email !== user.email) throw new Error(`no session after signing in (${JSON.stringify(session)})`);
}

async function createBot(context: BrowserContext, name: string, nodeCount: number): Promise<string> {
  const flow = generateDesignerFlow(nodeCount);
  const { errors } = validateFlow(flow);
  if (errors.length) throw new Error(`the generated flow has errors: ${errors.map((e) => e.message).join("; ")}`);
  const response = await context.request.post("/api/trpc/bots.create", { data: { json: { name, flow } } });
  const text = await response.text();
  if (!response.ok()) throw new Error(`bots.create ${response.status()}: ${text.slice(0, 500)}`);
  const id = (JSON.parse(text) as { result?: { data?: { json?: { id?: string } } } }).result?.data?.json?.id;
  if (!id) throw new Error(`bots.create answered without a bot id: ${text.slice(0, 300)}`);
  return id;
}

// ---------------------------------------------------------------------------------------------------------
// Measuring one flow
// ---------------------------------------------------------------------------------------------------------

/** Gestures and typing at one zoom level. */
interface View {
  zoom: number;
  dom: DomCounts;
  drag: GestureSample[];
  pan: GestureSample[];
  typing: TypingRound[];
  /** The palette's search box: the keystroke baseline (none for the baseline flow). */
  palette: TypingRound[];
}

interface FlowFigures {
  nodes: number;
  openings: Opening[];
  idle: IdleSample[];
  fit: View;
  actual: View;
  traces: string[];
}

async function rounds<T>(label: string, fn: () => Promise<T>, describe: (sample: T) => string): Promise<T[]> {
  const samples: T[] = [];
  while (anotherRound(samples.length)) {
    samples.push(await fn());
    progress(`${label}: ${describe(samples.at(-1) as T)}`);
    await sleep(500);
  }
  return samples;
}

async function measureFlow(
  browser: Browser,
  context: BrowserContext,
  url: string,
  nodes: number,
  options: { palette: boolean; traceDir: string | null },
): Promise<FlowFigures> {
  const index = middleMessageIndex(nodes);
  const label = `${nodes.toLocaleString("en")} nodes`;
  const traces: string[] = [];
  /** With --trace, the first round of a step is recorded (and not counted). */
  const traced = async (name: string, fn: () => Promise<unknown>) => {
    if (!options.traceDir) return;
    const file = path.join(options.traceDir, `${nodes}-${name}.trace.json`);
    await browser.startTracing(undefined, { path: file });
    try {
      await fn();
    } finally {
      await browser.stopTracing();
      traces.push(file);
    }
  };

  // Time to interactive: a fresh page each round.
  const openings: Opening[] = [];
  let current: Page | null = null;
  const open = async (what: string) => {
    await current?.close();
    const page = await newMeasuredPage(context);
    current = page;
    const opening = await step(`opening the designer (${label}, ${what})`, () => openDesigner(page, url, index));
    progress(
      `${label}, ${what}: card visible ${ms(opening.visibleMs)}, interactive ${ms(opening.interactiveMs)}; main-thread CPU ${ms(opening.cpuMs)}`,
    );
    return { page, opening };
  };
  let last: Page | null = null;
  while (anotherRound(openings.length)) {
    const { page, opening } = await open("open");
    openings.push(opening);
    last = page;
  }
  await traced("open", async () => {
    last = (await open("traced open")).page;
  });
  const p: Page | null = last;
  if (!p) throw new Error("the designer was not opened");
  await p.evaluate(PROBE);
  await sleep(1_000); // the debounced validation and the autosave's first check settle

  const idling = await rounds(
    `${label}, idle`,
    () => idle(p),
    (x) => `${fpsText(fpsOf(x))}, CPU ${ms(x.cpuMs)}`,
  );

  const view = async (where: "fit" | "100"): Promise<View> => {
    const zoom = await zoomOf(p);
    const name = where === "fit" ? "whole flow in view" : "100% zoom";
    const dom = (await p.evaluate(DOM_COUNTS)) as DomCounts;
    progress(`${label}, ${name}: ${domText(dom)}`);
    const paletteOnce = async () => {
      await settle(p);
      return typeInto(p, paletteSearch(p), true);
    };
    const dragOnce = async () => {
      await settle(p);
      return gesture(p, await dragPoint(p, index), { x: 240, y: 120 });
    };
    const panOnce = async () => {
      await settle(p);
      return gesture(p, await emptyPanePoint(p), { x: -240, y: -120 });
    };
    const typeOnce = async () => {
      await card(p, index).click();
      await settle(p);
      return typeInto(p, messageField(p), false);
    };
    if (where === "fit") {
      await traced("palette", paletteOnce);
      await traced("drag", dragOnce);
      await traced("pan", panOnce);
      await traced("typing", typeOnce);
    }
    const palette = options.palette
      ? await step(`typing in the palette search (${label}, ${name})`, () =>
          rounds(`${label}, ${name}, palette search`, paletteOnce, typingText),
        )
      : [];
    const drag = await step(`dragging a node (${label}, ${name})`, () =>
      rounds(`${label}, ${name}, drag`, dragOnce, gestureText),
    );
    const pan = await step(`panning the canvas (${label}, ${name})`, () =>
      rounds(`${label}, ${name}, pan`, panOnce, gestureText),
    );
    const typing = await step(`typing in the properties panel (${label}, ${name})`, () =>
      rounds(`${label}, ${name}, properties panel`, typeOnce, typingText),
    );
    return { zoom, dom, drag, pan, typing, palette };
  };

  const fit = await view("fit");
  const zoom = await step(`zooming to 100% (${label})`, () => zoomToActualSize(p, index));
  progress(`${label}: zoomed from ${fit.zoom.toFixed(3)} to ${zoom.toFixed(2)}`);
  await sleep(500);
  const actual = await view("100");
  await p.close();
  return { nodes, openings, idle: idling, fit, actual, traces };
}

// ---------------------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------------------

function gestures(samples: GestureSample[]) {
  return {
    fps: median(samples.map(fpsOf)),
    worstFrameMs: median(samples.map((x) => x.longestMs)),
    cpuMs: median(samples.map((x) => x.cpuPerEventMs)),
  };
}

function keystrokes(rounds: TypingRound[]) {
  const all: KeySample[] = rounds.flatMap((r) => r.samples);
  const paint = all.map((x) => x.paint);
  return {
    p50: quantile(paint, 0.5),
    p95: quantile(paint, 0.95),
    max: Math.max(...paint),
    rafP95: quantile(
      all.map((x) => x.raf),
      0.95,
    ),
    cpuMs: median(rounds.map((r) => r.cpuPerKeyMs)),
    count: all.length,
  };
}

function summarize(f: FlowFigures) {
  const view = (v: View) => ({
    zoom: v.zoom,
    dom: v.dom,
    drag: gestures(v.drag),
    pan: gestures(v.pan),
    typing: keystrokes(v.typing),
    palette: keystrokes(v.palette),
  });
  return {
    interactiveMs: median(f.openings.map((o) => o.interactiveMs)),
    visibleMs: median(f.openings.map((o) => o.visibleMs)),
    openCpuMs: median(f.openings.map((o) => o.cpuMs)),
    idleFps: median(f.idle.map(fpsOf)),
    idleCpuMsPerS: median(f.idle.map((x) => (x.cpuMs * 1000) / x.ms)),
    fit: view(f.fit),
    actual: view(f.actual),
  };
}

type Summary = ReturnType<typeof summarize>;
type Gestures = ReturnType<typeof gestures>;
type Keystrokes = ReturnType<typeof keystrokes>;

interface RunInfo {
  database: string;
  chromium: string;
  /** Share of a CPU the page's main thread got in a busy loop, before and after the measurements. */
  cpuShare: number[];
}

function report(big: Summary, small: Summary, info: RunInfo) {
  const bigLabel = `${BIG.toLocaleString("en")} nodes`;
  const share = Math.min(...info.cpuShare);
  const met = {
    interactive: big.interactiveMs <= GOALS.interactiveMs,
    drag: big.fit.drag.fps >= GOALS.fps && big.actual.drag.fps >= GOALS.fps,
    pan: big.fit.pan.fps >= GOALS.fps && big.actual.pan.fps >= GOALS.fps,
    keystroke: big.fit.typing.p95 <= GOALS.keystrokeMs && big.actual.typing.p95 <= GOALS.keystrokeMs,
  };

  const fpsRow = (figure: string, g: Gestures) => [
    figure,
    `${fpsText(g.fps)} (worst frame ${ms(g.worstFrameMs)})`,
    `${fpsText(big.idleFps)} (idle)`,
    ratio(g.fps, big.idleFps),
    `≥ ${GOALS.fps} fps`,
    yesNo(g.fps >= GOALS.fps),
    `${ms(g.cpuMs)} per event`,
  ];
  const keyRow = (figure: string, k: Keystrokes, palette: Keystrokes) => [
    figure,
    `${ms(k.p50)} / ${ms(k.p95)}`,
    `${ms(palette.p50)} / ${ms(palette.p95)} (palette search)`,
    ratio(k.p95, palette.p95),
    `≤ ${GOALS.keystrokeMs} ms`,
    yesNo(k.p95 <= GOALS.keystrokeMs),
    `${ms(k.cpuMs)} per key (palette ${ms(palette.cpuMs)})`,
  ];

  console.log(
    `\nFlow designer with ${bigLabel} (baseline ${SMALL} nodes): the production build (next start) on ${info.database};`,
  );
  console.log(
    `Chromium ${info.chromium} headless, ${VIEWPORT.width}×${VIEWPORT.height}. Medians of ${ROUNDS} rounds${roundsCut ? " (fewer where the time budget ran short)" : ""}; keystrokes pooled (${KEYSTROKES} a round, one per ${KEY_INTERVAL_MS} ms).`,
  );
  console.log(
    `"Whole flow in view" is the zoom the designer opens at: ${big.fit.zoom.toFixed(3)} (${small.fit.zoom.toFixed(2)} with ${SMALL} nodes).`,
  );
  console.log(
    `The page's main thread got ${(share * 100).toFixed(0)}% of a CPU in a busy loop${share < 0.8 ? ": other processes compete for the CPU, so wall-clock figures are inflated; the CPU column is not" : ""}.`,
  );
  console.log(`Rendered with the whole flow in view: ${domText(big.fit.dom)}; at 100%: ${domText(big.actual.dom)}.`);
  console.log(`Idle designer page (${bigLabel}): main thread busy ${ms(big.idleCpuMsPerS)} per second.\n`);
  printRows(
    ["figure", "value", "baseline", "ratio", "goal", "met?", "main-thread CPU"],
    [
      [
        `open → node interactive`,
        ms(big.interactiveMs),
        `${ms(small.interactiveMs)} (${SMALL} nodes)`,
        ratio(big.interactiveMs, small.interactiveMs),
        `≤ ${GOALS.interactiveMs} ms`,
        yesNo(met.interactive),
        `${ms(big.openCpuMs)} (${SMALL} nodes: ${ms(small.openCpuMs)})`,
      ],
      [
        "  of which: node card visible",
        ms(big.visibleMs),
        `${ms(small.visibleMs)} (${SMALL} nodes)`,
        ratio(big.visibleMs, small.visibleMs),
        "",
        "",
        "",
      ],
      fpsRow("drag a node, whole flow in view", big.fit.drag),
      fpsRow("drag a node, 100% zoom", big.actual.drag),
      fpsRow("pan, whole flow in view", big.fit.pan),
      fpsRow("pan, 100% zoom", big.actual.pan),
      keyRow("keystroke p50 / p95, whole flow in view", big.fit.typing, big.fit.palette),
      keyRow("keystroke p50 / p95, 100% zoom", big.actual.typing, big.actual.palette),
    ],
  );
  const smallGesture = (figure: string, g: Gestures) => [
    figure,
    `${fpsText(g.fps)} (worst frame ${ms(g.worstFrameMs)})`,
    yesNo(g.fps >= GOALS.fps),
    `${ms(g.cpuMs)} per event`,
  ];
  const smallKeys = (figure: string, k: Keystrokes) => [
    figure,
    `${ms(k.p50)} / ${ms(k.p95)}`,
    yesNo(k.p95 <= GOALS.keystrokeMs),
    `${ms(k.cpuMs)} per key`,
  ];
  console.log(`\nThe same with ${SMALL} nodes\n`);
  printRows(
    ["figure", "value", "met?", "main-thread CPU"],
    [
      [
        "open → node interactive",
        ms(small.interactiveMs),
        yesNo(small.interactiveMs <= GOALS.interactiveMs),
        ms(small.openCpuMs),
      ],
      smallGesture("drag a node, whole flow in view", small.fit.drag),
      smallGesture("drag a node, 100% zoom", small.actual.drag),
      smallGesture("pan, whole flow in view", small.fit.pan),
      smallGesture("pan, 100% zoom", small.actual.pan),
      smallKeys("keystroke p50 / p95, whole flow in view", small.fit.typing),
      smallKeys("keystroke p50 / p95, 100% zoom", small.actual.typing),
    ],
  );
  console.log(
    "\nfps: requestAnimationFrame callbacks per second during a ~1 s, 60-move mouse gesture (at most the idle rate).",
  );
  console.log("keystroke: from the keydown's timestamp to the first task after the next frame, i.e. after its paint.");
  console.log(
    `main-thread CPU: the renderer main thread's CPU time (Chromium's ThreadTime) per opening, pointer event or keystroke;
  what the work costs whatever else runs on the machine (a frame at ${GOALS.fps} fps has ${1000 / GOALS.fps} ms, all threads included).\n`,
  );

  const gestureJson = (name: string, g: Gestures) => ({
    [`${name}_fps`]: fixed(g.fps),
    [`${name}_worst_frame_ms`]: Math.round(g.worstFrameMs),
    [`${name}_cpu_ms_per_event`]: fixed(g.cpuMs),
  });
  const keyJson = (name: string, k: Keystrokes) => ({
    [`${name}_p50_ms`]: fixed(k.p50),
    [`${name}_p95_ms`]: fixed(k.p95),
    [`${name}_cpu_ms_per_key`]: fixed(k.cpuMs),
  });
  console.log(
    JSON.stringify({
      bench: "designer",
      build: "production",
      database: info.database,
      chromium: info.chromium,
      cpu_share: fixed(share, 2),
      nodes: BIG,
      baseline_nodes: SMALL,
      rounds: ROUNDS,
      rounds_cut: roundsCut,
      fit_zoom: fixed(big.fit.zoom, 3),
      interactive_ms: Math.round(big.interactiveMs),
      interactive_baseline_ms: Math.round(small.interactiveMs),
      interactive_ratio: fixed(big.interactiveMs / small.interactiveMs, 2),
      node_visible_ms: Math.round(big.visibleMs),
      open_cpu_ms: Math.round(big.openCpuMs),
      open_cpu_baseline_ms: Math.round(small.openCpuMs),
      dom_fit: big.fit.dom,
      dom_100: big.actual.dom,
      idle_fps: fixed(big.idleFps),
      idle_cpu_ms_per_s: fixed(big.idleCpuMsPerS),
      ...gestureJson("drag_fit", big.fit.drag),
      ...gestureJson("drag_100", big.actual.drag),
      ...gestureJson("pan_fit", big.fit.pan),
      ...gestureJson("pan_100", big.actual.pan),
      ...keyJson("keystroke_fit", big.fit.typing),
      ...keyJson("keystroke_100", big.actual.typing),
      ...keyJson("palette_keystroke_fit", big.fit.palette),
      ...keyJson("palette_keystroke_100", big.actual.palette),
      keystroke_fit_p95_ratio: fixed(big.fit.typing.p95 / big.fit.palette.p95, 2),
      keystroke_100_p95_ratio: fixed(big.actual.typing.p95 / big.actual.palette.p95, 2),
      baseline: {
        drag_fit_fps: fixed(small.fit.drag.fps),
        pan_fit_fps: fixed(small.fit.pan.fps),
        keystroke_100_p95_ms: fixed(small.actual.typing.p95),
        keystroke_100_cpu_ms_per_key: fixed(small.actual.typing.cpuMs),
      },
      goals_met: met,
    }),
  );
}

function printTraces(files: string[]) {
  if (!files.length) return;
  console.log(
    `\nWhere the main thread's CPU went in the traced runs (${BIG.toLocaleString("en")} nodes, whole flow in view)\n`,
  );
  const rows = files.map((file) => {
    const summary = summarizeTrace(file);
    return [
      path.basename(file, ".trace.json"),
      ms(summary.totalMs),
      summary.buckets.map(([bucket, value]) => `${bucket} ${((value / summary.totalMs) * 100).toFixed(0)}%`).join(", "),
    ];
  });
  printRows(["trace", "main-thread CPU", "split"], rows);
  console.log(`\ntraces: ${files.join(", ")}\n`);
}

// ---------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------

async function main() {
  const runDir = mkdtempSync(path.join(tmpdir(), "pixel-designer-bench-"));
  let keepRunDir = args.has("--trace");
  cleanups.push(async () => {
    if (!keepRunDir) rmSync(runDir, { recursive: true, force: true });
  });
  try {
    if (args.has("--build") || !hasProductionBuild(repoRoot)) {
      progress("building the web app for production (turbo run build --filter=@pixel/web)…");
      await step("building the web app", () => buildApp(repoRoot, path.join(runDir, "build.log"), BUILD_BUDGET_MS));
      progress("built");
    }
    measuringSince = performance.now();
    const watchdog = setTimeout(() => {
      console.error(
        `\nThe bench took longer than ${RUN_BUDGET_MS / 1000} s (BENCH_BUDGET_S): stopping the browser and the app server.`,
      );
      keepRunDir = true;
      void cleanup().then(() => process.exit(1));
    }, RUN_BUDGET_MS);
    cleanups.push(async () => clearTimeout(watchdog));

    progress(`measuring the production build of the web app (next start) on 127.0.0.1:${PORT}`);
    const server: AppServer = await step("starting the app server", () =>
      startApp({
        repoRoot,
        port: PORT,
        dataDir: path.join(runDir, "data"),
        logFile: path.join(runDir, "server.log"),
        timeoutMs: 120_000,
      }),
    );
    cleanups.push(() => server.stop());
    progress(`app server up (pid ${server.pid})`);

    const browser = await step(`launching Chromium (${CHROMIUM})`, () =>
      chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        timeout: 30_000,
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
      }),
    );
    cleanups.push(() => browser.close());
    const context = await browser.newContext({ baseURL: server.origin, viewport: VIEWPORT });
    context.setDefaultTimeout(30_000);
    context.setDefaultNavigationTimeout(60_000);

    await step("signing up", () => signUp(context));
    const bigBot = await step(`creating the ${BIG}-node bot`, () => createBot(context, `Bench ${BIG} nodes`, BIG));
    const smallBot = await step(`creating the ${SMALL}-node bot`, () =>
      createBot(context, `Bench ${SMALL} nodes`, SMALL),
    );
    const shareBefore = await cpuShare(context);
    progress(`the page's main thread gets ${(shareBefore * 100).toFixed(0)}% of a CPU (busy-loop calibration)`);

    // A warm-up opening (the server's first render of the route, the browser's HTTP cache), not counted.
    await step("warming up", async () => {
      const page = await newMeasuredPage(context);
      const opening = await openDesigner(page, `/app/bots/${smallBot}`, middleMessageIndex(SMALL));
      progress(`warm-up opening: interactive in ${ms(opening.interactiveMs)}`);
      await page.close();
    });
    // The subject first, so that a slow machine cuts rounds of the baseline rather than of the subject.
    const big = await measureFlow(browser, context, `/app/bots/${bigBot}`, BIG, {
      palette: true,
      traceDir: args.has("--trace") ? runDir : null,
    });
    const small = await measureFlow(browser, context, `/app/bots/${smallBot}`, SMALL, {
      palette: false,
      traceDir: null,
    });
    const shareAfter = await cpuShare(context);

    printTraces(big.traces);
    report(summarize(big), summarize(small), {
      database: process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite",
      chromium: browser.version(),
      cpuShare: [shareBefore, shareAfter],
    });
  } catch (error) {
    keepRunDir = true;
    console.error(`\nThe designer bench failed: ${error instanceof Error ? error.message : String(error)}`);
    const log = path.join(runDir, "server.log");
    if (!String(error).includes("last lines of")) {
      console.error(`\nLast lines of the app server's log (${log}):\n${tail(log, 20)}`);
    }
    console.error(`\n(the run's files are kept in ${runDir})`);
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

void main();
