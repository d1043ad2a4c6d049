import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { chromium } from "playwright-core";
import { generateDesignerFlow, middleMessageIndex, nodeId } from "./src/designer/flow.ts";
import { FIND_EMPTY_PANE_POINT, PROBE } from "./src/designer/probe.ts";
import { startApp } from "./src/designer/server.ts";

const runDir = mkdtempSync(path.join(tmpdir(), "designer-explore-"));
const server = await startApp({
  repoRoot: path.resolve(".."),
  port: 3311,
  dataDir: path.join(runDir, "data"),
  logFile: path.join(runDir, "server.log"),
  timeoutMs: 120_000,
});
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
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
});
try {
  const context = await browser.newContext({ baseURL: server.origin, viewport: { width: 1440, height: 900 } });
  const user = { name: "X", email: `x${Date.now()}@example.com`, password: "designer-bench-password" };
  await context.request.post("/api/trpc/auth.signUp", { data: { json: user } });
  const { csrfToken } = await (await context.request.get("/api/auth/csrf")).json();
  await context.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, json: "true" },
  });
  const N = Number(process.env.N ?? 1000);
  const r = await context.request.post("/api/trpc/bots.create", {
    data: { json: { name: "b", flow: generateDesignerFlow(N) } },
  });
  const id = (await r.json()).result.data.json.id;
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const idx = middleMessageIndex(N);
  if (process.env.WHAT === "load") {
    await page.goto(`/app/bots/${id}`);
    await page.getByTestId(`node-${nodeId(idx)}`).waitFor({ timeout: 120000 });
    await page.goto(`/app`);
    await sleep(3000);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
    await cdp.send("Profiler.start");
  }
  const t0 = performance.now();
  await page.goto(`/app/bots/${id}`, { waitUntil: "commit" });
  const times: Record<string, number> = {};
  page.on("response", (res) => {
    if (res.url().includes("trpc")) times[res.url().slice(0, 90)] = performance.now() - t0;
  });
  await page.getByTestId(`node-${nodeId(idx)}`).waitFor({ timeout: 120000 });
  console.log("visible", performance.now() - t0, times);
  if (process.env.WHAT === "load") {
    const { profile } = await cdp.send("Profiler.stop");
    writeFileSync(path.join(runDir, "load.cpuprofile"), JSON.stringify(profile));
    console.log("dir", runDir);
    throw new Error("load profile written");
  }
  const nav = await page.evaluate(`JSON.stringify(performance.getEntriesByType("navigation")[0].toJSON())`);
  console.log(nav);
  const res = await page.evaluate(
    `JSON.stringify(performance.getEntriesByType("resource").map(e => [e.name.slice(-60), Math.round(e.startTime), Math.round(e.responseEnd)]))`,
  );
  console.log(res);
  await page.evaluate(PROBE);
  await sleep(2000);
  const what = process.env.WHAT ?? "drag";
  await cdp.send("Tracing.start", {
    categories: "devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing",
    transferMode: "ReturnAsStream",
  } as never);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  const t1 = performance.now();
  if (what === "drag") {
    const box = (await page.getByTestId(`node-${nodeId(idx)}`).boundingBox())!;
    const x = box.x + box.width / 2,
      y = box.y + box.height * 0.25;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      const s = performance.now();
      await page.mouse.move(x + i * 4, y + i * 2);
      console.log("move", i, Math.round(performance.now() - s));
    }
    await page.mouse.up();
  } else if (what === "pan") {
    const s = performance.now();
    const pt = (await page.evaluate(`(${FIND_EMPTY_PANE_POINT})(900, 450)`)) as { x: number; y: number };
    console.log("empty point", pt, performance.now() - s);
    await page.mouse.move(pt.x, pt.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      const s = performance.now();
      await page.mouse.move(pt.x - i * 4, pt.y - i * 2);
      console.log("move", i, Math.round(performance.now() - s));
    }
    await page.mouse.up();
  } else if (what === "type") {
    await page.getByTestId(`node-${nodeId(idx)}`).click();
    const f = page.locator('aside[aria-label="Inspector"]').getByRole("textbox", { name: "Message", exact: true });
    await f.click();
    await page.evaluate("window.__bench.startKeys()");
    for (let i = 0; i < 10; i++) {
      const s = performance.now();
      await page.keyboard.type("a");
      console.log("key", Math.round(performance.now() - s));
      await sleep(100);
    }
    await sleep(1000);
    console.log(await page.evaluate("JSON.stringify(window.__bench.stopKeys())"));
  }
  console.log(what, "took", performance.now() - t1);
  const { profile } = await cdp.send("Profiler.stop");
  writeFileSync(path.join(runDir, `${what}.cpuprofile`), JSON.stringify(profile));
  const chunks: string[] = [];
  const done = new Promise<string>((resolve) =>
    cdp.once("Tracing.tracingComplete", (e: { stream?: string }) => resolve(e.stream!)),
  );
  await cdp.send("Tracing.end");
  const stream = await done;
  for (;;) {
    const c = await cdp.send("IO.read", { handle: stream });
    chunks.push(c.data);
    if (c.eof) break;
  }
  writeFileSync(path.join(runDir, `${what}.trace.json`), chunks.join(""));
  console.log("dir", runDir);
} finally {
  await browser.close();
  await server.stop();
}
