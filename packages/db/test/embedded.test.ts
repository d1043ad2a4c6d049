import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../src/client.ts";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../src/embedded.ts";
import { applyMigrations } from "../src/migrations/apply.ts";
import { tempDir, withClient } from "./helpers.ts";

describe("embedded PGlite server", () => {
  let server: EmbeddedPostgres;

  beforeAll(async () => {
    server = await startEmbeddedPostgres({ dataDir: "memory://" });
    await applyMigrations(server.url);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("serves a postgres:// URL on a free loopback port", () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`postgresql://postgres:postgres@127.0.0.1:${server.port}/postgres?sslmode=disable`);
  });

  it("answers parallel queries through a pg Pool with max 4", async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 4 });
    try {
      // Different statements per query: a mix-up between connections would return wrong rows.
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          i % 2
            ? pool.query<{ n: number; s: string }>("SELECT $1::int AS n, $2::text AS s", [i, `q${i}`])
            : pool.query<{ n: number; s: string }>("SELECT $2::text AS s, $1::int AS n, pg_sleep(0)", [i, `q${i}`]),
        ),
      );
      for (const [i, r] of results.entries()) expect(r.rows[0]).toMatchObject({ n: i, s: `q${i}` });
      expect(pool.totalCount).toBe(4);
    } finally {
      await pool.end();
    }
  });

  it("runs parallel Prisma queries and interactive transactions through PrismaPg", async () => {
    const prisma = createPrismaClient({ url: server.url, poolMax: 4 });
    try {
      const stamp = Date.now();
      // The embedded server runs transactions one after another, so a transaction's BEGIN waits for
      // the others: Prisma's default maxWait (2 s) is too short for a burst on a busy machine.
      const queued = { maxWait: 30_000, timeout: 30_000 };
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          prisma.$transaction(async (tx) => {
            const user = await tx.user.create({ data: { email: `u${i}-${stamp}@example.test` } });
            const org = await tx.organization.create({ data: { name: `Org ${i}`, slug: `org-${i}-${stamp}` } });
            await tx.membership.create({ data: { userId: user.id, organizationId: org.id, role: "admin" } });
          }, queued),
        ),
      );
      const [users, memberships] = await Promise.all([
        prisma.user.count({ where: { email: { endsWith: `-${stamp}@example.test` } } }),
        prisma.membership.count({ where: { organization: { slug: { endsWith: `-${stamp}` } } } }),
      ]);
      expect({ users, memberships }).toEqual({ users: 8, memberships: 8 });

      // A failing interactive transaction rolls back only its own writes.
      await expect(
        prisma.$transaction(async (tx) => {
          await tx.user.create({ data: { email: `rollback-${stamp}@example.test` } });
          throw new Error("abort");
        }, queued),
      ).rejects.toThrow("abort");
      expect(await prisma.user.count({ where: { email: `rollback-${stamp}@example.test` } })).toBe(0);
    } finally {
      await prisma.$disconnect();
    }
  });
});

it("keeps its data on disk across stop/start, one process and maxConnections at a time", async () => {
  const dataDir = path.join(tempDir("embedded"), "pglite");
  const first = await startEmbeddedPostgres({ dataDir, maxConnections: 1 });
  // PGlite has no interlock of its own; a second opener would corrupt the files.
  await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(
    `is already open: process ${process.pid} holds it and serves it at ${first.url}`,
  );
  await applyMigrations(first.url);
  await withClient(first.url, async (c) => {
    await c.query(`INSERT INTO "User" (id, email, "updatedAt") VALUES ('persisted', 'kept@example.test', now())`);
    // maxConnections is honoured: a second client is turned away instead of hanging.
    const extra = new pg.Client({ connectionString: first.url, connectionTimeoutMillis: 5_000 });
    extra.on("error", () => {});
    await expect(extra.connect()).rejects.toThrow();
    await extra.end().catch(() => {});
  });
  await first.stop();

  const second = await startEmbeddedPostgres({ dataDir });
  try {
    const rows = await withClient(second.url, async (c) => (await c.query(`SELECT email FROM "User"`)).rows);
    expect(rows).toEqual([{ email: "kept@example.test" }]);
    expect(await applyMigrations(second.url)).toEqual({ applied: [] });
  } finally {
    await second.stop();
  }
});
