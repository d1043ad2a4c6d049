/**
 * The app server of the chat bench, in its own process as in production (the bench process holds the load
 * generator and the provider stand-in): a node:http server on 127.0.0.1 that turns each request into a fetch
 * `Request`, hands `POST /api/chat/:slug` to the public chat handler (`handleChatTurn`) with a Prisma client on
 * the bench's database, and streams the `Response` back.
 *
 * Started by chat.bench.ts with fork(); env: CHAT_BENCH_DATABASE_URL, CHAT_BENCH_EMBEDDED ("1" for PGlite),
 * CHAT_BENCH_POOL_MAX, PIXEL_ENCRYPTION_KEY. Says {type: "ready", url} over IPC; {type: "close"} ends it.
 *
 * Bench-only routes: POST /__bench/instrument?on=1|0 switches to the timed Prisma client and fetch (breakdown
 * phase) and clears the intervals; GET /__bench/intervals gives them; GET /__bench/cpu gives process.cpuUsage();
 * POST /__bench/profile?on=1|0 starts and stops the V8 CPU profiler, the profile written into
 * CHAT_BENCH_CPU_PROF_DIR (answers its path).
 */
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { Session } from "node:inspector";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { handleChatOptions, handleChatTurn } from "@pixel/api";
import { createPrismaClient } from "@pixel/db";
import { sendFetchResponse, toFetchRequest } from "./http.ts";
import { type Interval, instrumentFetch, instrumentPrisma, PROVIDER_CALL } from "./instrument.ts";

const url = process.env.CHAT_BENCH_DATABASE_URL;
if (!url) throw new Error("CHAT_BENCH_DATABASE_URL is not set");
const embedded = process.env.CHAT_BENCH_EMBEDDED === "1";
const plain = createPrismaClient({ url, poolMax: Number(process.env.CHAT_BENCH_POOL_MAX ?? 10), embedded });

const intervals: Interval[] = [];
const record = (label: string, start: number, end: number) => intervals.push({ label, start, end });
const timedPrisma = instrumentPrisma(plain, record);
let instrumented = false;
let restoreFetch: (() => void) | null = null;

const profileDir = process.env.CHAT_BENCH_CPU_PROF_DIR || null;
let profiler: Session | null = null;

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))),
  );
}

/** Starts the profiler, or stops it and writes the profile: its file. */
async function profile(on: boolean): Promise<string | null> {
  if (!profileDir) return null;
  if (on) {
    profiler ??= new Session();
    profiler.connect();
    await post(profiler, "Profiler.enable");
    await post(profiler, "Profiler.setSamplingInterval", { interval: 200 });
    await post(profiler, "Profiler.start");
    return null;
  }
  if (!profiler) return null;
  const { profile: result } = await post<{ profile: object }>(profiler, "Profiler.stop");
  profiler.disconnect();
  profiler = null;
  const file = path.join(profileDir, `chat-server-${Date.now()}.cpuprofile`);
  writeFileSync(file, JSON.stringify(result));
  return file;
}

const CHAT_PATH = /^\/api\/chat\/([^/?]+)$/;

let appUrl = "http://127.0.0.1";
const server = createServer((req, res) => {
  const started = performance.now();
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  const fail = (error: unknown) => {
    console.error(`[chat-bench server] ${error instanceof Error ? error.message : String(error)}`);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" }).end("bench server failure");
    else res.destroy();
  };
  const chat = CHAT_PATH.exec(path);
  if (chat && (req.method === "POST" || req.method === "OPTIONS")) {
    const slug = decodeURIComponent(chat[1] as string);
    const timing = instrumented;
    const prisma = timing ? timedPrisma : plain;
    void (async () => {
      const request = await toFetchRequest(req, appUrl);
      const handler = req.method === "POST" ? handleChatTurn : handleChatOptions;
      const response = await handler({ req: request, prisma, slug, appUrl });
      if (timing) record("server: request → response headers", started, performance.now());
      await sendFetchResponse(res, response);
      if (timing) record("server: request → last byte", started, performance.now());
    })().catch(fail);
    return;
  }
  if (path === "/__bench/instrument" && req.method === "POST") {
    const on = new URL(req.url ?? "/", appUrl).searchParams.get("on") === "1";
    intervals.length = 0;
    if (on && !restoreFetch) restoreFetch = instrumentFetch(PROVIDER_CALL, record);
    if (!on && restoreFetch) {
      restoreFetch();
      restoreFetch = null;
    }
    instrumented = on;
    res.writeHead(204).end();
    return;
  }
  if (path === "/__bench/profile" && req.method === "POST") {
    const on = new URL(req.url ?? "/", appUrl).searchParams.get("on") === "1";
    profile(on)
      .then((file) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ file })))
      .catch(fail);
    return;
  }
  if (path === "/__bench/intervals" && req.method === "GET") {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(intervals));
    return;
  }
  if (path === "/__bench/cpu" && req.method === "GET") {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(process.cpuUsage()));
    return;
  }
  res.writeHead(404).end();
});
server.keepAliveTimeout = 30_000;

server.listen(0, "127.0.0.1", () => {
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.send?.({ type: "ready", url: appUrl });
});

let closing = false;
async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  restoreFetch?.();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await plain.$disconnect();
  process.exit(0);
}

process.on("message", (message: { type?: string }) => {
  if (message?.type === "close") void close();
});
// The bench gone (crash, Ctrl-C): do not linger.
process.on("disconnect", () => void close());
