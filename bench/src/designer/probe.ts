/**
 * In-page instruments, installed with `page.evaluate(PROBE)`. Plain JavaScript text on purpose: functions
 * passed to `page.evaluate` are serialised from the transpiled TypeScript, which may reference helpers
 * (e.g. esbuild's `__name`) that do not exist in the page.
 *
 * - frames: a requestAnimationFrame counter between start and stop: frames, elapsed ms, longest gap.
 * - keys: for each keystroke, from the keydown's timestamp (when the input was created) to the next animation
 *   frame (`raf`) and to the first task after that frame, i.e. after its style, layout and paint (`paint`).
 */
export const PROBE = `(() => {
  if (window.__bench) return;
  const bench = {
    counting: false, frameTimes: [], startedAt: 0,
    keyStart: null, keys: [],
    startFrames() {
      bench.counting = true;
      bench.frameTimes = [];
      bench.startedAt = performance.now();
      const tick = (t) => {
        if (!bench.counting) return;
        bench.frameTimes.push(t);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    stopFrames() {
      bench.counting = false;
      const stoppedAt = performance.now();
      const times = [bench.startedAt, ...bench.frameTimes.filter((t) => t <= stoppedAt), stoppedAt];
      let longest = 0;
      for (let i = 1; i < times.length; i++) longest = Math.max(longest, times[i] - times[i - 1]);
      return { frames: times.length - 2, ms: stoppedAt - bench.startedAt, longestMs: longest };
    },
    startKeys() {
      bench.keys = [];
      bench.keyStart = null;
      bench.recording = true;
    },
    stopKeys() {
      bench.recording = false;
      return bench.keys;
    },
  };
  window.addEventListener("keydown", (event) => {
    if (bench.recording && event.key.length === 1) bench.keyStart = event.timeStamp;
  }, true);
  window.addEventListener("input", () => {
    const start = bench.keyStart;
    if (start === null) return;
    bench.keyStart = null;
    requestAnimationFrame(() => {
      const raf = performance.now() - start;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => bench.keys.push({ raf, paint: performance.now() - start });
      channel.port2.postMessage(null);
    });
  }, true);
  window.__bench = bench;
})()`;

export interface FrameSample {
  frames: number;
  ms: number;
  longestMs: number;
}

export interface KeySample {
  raf: number;
  paint: number;
}

export const fpsOf = (sample: FrameSample) => (sample.frames * 1000) / sample.ms;

/** The canvas zoom, from React Flow's viewport transform `translate(…) scale(k)`. */
export const VIEWPORT_ZOOM = `(() => {
  const transform = document.querySelector(".react-flow__viewport")?.style.transform ?? "";
  const match = /scale\\(([\\d.e-]+)\\)/.exec(transform);
  return match ? Number(match[1]) : NaN;
})()`;

/**
 * A function (as text) of a preferred point: the nearest point of the canvas pane with nothing on it (node, panel,
 * minimap, edge), with a margin so that a press there lands on the pane. Candidates come from the cards' boxes;
 * only those are hit-tested, nearest first: hit tests are slow with 1,000 nodes and 1,500 edge paths in view.
 */
export const FIND_EMPTY_PANE_POINT = `(cx, cy) => {
  const pane = document.querySelector(".react-flow__pane");
  if (!pane) return null;
  const r = pane.getBoundingClientRect();
  const boxes = [...document.querySelectorAll(".react-flow__node, .react-flow__panel")].map((e) => e.getBoundingClientRect());
  const clear = (x, y) => boxes.every((b) => x < b.left - 12 || x > b.right + 12 || y < b.top - 12 || y > b.bottom + 12);
  const candidates = [];
  for (let y = r.top + 24; y < r.bottom - 24; y += 12) {
    for (let x = r.left + 24; x < r.right - 24; x += 12) {
      if (clear(x, y)) candidates.push({ x, y, d: (x - cx) ** 2 + (y - cy) ** 2 });
    }
  }
  candidates.sort((a, b) => a.d - b.d);
  const free = (x, y) => document.elementFromPoint(x, y) === pane;
  for (const c of candidates.slice(0, 100)) {
    if (free(c.x, c.y) && free(c.x - 6, c.y) && free(c.x + 6, c.y)) return { x: c.x, y: c.y };
  }
  return null;
}`;

export interface DomCounts {
  elements: number;
  nodes: number;
  edges: number;
  handles: number;
  minimapNodes: number;
}

/** What the page renders: all elements, and React Flow's node cards, edges, handles and minimap nodes. */
export const DOM_COUNTS = `(() => ({
  elements: document.getElementsByTagName("*").length,
  nodes: document.querySelectorAll(".react-flow__node").length,
  edges: document.querySelectorAll(".react-flow__edge").length,
  handles: document.querySelectorAll(".react-flow__handle").length,
  minimapNodes: document.querySelectorAll(".react-flow__minimap-node").length,
}))()`;
