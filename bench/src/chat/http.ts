/**
 * node:http ⇄ fetch: what a Node server in front of the app's fetch-style handlers does (Next's route handlers
 * get a `Request` and give back a `Response` whose body streams).
 */
import { once } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";

const MAX_BODY_BYTES = 1_000_000;

/** The incoming request as a fetch `Request`: method, URL on `origin`, every header, the whole body. */
export async function toFetchRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const method = req.method ?? "GET";
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (method !== "GET" && method !== "HEAD") {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw new Error("request body too large");
      chunks.push(chunk as Buffer);
    }
    const whole = Buffer.concat(chunks);
    body = new Uint8Array(whole.buffer as ArrayBuffer, whole.byteOffset, whole.length);
  }
  return new Request(new URL(req.url ?? "/", origin), { method, headers, body });
}

/** Writes a fetch `Response` out: status, headers, then the body chunk by chunk as it comes (backpressure kept). */
export async function sendFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const stop = () => void reader.cancel().catch(() => {});
  res.once("close", stop);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) return;
      if (!res.write(value)) await once(res, "drain");
    }
    res.end();
  } finally {
    res.off("close", stop);
  }
}
