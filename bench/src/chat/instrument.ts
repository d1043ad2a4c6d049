/**
 * Timers around what a chat turn waits on, without touching the app's code: a Proxy over the Prisma client
 * times every model call, raw statement and transaction; a wrapper of `fetch` times the provider call from
 * the request to the last byte of its stream. Only the breakdown phase uses them, never the measured runs.
 */
import { performance } from "node:perf_hooks";
import type { PrismaClient } from "@pixel/db";

/** One timed wait on the server's clock (performance.now()). */
export interface Interval {
  label: string;
  start: number;
  end: number;
}

/** The label of the provider call's interval (everything else the server records is a database call or "server: …"). */
export const PROVIDER_CALL = "provider call (fetch → last byte)";

export type Recorder = (label: string, start: number, end: number) => void;

const TIMED_ROOT_METHODS = new Set([
  "$transaction",
  "$executeRaw",
  "$executeRawUnsafe",
  "$queryRaw",
  "$queryRawUnsafe",
]);

function timed<T>(label: string, record: Recorder, call: () => T): T {
  const start = performance.now();
  const result = call();
  // Prisma's promises run when awaited: the chat path awaits (or Promise.all's) each call at once.
  return Promise.resolve(result).then(
    (value) => {
      record(label, start, performance.now());
      return value;
    },
    (error: unknown) => {
      record(label, start, performance.now());
      throw error;
    },
  ) as T;
}

/** A raw statement's label: the method, its first keyword and the tables it writes or reads, e.g. "$queryRaw SELECT Conversation, Message". */
function rawLabel(method: string, args: unknown[]): string {
  const first = args[0] as { sql?: string; strings?: string[] } | string[] | undefined;
  const text = Array.isArray(first) ? first.join("?") : (first?.sql ?? first?.strings?.join("?") ?? "");
  if (!text) return method;
  const keyword = text.trim().split(/\s+/)[0]?.toUpperCase() ?? "";
  const tables = [...new Set([...text.matchAll(/(?:INSERT INTO|UPDATE|FROM)\s+"(\w+)"/g)].map((m) => m[1]))];
  return `${method} ${keyword} ${tables.join(", ")}`.trim();
}

/** The client with every `model.method(...)` and `$transaction`/raw call timed as "model.method" (raw: see rawLabel). */
export function instrumentPrisma(prisma: PrismaClient, record: Recorder): PrismaClient {
  const delegates = new Map<string, unknown>();
  return new Proxy(prisma, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof prop !== "string") return value;
      if (typeof value === "function") {
        const fn = value as (...args: unknown[]) => unknown;
        if (TIMED_ROOT_METHODS.has(prop))
          return (...args: unknown[]) =>
            timed(prop === "$transaction" ? prop : rawLabel(prop, args), record, () => fn.apply(target, args));
        return fn.bind(target);
      }
      if (prop.startsWith("$") || prop.startsWith("_") || typeof value !== "object" || value === null) return value;
      let delegate = delegates.get(prop);
      if (!delegate) {
        const model = value as Record<string, unknown>;
        delegate = new Proxy(model, {
          get(d, method) {
            const member: unknown = Reflect.get(d, method, d);
            if (typeof method !== "string" || typeof member !== "function") return member;
            const fn = member as (...args: unknown[]) => unknown;
            return (...args: unknown[]) => timed(`${prop}.${method}`, record, () => fn.apply(d, args));
          },
        });
        delegates.set(prop, delegate);
      }
      return delegate;
    },
  });
}

/** Replaces globalThis.fetch with one that records `label` from the call to the end of the response body. */
export function instrumentFetch(label: string, record: Recorder): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const start = performance.now();
    const response = await original(input, init);
    if (!response.body) {
      record(label, start, performance.now());
      return response;
    }
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        flush() {
          record(label, start, performance.now());
        },
      }),
    );
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return () => {
    globalThis.fetch = original;
  };
}
