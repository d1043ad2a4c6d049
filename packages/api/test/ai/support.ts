import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { format } from "node:util";
import { vi } from "vitest";
import { db } from "../helpers.ts";

// Provider secrets are encrypted with PIXEL_ENCRYPTION_KEY: a random one per run unless set.
process.env.PIXEL_ENCRYPTION_KEY ||= randomBytes(32).toString("base64");

/** A stand-in for the customer's webhook endpoint: records every POST on 127.0.0.1. */
export interface WebhookReceiver {
  url: string;
  received: { path: string; headers: IncomingHttpHeaders; body: unknown }[];
  /** Resolves once `count` requests arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(
  options: { status?: number; hang?: boolean } = {},
): Promise<WebhookReceiver> {
  const received: WebhookReceiver["received"] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {}
      received.push({ path: req.url ?? "/", headers: req.headers, body });
      if (options.hang) return; // never answers: the sender's timeout must cut it
      res.writeHead(options.status ?? 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/budget`,
    received,
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} webhook request(s), got ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every row of every table of the test database, cast to text, that contains `needle`. */
export async function databaseRowsContaining(needle: string): Promise<string[]> {
  const tables = await db().$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  if (tables.length < 10) throw new Error(`only ${tables.length} tables found: is this the migrated test database?`);
  const hits: string[] = [];
  for (const { table_name } of tables) {
    const quoted = `"${table_name.replace(/"/g, '""')}"`;
    const rows = await db().$queryRawUnsafe<{ row: string }[]>(`SELECT t::text AS row FROM ${quoted} t`);
    for (const { row } of rows) if (row.includes(needle)) hits.push(`${table_name}: ${row}`);
  }
  return hits;
}

/** Number of rows in the whole database (to show the scan looked at something). */
export async function countAllRows(): Promise<number> {
  const tables = await db().$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  let total = 0;
  for (const { table_name } of tables) {
    const [row] = await db().$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*)::bigint AS n FROM "${table_name.replace(/"/g, '""')}"`,
    );
    total += Number(row?.n ?? 0);
  }
  return total;
}

/** Records everything written through console.log/info/warn/error/debug (still printed). */
export function captureConsole() {
  const lines: string[] = [];
  const spies = (["log", "info", "warn", "error", "debug"] as const).map((method) => {
    const original = console[method].bind(console);
    return vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(`${method}: ${format(...args)}`);
      original(...args);
    });
  });
  return {
    lines,
    restore() {
      for (const spy of spies) spy.mockRestore();
    },
  };
}

/** A bot row (the bots feature owns the table; the AI layer only reads settings.ai.fallback). */
export async function createBot(organizationId: string, name: string, settings: object = {}) {
  return db().bot.create({ data: { organizationId, name, draftFlow: {}, settings } });
}
