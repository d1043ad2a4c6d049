import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { anthropicMessages } from "./anthropic.ts";
import { googleGemini, matchGeminiPath } from "./google.ts";
import { modelsListBody, modelsListFormat } from "./models.ts";
import { OLLAMA_ROOT_TEXT, ollamaTags } from "./ollama.ts";
import { openaiChat } from "./openai-chat.ts";
import { openaiResponses } from "./openai-responses.ts";
import { DEFAULT_RETRY_AFTER_SECONDS, DEFAULT_SLOW_FIRST_TOKEN_MS, faultPoint, resolveScript } from "./script.ts";
import type { RecordedRequest, Reply, RouteId, StandIn, StandInOptions } from "./types.ts";
import type { ErrorKind, Frame, ParsedRequest, RenderContext, WireFormat } from "./wire.ts";
import { encodeSseFrame, maskSecret } from "./wire.ts";

export const DEFAULT_REPLY_TEXT = "Hello from the stand-in! This is a scripted reply.";

/** After the last chunk before a cut, the socket stays open this long so the client reads those chunks first. */
const CUT_SETTLE_MS = 25;
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "x-api-key", "x-goog-api-key", "api-key"]);

type Route = { id: RouteId; format?: WireFormat };

/** The path decides the format; any prefix is accepted, so a "custom" base URL such as `${url}/my/v1` works too. */
function resolveRoute(method: string, path: string): Route {
  if (method === "GET") {
    if (path === "/") return { id: "ollama-root" };
    if (path === "/api/tags") return { id: "ollama-tags" };
    if (path.endsWith("/models")) return { id: "models-list" };
    return { id: "unknown" };
  }
  if (method !== "POST") return { id: "unknown" };
  if (path.endsWith("/chat/completions")) return { id: "openai-chat", format: openaiChat };
  if (path.endsWith("/responses")) return { id: "openai-responses", format: openaiResponses };
  if (path.endsWith("/messages")) return { id: "anthropic-messages", format: anthropicMessages };
  if (matchGeminiPath(path) != null) return { id: "google-gemini", format: googleGemini };
  return { id: "unknown" };
}

function redactHeaderValue(value: string): string {
  const scheme = /^(Bearer|Basic|Token)\s+(.+)$/i.exec(value.trim());
  return scheme != null ? `${scheme[1]} ${maskSecret(scheme[2] ?? "")}` : maskSecret(value);
}

function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    if (raw == null) continue;
    const value = Array.isArray(raw) ? raw.join(", ") : raw;
    out[name] = SECRET_HEADERS.has(name) ? redactHeaderValue(value) : value;
  }
  return out;
}

function redactQuery(query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of query) out[name] = name === "key" ? maskSecret(value) : value;
  return out;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

function write(res: ServerResponse, data: string): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed || res.writableEnded) return resolve();
    res.write(data, () => resolve());
  });
}

/** Starts a stand-in on 127.0.0.1 (a free port unless `port` is given). */
export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const initialDefault: Reply = options.defaultReply ?? { text: DEFAULT_REPLY_TEXT };
  const expectedKeys =
    options.expectedKey == null
      ? undefined
      : Array.isArray(options.expectedKey)
        ? options.expectedKey
        : [options.expectedKey];
  const ollamaModels = options.ollamaModels ?? ["llama3.2:latest"];
  let defaultReply = initialDefault;
  const queue: Reply[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const closing = new AbortController();
  let counter = 0;

  /** Resolves after `ms`, or at once when the request ends or the stand-in closes; the timer never outlives either. */
  function sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (ms <= 0 || signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        timers.delete(timer);
        signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timers.add(timer);
      signal.addEventListener("abort", done, { once: true });
    });
  }

  function sendError(res: ServerResponse, format: WireFormat, request: ParsedRequest, kind: ErrorKind, reply?: Reply) {
    const presented = format.presentedKey(request);
    const error = format.error(kind, {
      maskedKey: presented == null ? null : maskSecret(presented),
      retryAfterSeconds: reply?.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
      message: undefined,
    });
    sendJson(res, error.status, error.body, error.headers);
    return error.status;
  }

  function keyRefused(format: WireFormat, request: ParsedRequest): boolean {
    if (expectedKeys == null) return false;
    const presented = format.presentedKey(request);
    return presented == null || !expectedKeys.includes(presented);
  }

  async function streamAnswer(res: ServerResponse, format: WireFormat, ctx: RenderContext, signal: AbortSignal) {
    const { reply, chunks } = ctx.script;
    const encoding = format.streamEncoding(ctx.request);
    res.writeHead(200, {
      "content-type": encoding.kind === "sse" ? "text/event-stream; charset=utf-8" : "application/json; charset=UTF-8",
      "cache-control": "no-cache",
      connection: "keep-alive",
      ...format.responseHeaders(ctx),
    });
    res.flushHeaders();
    let opened = false;
    const send = async (frames: Frame[]) => {
      if (frames.length === 0 || signal.aborted) return;
      const text =
        encoding.kind === "sse"
          ? frames.map((frame) => encodeSseFrame(frame, encoding.eol)).join("")
          : frames
              .map((frame) => {
                const piece = `${opened ? ",\r\n" : "["}${frame.raw ?? JSON.stringify(frame.data)}`;
                opened = true;
                return piece;
              })
              .join("");
      await write(res, text);
    };
    const cut = async () => {
      await sleep(CUT_SETTLE_MS, signal);
      res.destroy();
    };

    await send(format.preamble(ctx));
    if (reply.fault === "slow-first-token") await sleep(reply.delayMs ?? DEFAULT_SLOW_FIRST_TOKEN_MS, signal);
    const faultAt = faultPoint(reply, chunks.length);
    if (reply.fault === "malformed-chunk" && faultAt === 0) await send([format.malformed(ctx)]);
    for (const [index, chunk] of chunks.entries()) {
      if (index > 0 && reply.chunkDelayMs != null) await sleep(reply.chunkDelayMs, signal);
      if (signal.aborted) return;
      if (reply.fault === "cut-mid-stream" && index === faultAt) return cut();
      await send(format.delta(ctx, chunk, index));
      if (reply.fault === "malformed-chunk" && index + 1 === faultAt) await send([format.malformed(ctx)]);
    }
    if (reply.fault === "cut-mid-stream") return cut();
    await send(format.finish(ctx));
    if (encoding.kind === "json-array") await write(res, opened ? "]" : "[]");
    if (!res.destroyed) res.end();
  }

  async function completeAnswer(res: ServerResponse, format: WireFormat, ctx: RenderContext, signal: AbortSignal) {
    const { reply } = ctx.script;
    if (reply.fault === "slow-first-token") await sleep(reply.delayMs ?? DEFAULT_SLOW_FIRST_TOKEN_MS, signal);
    if (signal.aborted) return;
    const text = JSON.stringify(format.complete(ctx));
    const headers = { "content-type": "application/json", ...format.responseHeaders(ctx) };
    if (reply.fault === "cut-mid-stream") {
      res.writeHead(200, { ...headers, "content-length": String(Buffer.byteLength(text)) });
      await write(res, text.slice(0, Math.floor(text.length / 2)));
      await sleep(CUT_SETTLE_MS, signal);
      res.destroy();
      return;
    }
    // A body that is not JSON (cut in the middle of a string), with a 200.
    const body = reply.fault === "malformed-chunk" ? text.slice(0, Math.floor(text.length / 2)) : text;
    res.writeHead(200, { ...headers, "content-length": String(Buffer.byteLength(body)) });
    res.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, signal: AbortSignal) {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const route = resolveRoute(method, url.pathname);
    const rawBody = await readBody(req);
    let body: unknown;
    let bodyIsJson = true;
    if (rawBody.trim() !== "") {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = rawBody;
        bodyIsJson = false;
      }
    }
    const request: ParsedRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: body != null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {},
    };
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: redactQuery(url.searchParams),
      headers: redactHeaders(req.headers),
      body,
      route: route.id,
      stream: route.format?.isStream(request) ?? false,
      model: route.format?.model(request),
      status: 0,
    };
    requests.push(record);
    const done = (status: number) => {
      record.status = status;
      options.onRequest?.(record);
    };

    switch (route.id) {
      case "ollama-root":
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
        res.end(OLLAMA_ROOT_TEXT);
        return done(200);
      case "ollama-tags":
        sendJson(res, 200, ollamaTags(ollamaModels));
        return done(200);
      case "models-list": {
        const format = modelsListFormat(request);
        if (keyRefused(format, request)) return done(sendError(res, format, request, "unauthorized"));
        sendJson(res, 200, modelsListBody(format));
        return done(200);
      }
      case "unknown":
        sendJson(res, 404, {
          error: { message: `stand-in: no route for ${method} ${url.pathname}`, type: "invalid_request_error" },
        });
        return done(404);
    }

    const format = route.format;
    if (format == null) return done(sendError(res, openaiChat, request, "server-error"));
    const invalid = bodyIsJson ? format.validate(request) : "We could not parse the JSON body of your request.";
    if (invalid != null) {
      const error = format.error("bad-request", { message: invalid, maskedKey: null });
      sendJson(res, error.status, error.body, error.headers);
      return done(error.status);
    }
    // A refused key is answered before the script: it does not use up a queued reply.
    if (keyRefused(format, request)) return done(sendError(res, format, request, "unauthorized"));

    const reply = queue.shift() ?? defaultReply;
    if (reply.fault != null) record.fault = reply.fault;
    switch (reply.fault) {
      case "rate-limit":
        return done(sendError(res, format, request, "rate-limit", reply));
      case "server-error":
        return done(sendError(res, format, request, "server-error", reply));
      case "unauthorized":
        return done(sendError(res, format, request, "unauthorized", reply));
    }

    counter += 1;
    const ctx: RenderContext = {
      id: `${format.idPrefix}standin${counter}`,
      itemId: `standin${counter}`,
      model: format.model(request) ?? "unknown-model",
      created: Math.floor(Date.now() / 1000),
      request,
      script: resolveScript(reply, body),
    };
    done(200);
    if (record.stream) await streamAnswer(res, format, ctx, signal);
    else await completeAnswer(res, format, ctx, signal);
  }

  const server = createServer((req, res) => {
    const ended = new AbortController();
    const abort = () => ended.abort();
    closing.signal.addEventListener("abort", abort, { once: true });
    res.on("close", () => {
      ended.abort();
      closing.signal.removeEventListener("abort", abort);
    });
    handle(req, res, ended.signal).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: `stand-in failure: ${String(error)}` } });
      else res.destroy();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  let closed: Promise<void> | undefined;

  return {
    url,
    port,
    baseUrls: {
      openai: `${url}/v1`,
      anthropic: `${url}/v1`,
      google: `${url}/v1beta`,
      compatible: `${url}/v1`,
      ollama: url,
    },
    enqueue(...replies: Reply[]) {
      queue.push(...replies);
    },
    setDefault(reply: Reply) {
      defaultReply = reply;
    },
    pending: () => queue.length,
    requests,
    reset() {
      queue.length = 0;
      requests.length = 0;
      defaultReply = initialDefault;
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        sockets.clear();
      });
      return closed;
    },
  };
}
