/**
 * What the designer bench does on a page: open the designer, drag and pan with the mouse, type, and read
 * the renderer main thread's CPU time (Chromium's ThreadTime, through CDP) around each of those.
 */
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { BrowserContext, CDPSession, Locator, Page } from "playwright-core";
import { nodeId } from "./flow.ts";
import { FIND_EMPTY_PANE_POINT, type FrameSample, type KeySample, VIEWPORT_ZOOM } from "./probe.ts";

export const GESTURE_STEPS = 60;
export const GESTURE_MS = 1_000;
/** A page too slow to take the moves in time gets the last move only after this long. */
const GESTURE_CAP_MS = 3 * GESTURE_MS;
export const KEYSTROKES = 40;
/** Time between keystrokes: a fast typist's burst (~10 characters per second). */
export const KEY_INTERVAL_MS = Number(process.env.BENCH_KEY_INTERVAL_MS ?? 100);
/** The same for a round of typing. */
const TYPING_CAP_MS = 3 * KEYSTROKES * KEY_INTERVAL_MS;
/** How long a node card may take to show up when opening the designer. */
const OPEN_TIMEOUT_MS = 90_000;
const TYPED = "the quick brown fox jumps over the lazy dog ";

export const inspector = (page: Page) => page.locator('aside[aria-label="Inspector"]');
/** The message node's text field (its label comes from packages/flow/src/nodes/message/form.ts). */
export const messageField = (page: Page) => inspector(page).getByRole("textbox", { name: "Message", exact: true });
export const paletteSearch = (page: Page) => page.getByLabel("Find a node type", { exact: true });
export const card = (page: Page, index: number) => page.getByTestId(`node-${nodeId(index)}`);

// ---------------------------------------------------------------------------------------------------------
// Main-thread CPU time. Wall-clock figures suffer when other processes compete for the CPU; CPU time says
// what the work itself costs.
// ---------------------------------------------------------------------------------------------------------

const cdpSessions = new WeakMap<Page, CDPSession>();

export async function newMeasuredPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  cdpSessions.set(page, cdp);
  return page;
}

/** The renderer main thread's CPU time so far, in ms. */
export async function cpuMs(page: Page): Promise<number> {
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
export async function cpuShare(context: BrowserContext): Promise<number> {
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

/**
 * Waits until the page's main thread is mostly idle (under a quarter busy over 300 ms), so that work set off by
 * one step (debounced validation, autosave, layout) is not counted in the next; gives up after 8 s.
 */
export async function settle(page: Page): Promise<void> {
  const deadline = performance.now() + 8_000;
  while (performance.now() < deadline) {
    const cpu0 = await cpuMs(page);
    await sleep(300);
    if ((await cpuMs(page)) - cpu0 < 75) return;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Opening
// ---------------------------------------------------------------------------------------------------------

export interface Opening {
  visibleMs: number;
  interactiveMs: number;
  /** Main-thread CPU from navigation until interactive. */
  cpuMs: number;
}

/** From `page.goto` until the node's card is visible, then until a click on it shows its properties. */
export async function openDesigner(page: Page, url: string, index: number): Promise<Opening> {
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

// ---------------------------------------------------------------------------------------------------------
// Frames and gestures
// ---------------------------------------------------------------------------------------------------------

export type IdleSample = FrameSample & { cpuMs: number };

/** Frames counted by the in-page requestAnimationFrame counter while `during` runs. */
async function frames(page: Page, during: () => Promise<void>): Promise<FrameSample> {
  await page.evaluate("window.__bench.startFrames()");
  await during();
  return (await page.evaluate("window.__bench.stopFrames()")) as FrameSample;
}

/** The page left alone for a gesture's duration. */
export async function idle(page: Page): Promise<IdleSample> {
  const cpu0 = await cpuMs(page);
  const sample = await frames(page, () => sleep(GESTURE_MS));
  return { ...sample, cpuMs: (await cpuMs(page)) - cpu0 };
}

export type GestureSample = FrameSample & { moves: number; cpuPerEventMs: number };

/** Mouse down, 60 moves paced over ~1 s (out to `delta` and back), mouse up; frames counted throughout. */
export async function gesture(
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
  // Per pointer event: the moves, the press and the release.
  return { ...sample, moves, cpuPerEventMs: ((await cpuMs(page)) - cpu0) / (moves + 2) };
}

/** Where to press to drag a node: its header (icon and name), away from the handles on the left and right. */
export async function dragPoint(page: Page, index: number) {
  const box = await card(page, index).boundingBox();
  if (!box) throw new Error(`node ${nodeId(index)} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height * 0.25 };
}

/** Where to press to pan: an empty spot of the canvas near its centre. */
export async function emptyPanePoint(page: Page) {
  const canvas = await page.getByTestId("flow-canvas").boundingBox();
  if (!canvas) throw new Error("the canvas is not on screen");
  const point = (await page.evaluate(
    `(${FIND_EMPTY_PANE_POINT})(${canvas.x + canvas.width / 2}, ${canvas.y + canvas.height / 2})`,
  )) as { x: number; y: number } | null;
  if (!point) throw new Error("found no empty spot on the canvas to pan from");
  return point;
}

export async function zoomOf(page: Page): Promise<number> {
  const zoom = (await page.evaluate(VIEWPORT_ZOOM)) as number;
  if (!Number.isFinite(zoom)) throw new Error("cannot read the canvas zoom (.react-flow__viewport transform)");
  return zoom;
}

/** Wheel-zooms around the node's card until the canvas is at ~100%. */
export async function zoomToActualSize(page: Page, index: number): Promise<number> {
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

// ---------------------------------------------------------------------------------------------------------
// Typing
// ---------------------------------------------------------------------------------------------------------

export interface TypingRound {
  samples: KeySample[];
  /** Main-thread CPU per keystroke, including what the typing sets off shortly after (validation, autosave). */
  cpuPerKeyMs: number;
}

/** Types KEYSTROKES characters at the end of a field, one every KEY_INTERVAL_MS (or as fast as the page takes them). */
export async function typeInto(page: Page, field: Locator, clearAfter: boolean): Promise<TypingRound> {
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
  const samples = (await page.evaluate("window.__bench.stopKeys()")) as KeySample[];
  await sleep(400);
  const cpuPerKeyMs = ((await cpuMs(page)) - cpu0) / sent;
  if (clearAfter) await field.fill("");
  await sleep(300);
  return { samples, cpuPerKeyMs };
}
