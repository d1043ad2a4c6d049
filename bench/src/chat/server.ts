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
 * phase) and clears the intervals; GET /__bench/intervals gives them; GET /__bench/cpu gives process.cpuUsage().
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
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
