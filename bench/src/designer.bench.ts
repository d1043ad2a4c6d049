/**
 * How the flow designer copes with a big flow, in Chromium against the production build of the web app
 * (`next start`, embedded PGlite unless DATABASE_URL is set). A generated 1,000-node flow and a 10-node flow
 * (the baseline) are created through tRPC, then for each:
 * - time to interactive: from `page.goto` until a node card is visible and a click on it shows its properties;
 * - frames per second while dragging a node and while panning the canvas (an in-page requestAnimationFrame
 *   counter around a ~1 s, 60-step mouse gesture), with the whole flow in view (as it opens) and at 100% zoom;
 *   the baseline is the page's idle requestAnimationFrame rate;
 * - keystroke latency in the properties panel (the message field): from keydown to the first task after the
 *   next frame (its paint), p50/p95 over all keystrokes; the baseline is the palette's search box.
 * Each figure is the median of BENCH_ROUNDS runs (3). Goals: ≤ 1.5 s, ≥ 50 fps, ≤ 16 ms per keystroke.
 *
 *   pnpm bench:designer [--build] [--trace]
 *
 * --build rebuilds the web app first (otherwise only when apps/web/.next has no production build);
 * --trace writes Chromium performance traces of the 1,000-node gestures and typing to the run's directory.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { validateFlow } from "@pixel/flow";
import { type Browser, type BrowserContext, type CDPSession, chromium, type Locator, type Page } from "playwright-core";
import { generateDesignerFlow, middleMessageIndex, nodeId } from "./designer/flow.ts";
import {
  FIND_EMPTY_PANE_POINT,
  type FrameSample,
  fpsOf,
  type KeySample,
  PROBE,
  VIEWPORT_ZOOM,
} from "./designer/probe.ts";
import { type AppServer, buildApp, hasProductionBuild, startApp, tail } from "./designer/server.ts";
import { printRows } from "./measure.ts";

const BIG = Number(process.env.BENCH_NODES ?? 1_000);
const SMALL = 10;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3310);
const CHROMIUM = process.env.BENCH_CHROMIUM ?? "/usr/bin/chromium";
const KEYSTROKES = 40;
/** Time between keystrokes: a fast typist's burst (~10 characters per second). */
const KEY_INTERVAL_MS = Number(process.env.BENCH_KEY_INTERVAL_MS ?? 100);
const GESTURE_STEPS = 60;
const GESTURE_MS = 1_000;
/** A page too slow to take the moves in time gets the last one only after this long. */
const GESTURE_CAP_MS = 3 * GESTURE_MS;
/** How long a node card may take to show up when opening the designer. */
const OPEN_TIMEOUT_MS = 90_000;
/** The same for a round of typing. */
const TYPING_CAP_MS = 3 * KEYSTROKES * Number(process.env.BENCH_KEY_INTERVAL_MS ?? 100);
const VIEWPORT = { width: 1440, height: 900 };
/** The measuring part of the run (after any build). */
const RUN_BUDGET_MS = Number(process.env.BENCH_BUDGET_S ?? 300) * 1_000;
const BUILD_BUDGET_MS = 15 * 60_000;
const GOALS = { interactiveMs: 1_500, fps: 50, keystrokeMs: 16 };
const TYPED = "the quick brown fox jumps over the lazy dog ";

const started = performance.now();
/** A progress line, with the time since the start of the run. */
const progress = (message: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const args = new Set(process.argv.slice(2));

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
// Statistics
// ---------------------------------------------------------------------------------------------------------

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const quantile = (values: number[], q: number) => {
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};
const median = (values: number[]) => {
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
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
// The designer page
// ---------------------------------------------------------------------------------------------------------

const inspector = (page: Page) => page.locator('aside[aria-label="Inspector"]');
/** The message node's text field (label from packages/flow/src/nodes/message/form.ts). */
const messageField = (page: Page) => inspector(page).getByRole("textbox", { name: "Message", exact: true });
const card = (page: Page, index: number) => page.getByTestId(`node-${nodeId(index)}`);

// Main-thread CPU time, from Chromium's own counters (CDP Performance metrics in thread ticks). Wall-clock
// figures suffer when other processes compete for the CPU; CPU time says what the work itself costs.
const cdpSessions = new WeakMap<Page, CDPSession>();

async function newMeasuredPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  cdpSessions.set(page, cdp);
  return page;
}

/** The renderer main thread's CPU time so far, in ms. */
async function cpuMs(page: Page): Promise<number> {
  const cdp = cdpSessions.get(page);
  if (!cdp) throw new Error("page without a CDP session");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const seconds = metrics.find((m) => m.name === "ThreadTime")?.value;
  if (seconds === undefined) throw new Error("Chromium reports no ThreadTime metric");
  return seconds * 1000;
}

/**
 * The share of a CPU the page's main thread gets: CPU time over wall time of a 500 ms busy loop. Near 1 on a
 * quiet machine; much lower means other processes compete and wall-clock figures are inflated.
 */
async function cpuShare(context: BrowserContext): Promise<number> {
  const page = await newMeasuredPage(context);
  try {
    await page.setContent("<p>calibration</p>");
    const before = await cpuMs(page);
    const wall = (await page.evaluate(
      "(() => { const t = performance.now(); while (performance.now() - t < 500); return performance.now() - t; })()",
    )) as number;
    return Math.min(1, ((await cpuMs(page)) - before) / wall);
  } finally {
    await page.close();
  }
}

interface Opening {
  visibleMs: number;
  interactiveMs: number;
  /** Main-thread CPU from navigation until interactive. */
  cpuMs: number;
}

/** From navigation start until the node's card is visible, then until clicking it shows its properties. */
async function openDesigner(page: Page, url: string, index: number): Promise<Opening> {
  const cpu0 = await cpuMs(page);
  const t0 = performance.now();
  await page.goto(url, { waitUntil: "commit" });
  await card(page, index).waitFor({ state: "visible", timeout: OPEN_TIMEOUT_MS });
  const visibleMs = performance.now() - t0;
  await card(page, index).click();
  await messageField(page).waitFor({ state: "visible" });
  const interactiveMs = performance.now() - t0;
  return { visibleMs, interactiveMs, cpuMs: Math.max(0, (await cpuMs(page)) - cpu0) };
}

async function frames(page: Page, during: () => Promise<void>): Promise<FrameSample> {
  await page.evaluate("window.__bench.startFrames()");
  await during();
  return (await page.evaluate("window.__bench.stopFrames()")) as FrameSample;
}

/** Mouse down, 60 moves paced over ~1 s (out to `delta` and back), mouse up; frames counted throughout. */
type GestureSample = FrameSample & { moves: number; cpuPerMoveMs: number };
const gestureText = (g: GestureSample) =>
  `${fpsText(fpsOf(g), g.longestMs)} over ${ms(g.ms)}${g.moves < GESTURE_STEPS ? `, only ${g.moves}/${GESTURE_STEPS} moves sent` : ""}; main-thread CPU ${ms(g.cpuPerMoveMs)} per move`;
const keysText = (typing: Typing) => {
  const paint = typing.samples.map((k) => k.paint);
  return `p50 ${ms(quantile(paint, 0.5))}, p95 ${ms(quantile(paint, 0.95))}, max ${ms(Math.max(...paint))}; main-thread CPU ${ms(median(typing.cpuPerKeyMs))} per key`;
};

async function gesture(
  page: Page,
  from: { x: number; y: number },
  delta: { x: number; y: number },
): Promise<GestureSample> {
  await page.mouse.move(from.x, from.y);
  let moves = 0;
  const cpu0 = await cpuMs(page);
  const sample = await frames(page, async () => {
    await page.mouse.down();
    const t0 = performance.now();
    const half = GESTURE_STEPS / 2;
    for (let i = 1; i <= GESTURE_STEPS; i++) {
      // A page too busy to keep up gets the last move only, so a gesture cannot run for minutes.
      if (i < GESTURE_STEPS && performance.now() - t0 > GESTURE_CAP_MS) continue;
      const f = i <= half ? i / half : (GESTURE_STEPS - i) / half;
      await page.mouse.move(from.x + delta.x * f, from.y + delta.y * f);
      moves++;
      const wait = t0 + (i * GESTURE_MS) / GESTURE_STEPS - performance.now();
      if (wait > 0) await sleep(wait);
    }
    await page.mouse.up();
  });
  return { ...sample, moves, cpuPerMoveMs: ((await cpuMs(page)) - cpu0) / (moves + 2) };
}

async function zoomOf(page: Page): Promise<number> {
  const zoom = (await page.evaluate(VIEWPORT_ZOOM)) as number;
  if (!Number.isFinite(zoom)) throw new Error("cannot read the canvas zoom (.react-flow__viewport transform)");
  return zoom;
}

/** Wheel-zooms around the node's card until the canvas is at ~100%. */
async function zoomToActualSize(page: Page, index: number): Promise<number> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const zoom = await zoomOf(page);
    if (zoom > 0.9 && zoom < 1.15) return zoom;
    const box = await card(page, index).boundingBox();
    if (!box) throw new Error(`node ${nodeId(index)} is not on screen`);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // React Flow (d3-zoom) multiplies the zoom by 2^(-deltaY × 0.002) per wheel event.
    await page.mouse.wheel(0, -Math.log2(1 / zoom) / 0.002);
    await sleep(300);
  }
  throw new Error(`could not zoom the canvas to 100% (at ${await zoomOf(page)})`);
}

async function dragPoint(page: Page, index: number) {
  const box = await card(page, index).boundingBox();
  if (!box) throw new Error(`node ${nodeId(index)} is not on screen`);
  // The header (icon and name), away from the handles on the left and right edges.
  return { x: box.x + box.width / 2, y: box.y + box.height * 0.25 };
}

async function emptyPanePoint(page: Page) {
  const canvas = await page.getByTestId("flow-canvas").boundingBox();
  if (!canvas) throw new Error("the canvas is not on screen");
  const point = (await page.evaluate(
    `(${FIND_EMPTY_PANE_POINT})(${canvas.x + canvas.width / 2}, ${canvas.y + canvas.height / 2})`,
  )) as { x: number; y: number } | null;
  if (!point) throw new Error("found no empty spot on the canvas to pan from");
  return point;
}

/**
 * Types KEYSTROKES characters into a field, one every KEY_INTERVAL_MS (or as fast as the page takes them),
 * ROUNDS times; returns every keystroke's sample.
 */
async function typeInto(page: Page, field: Locator, clearAfter: boolean): Promise<Typing> {
  const samples: KeySample[] = [];
  const cpuPerKeyMs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    await field.click();
    await page.keyboard.press("ControlOrMeta+End");
    await sleep(300);
    await page.evaluate("window.__bench.startKeys()");
    const cpu0 = await cpuMs(page);
    const t0 = performance.now();
    let sent = 0;
    while (sent < KEYSTROKES && performance.now() - t0 < TYPING_CAP_MS) {
      await page.keyboard.type(TYPED[sent % TYPED.length] as string);
      sent++;
      const wait = t0 + sent * KEY_INTERVAL_MS - performance.now();
      if (wait > 0) await sleep(wait);
    }
    await page
      .waitForFunction(`window.__bench.keys.length >= ${sent}`, undefined, { timeout: 15_000 })
      .catch(async () => {
        const got = await page.evaluate("window.__bench.keys.length");
        throw new Error(`only ${got} of ${sent} keystrokes reached the page as input events`);
      });
    samples.push(...((await page.evaluate("window.__bench.stopKeys()")) as KeySample[]));
    // The typing's work, including what it sets off shortly after (debounced validation, autosave).
    await sleep(400);
    cpuPerKeyMs.push(((await cpuMs(page)) - cpu0) / sent);
    if (clearAfter) await field.fill("");
  }
  return { samples, cpuPerKeyMs };
}

interface Typing {
  samples: KeySample[];
  /** Main-thread CPU per keystroke, one figure per round. */
  cpuPerKeyMs: number[];
}

interface FlowFigures {
  nodes: number;
  openings: Opening[];
  idle: FrameSample[];
  fitZoom: number;
  dragFit: GestureSample[];
  panFit: GestureSample[];
  actualZoom: number;
  dragActual: GestureSample[];
  panActual: GestureSample[];
  typing: Typing;
  palette: Typing | null;
}

async function measureFlow(
  browser: Browser,
  context: BrowserContext,
  url: string,
  nodes: number,
  options: { palette: boolean; warmUp: boolean; traceDir: string | null },
): Promise<FlowFigures> {
  const index = middleMessageIndex(nodes);
  const label = `${nodes.toLocaleString("en")}-node flow`;
  const traced = async <T>(name: string, page: Page, fn: () => Promise<T>): Promise<T> => {
    if (!options.traceDir) return fn();
    const file = path.join(options.traceDir, `${nodes}-${name}.json`);
    await browser.startTracing(page, { path: file, screenshots: false });
    try {
      return await fn();
    } finally {
      await browser.stopTracing();
      console.log(`  trace: ${file}`);
    }
  };

  // Time to interactive: ROUNDS fresh pages, after a warm-up load (server and HTTP caches) for the first flow.
  const openings: Opening[] = [];
  let page: Page | null = null;
  for (let r = options.warmUp ? 0 : 1; r <= ROUNDS; r++) {
    await page?.close();
    page = await newMeasuredPage(context);
    const opening = await step(`opening the designer on the ${label} (round ${r})`, () =>
      openDesigner(page as Page, url, index),
    );
    if (r > 0) openings.push(opening);
    progress(
      `${label}: ${r ? "opened" : "warm-up open"}: card visible ${ms(opening.visibleMs)}, interactive ${ms(opening.interactiveMs)}; main-thread CPU ${ms(opening.cpuMs)}`,
    );
  }
  if (!page) throw new Error("no page");
  const p: Page = page;
  await p.evaluate(PROBE);
  await sleep(1_000); // validation (debounced) and the first autosave check settle

  const idle: FrameSample[] = [];
  for (let r = 0; r < ROUNDS; r++) idle.push(await frames(p, () => sleep(GESTURE_MS)));
  progress(`${label}: idle ${idle.map((x) => fpsText(fpsOf(x))).join(", ")}`);

  const interactions = async (where: string) => {
    const drag: GestureSample[] = [];
    const pan: GestureSample[] = [];
    await step(`dragging a node (${label}, ${where})`, () =>
      traced(`drag-${where}`, p, async () => {
        for (let r = 0; r < ROUNDS; r++) {
          drag.push(await gesture(p, await dragPoint(p, index), { x: 240, y: 120 }));
          progress(`${label}: drag (${where}) ${gestureText(drag.at(-1) as GestureSample)}`);
          await sleep(500);
        }
      }),
    );
    await step(`panning the canvas (${label}, ${where})`, () =>
      traced(`pan-${where}`, p, async () => {
        for (let r = 0; r < ROUNDS; r++) {
          pan.push(await gesture(p, await emptyPanePoint(p), { x: -240, y: -120 }));
          progress(`${label}: pan (${where}) ${gestureText(pan.at(-1) as GestureSample)}`);
          await sleep(500);
        }
      }),
    );
    return { drag, pan };
  };

  const fitZoom = await zoomOf(p);
  const fit = await interactions("fit");
  const actualZoom = await step(`zooming to 100% (${label})`, () => zoomToActualSize(p, index));
  progress(`${label}: zoomed from ${fitZoom.toFixed(3)} to ${actualZoom.toFixed(2)}`);
  await sleep(500);
  const actual = await interactions("100");

  const typing = await step(`typing in the properties panel (${label})`, async () => {
    await card(p, index).click();
    return traced("typing", p, () => typeInto(p, messageField(p), false));
  });
  progress(`${label}: properties panel keystrokes ${keysText(typing)}`);
  const palette = options.palette
    ? await step(`typing in the palette search (${label})`, () =>
        typeInto(p, p.getByLabel("Find a node type", { exact: true }), true),
      )
    : null;
  if (palette) progress(`${label}: palette search keystrokes ${keysText(palette)}`);
  await p.close();
  return {
    nodes,
    openings,
    idle,
    fitZoom,
    dragFit: fit.drag,
    panFit: fit.pan,
    actualZoom,
    dragActual: actual.drag,
    panActual: actual.pan,
    typing,
    palette,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------------------

function summarize(f: FlowFigures) {
  const gestures = (samples: GestureSample[]) => ({
    fps: median(samples.map(fpsOf)),
    worstFrameMs: median(samples.map((x) => x.longestMs)),
    cpuPerMoveMs: median(samples.map((x) => x.cpuPerMoveMs)),
  });
  const keys = (typing: Typing) => {
    const paint = typing.samples.map((x) => x.paint);
    return {
      p50: quantile(paint, 0.5),
      p95: quantile(paint, 0.95),
      max: Math.max(...paint),
      rafP95: quantile(
        typing.samples.map((x) => x.raf),
        0.95,
      ),
      cpuPerKeyMs: median(typing.cpuPerKeyMs),
    };
  };
  return {
    interactiveMs: median(f.openings.map((o) => o.interactiveMs)),
    visibleMs: median(f.openings.map((o) => o.visibleMs)),
    openCpuMs: median(f.openings.map((o) => o.cpuMs)),
    idleFps: median(f.idle.map(fpsOf)),
    dragFit: gestures(f.dragFit),
    panFit: gestures(f.panFit),
    dragActual: gestures(f.dragActual),
    panActual: gestures(f.panActual),
    typing: keys(f.typing),
    palette: f.palette ? keys(f.palette) : null,
    fitZoom: f.fitZoom,
    actualZoom: f.actualZoom,
  };
}

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 100 ? 1 : 0)} ms` : "–");
const fpsText = (value: number, longestMs?: number) =>
  `${value.toFixed(1)} fps${longestMs === undefined ? "" : ` (worst frame ${longestMs.toFixed(0)} ms)`}`;
const ratio = (value: number, baseline: number) => `${(value / baseline).toFixed(2)}×`;
const yesNo = (ok: boolean) => (ok ? "yes" : "NO");
const fixed = (value: number, digits = 1) => Number(value.toFixed(digits));

interface RunInfo {
  database: string;
  chromium: string;
  /** Share of a CPU the page's main thread got in a busy loop, before and after the measurements. */
  cpuShare: number[];
}

function report(big: FlowFigures, small: FlowFigures, info: RunInfo) {
  const b = summarize(big);
  const s = summarize(small);
  const palette = b.palette;
  if (!palette) throw new Error("the palette search (the keystroke baseline) was not measured");
  const bigLabel = `${BIG.toLocaleString("en")} nodes`;
  type Gesture = ReturnType<typeof summarize>["dragFit"];
  const fpsRow = (figure: string, g: Gesture) => [
    figure,
    fpsText(g.fps, g.worstFrameMs),
    `${b.idleFps.toFixed(1)} fps (idle rAF)`,
    ratio(g.fps, b.idleFps),
    `≥ ${GOALS.fps} fps`,
    yesNo(g.fps >= GOALS.fps),
    `${ms(g.cpuPerMoveMs)} per move`,
  ];
  const met = {
    interactive: b.interactiveMs <= GOALS.interactiveMs,
    drag: b.dragFit.fps >= GOALS.fps && b.dragActual.fps >= GOALS.fps,
    pan: b.panFit.fps >= GOALS.fps && b.panActual.fps >= GOALS.fps,
    keystroke: b.typing.p95 <= GOALS.keystrokeMs,
  };
  const share = Math.min(...info.cpuShare);

  console.log(
    `\nFlow designer, ${bigLabel} (baseline: ${SMALL} nodes): the production build (next start) on ${info.database},`,
  );
  console.log(
    `Chromium ${info.chromium} headless at ${VIEWPORT.width}×${VIEWPORT.height}; medians of ${ROUNDS} rounds, keystrokes pooled (${ROUNDS}×${KEYSTROKES}, one per ${KEY_INTERVAL_MS} ms).`,
  );
  console.log(
    `"whole flow in view" is the zoom the designer opens at (${b.fitZoom.toFixed(2)}; ${s.fitZoom.toFixed(2)} for ${SMALL} nodes); 100% is ${b.actualZoom.toFixed(2)}.`,
  );
  console.log(
    `The page's main thread got ${(share * 100).toFixed(0)}% of a CPU in a busy loop${share < 0.8 ? ": other processes compete for the CPU, wall-clock figures are inflated (see the CPU column)" : ""}.\n`,
  );
  printRows(
    ["figure", "value", "baseline", "ratio", "goal", "met?", "main-thread CPU"],
    [
      [
        `open → node interactive (${bigLabel})`,
        ms(b.interactiveMs),
        `${ms(s.interactiveMs)} (${SMALL} nodes)`,
        ratio(b.interactiveMs, s.interactiveMs),
        `≤ ${GOALS.interactiveMs} ms`,
        yesNo(met.interactive),
        `${ms(b.openCpuMs)} (${ms(s.openCpuMs)} for ${SMALL})`,
      ],
      [
        "  of which: node card visible",
        ms(b.visibleMs),
        `${ms(s.visibleMs)} (${SMALL} nodes)`,
        ratio(b.visibleMs, s.visibleMs),
        "",
        "",
        "",
      ],
      fpsRow("drag a node, whole flow in view", b.dragFit),
      fpsRow("drag a node, 100% zoom", b.dragActual),
      fpsRow("pan, whole flow in view", b.panFit),
      fpsRow("pan, 100% zoom", b.panActual),
      [
        "keystroke → paint p50, properties panel",
        ms(b.typing.p50),
        `${ms(palette.p50)} (palette search)`,
        ratio(b.typing.p50, palette.p50),
        `≤ ${GOALS.keystrokeMs} ms`,
        yesNo(b.typing.p50 <= GOALS.keystrokeMs),
        `${ms(b.typing.cpuPerKeyMs)} per key (${ms(palette.cpuPerKeyMs)})`,
      ],
      [
        "keystroke → paint p95, properties panel",
        ms(b.typing.p95),
        `${ms(palette.p95)} (palette search)`,
        ratio(b.typing.p95, palette.p95),
        `≤ ${GOALS.keystrokeMs} ms`,
        yesNo(met.keystroke),
        "",
      ],
    ],
  );
  const gestureRow = (figure: string, g: Gesture) => [
    figure,
    fpsText(g.fps, g.worstFrameMs),
    `≥ ${GOALS.fps} fps`,
    yesNo(g.fps >= GOALS.fps),
    `${ms(g.cpuPerMoveMs)} per move`,
  ];
  console.log(`\nThe same on the ${SMALL}-node flow\n`);
  printRows(
    ["figure", "value", "goal", "met?", "main-thread CPU"],
    [
      [
        "open → node interactive",
        ms(s.interactiveMs),
        `≤ ${GOALS.interactiveMs} ms`,
        yesNo(s.interactiveMs <= GOALS.interactiveMs),
        ms(s.openCpuMs),
      ],
      gestureRow("drag a node, whole flow in view", s.dragFit),
      gestureRow("drag a node, 100% zoom", s.dragActual),
      gestureRow("pan, whole flow in view", s.panFit),
      gestureRow("pan, 100% zoom", s.panActual),
      [
        "keystroke → paint p50 / p95, properties panel",
        `${ms(s.typing.p50)} / ${ms(s.typing.p95)}`,
        `≤ ${GOALS.keystrokeMs} ms`,
        yesNo(s.typing.p95 <= GOALS.keystrokeMs),
        `${ms(s.typing.cpuPerKeyMs)} per key`,
      ],
    ],
  );
  console.log(
    "\nfps: requestAnimationFrame callbacks per second during a ~1 s, 60-move mouse gesture (capped at the idle rate).",
  );
  console.log("keystroke → paint: from the keydown's timestamp to the first task after the next frame has painted.");
  console.log(
    "main-thread CPU: the renderer main thread's CPU time (Chromium's ThreadTime), per opening, pointer event or keystroke;",
  );
  console.log(
    `  what the work costs whatever else runs on the machine (a frame at ${GOALS.fps} fps has ${(1000 / GOALS.fps).toFixed(0)} ms).\n`,
  );
  const gestureJson = (name: string, g: Gesture) => ({
    [`${name}_fps`]: fixed(g.fps),
    [`${name}_worst_frame_ms`]: Math.round(g.worstFrameMs),
    [`${name}_cpu_per_move_ms`]: fixed(g.cpuPerMoveMs),
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
      interactive_ms: Math.round(b.interactiveMs),
      interactive_baseline_ms: Math.round(s.interactiveMs),
      interactive_ratio: fixed(b.interactiveMs / s.interactiveMs, 2),
      node_visible_ms: Math.round(b.visibleMs),
      open_cpu_ms: Math.round(b.openCpuMs),
      open_cpu_baseline_ms: Math.round(s.openCpuMs),
      idle_fps: fixed(b.idleFps),
      fit_zoom: fixed(b.fitZoom, 3),
      ...gestureJson("drag_fit", b.dragFit),
      ...gestureJson("drag_100", b.dragActual),
      ...gestureJson("pan_fit", b.panFit),
      ...gestureJson("pan_100", b.panActual),
      keystroke_p50_ms: fixed(b.typing.p50),
      keystroke_p95_ms: fixed(b.typing.p95),
      keystroke_raf_p95_ms: fixed(b.typing.rafP95),
      keystroke_max_ms: fixed(b.typing.max),
      keystroke_cpu_ms: fixed(b.typing.cpuPerKeyMs),
      palette_keystroke_p50_ms: fixed(palette.p50),
      palette_keystroke_p95_ms: fixed(palette.p95),
      palette_keystroke_cpu_ms: fixed(palette.cpuPerKeyMs),
      keystroke_p95_ratio: fixed(b.typing.p95 / palette.p95, 2),
      baseline_drag_fit_fps: fixed(s.dragFit.fps),
      baseline_pan_fit_fps: fixed(s.panFit.fps),
      baseline_keystroke_p95_ms: fixed(s.typing.p95),
      baseline_keystroke_cpu_ms: fixed(s.typing.cpuPerKeyMs),
      goals_met: met,
    }),
  );
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
      console.log("Building the web app for production (turbo run build --filter=@pixel/web)…");
      const t0 = performance.now();
      await step("building the web app", () => buildApp(repoRoot, path.join(runDir, "build.log"), BUILD_BUDGET_MS));
      console.log(`built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    const watchdog = setTimeout(() => {
      console.error(`\nThe bench took longer than ${RUN_BUDGET_MS / 60_000} minutes: stopping.`);
      keepRunDir = true;
      void cleanup().then(() => process.exit(1));
    }, RUN_BUDGET_MS);
    cleanups.push(async () => clearTimeout(watchdog));

    console.log(`Measuring the production build (next start) on 127.0.0.1:${PORT}…`);
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
    const traceDir = args.has("--trace") ? runDir : null;
    progress(`measuring the ${SMALL}-node flow…`);
    const small = await measureFlow(browser, context, `/app/bots/${smallBot}`, SMALL, {
      palette: false,
      warmUp: true,
      traceDir: null,
    });
    progress(`measuring the ${BIG.toLocaleString("en")}-node flow…`);
    const big = await measureFlow(browser, context, `/app/bots/${bigBot}`, BIG, {
      palette: true,
      warmUp: false,
      traceDir,
    });

    const shareAfter = await cpuShare(context);
    report(big, small, {
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
