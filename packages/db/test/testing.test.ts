import pg from "pg";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../src/testing.ts";
import { serverUrl, withClient } from "./helpers.ts";

describe(`createTestDatabase (${serverUrl ? "TEST_DATABASE_URL server" : "embedded in-memory"})`, () => {
  it("returns fresh migrated databases, one per call, and drop() removes them", async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      expect(a.url).not.toBe(b.url);
      const applied = await withClient(a.url, async (c) => {
        const { rows } = await c.query<{ n: string }>(
          `SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
        );
        await c.query(`INSERT INTO "User" (id, email, "updatedAt") VALUES ('only-a', 'a@x.test', now())`);
        return Number(rows[0]?.n);
      });
      expect(applied).toBeGreaterThan(0);
      const inB = await withClient(
        b.url,
        async (c) => (await c.query(`SELECT 1 FROM "User" WHERE id = 'only-a'`)).rowCount,
      );
      expect(inB).toBe(0);

      // A pool left open by a careless test must not block drop().
      const leaked = new pg.Pool({ connectionString: a.url, max: 1 });
      leaked.on("error", () => {});
      await leaked.query("SELECT 1");
      await a.drop();
      await leaked.end().catch(() => {});

      const after = new pg.Client({ connectionString: a.url, connectionTimeoutMillis: 3_000 });
      after.on("error", () => {});
      await expect(after.connect()).rejects.toThrow();
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });
});
