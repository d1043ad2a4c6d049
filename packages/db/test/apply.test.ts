import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../src/client.ts";
import { applyMigrations } from "../src/migrations/apply.ts";
import { loadMigrationList } from "../src/migrations/diff.ts";
import { checksumOf, readMigrations } from "../src/migrations/files.ts";
import { loadSchemaEngine } from "../src/migrations/schema-engine.ts";
import { defaultMigrationsDir, defaultSchemaPath } from "../src/paths.ts";
import {
  copyOfMigrations,
  embeddedTarget,
  type FreshDatabase,
  postgresTarget,
  serverUrl,
  type Target,
  withClient,
} from "./helpers.ts";

const migrations = readMigrations(defaultMigrationsDir);

interface MigrationRow {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
  logs: string | null;
  rolled_back_at: Date | null;
}

const readRows = (url: string) =>
  withClient(
    url,
    async (c) => (await c.query<MigrationRow>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`)).rows,
  );

/** Ask Prisma's own schema engine (the code behind `migrate status` / `deploy`) about the history. */
async function prismaEngineView(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const content = readFileSync(defaultSchemaPath, "utf8");
  const { engine, free } = await loadSchemaEngine({ path: defaultSchemaPath, content }, new PrismaPg(pool));
  try {
    const migrationsList = loadMigrationList(defaultMigrationsDir);
    const filters = { externalTables: [], externalEnums: [] };
    const status = await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters });
    const deploy = await engine.applyMigrations({ migrationsList, filters });
    return { status, deployApplied: deploy.appliedMigrationNames };
  } finally {
    free();
    await pool.end();
  }
}

const targets: Target[] = [embeddedTarget, postgresTarget];

it("has at least the init migration committed", () => {
  expect(migrations.map((m) => m.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^\d{14}_init$/)]));
});

describe.each(targets)("applyMigrations on $name", (target) => {
  const skip = target === postgresTarget && !serverUrl;
  let db: FreshDatabase;

  beforeAll(async () => {
    if (!skip) db = await target.fresh();
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it.skipIf(skip)("applies every migration to a fresh database and records it like Prisma", async () => {
    const started = performance.now();
    const { applied } = await applyMigrations(db.url);
    const ms = performance.now() - started;
    console.info(`[timing] fresh apply of ${migrations.length} migration(s) on ${target.name}: ${ms.toFixed(0)} ms`);

    expect(applied).toEqual(migrations.map((m) => m.name));
    const rows = await readRows(db.url);
    expect(rows).toHaveLength(migrations.length);
    for (const [i, row] of rows.entries()) {
      const file = migrations[i];
      expect(row.migration_name).toBe(file?.name);
      expect(row.checksum).toBe(file?.checksum);
      expect(row.checksum).toBe(checksumOf(readFileSync(file?.path ?? "", "utf8")));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
    }
  });

  it.skipIf(skip)("applies nothing the second time", async () => {
    const messages: string[] = [];
    const { applied } = await applyMigrations(db.url, { log: (m) => messages.push(m) });
    expect(applied).toEqual([]);
    expect(messages).toContain("no pending migrations");
    expect(await readRows(db.url)).toHaveLength(migrations.length);
  });

  it.skipIf(skip)("is seen as fully applied by Prisma's own migrate engine", async () => {
    const { status, deployApplied } = await prismaEngineView(db.url);
    expect(status).toEqual({
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: true,
      history: null,
    });
    expect(deployApplied).toEqual([]);
  });

  it.skipIf(skip)("serves a Prisma client: User + Organization + Membership", async () => {
    const prisma = createPrismaClient({ url: db.url, poolMax: 4 });
    try {
      const email = `ada-${Date.now()}@example.test`;
      const user = await prisma.user.create({ data: { email, name: "Ada" } });
      const org = await prisma.organization.create({
        data: {
          name: "Analytical Engines",
          slug: `ae-${Date.now()}`,
          memberships: { create: { userId: user.id, role: "owner" } },
        },
      });
      const found = await prisma.user.findUniqueOrThrow({
        where: { email },
        include: { memberships: { include: { organization: true } } },
      });
      expect(found.memberships).toHaveLength(1);
      expect(found.memberships[0]?.role).toBe("owner");
      expect(found.memberships[0]?.organization.id).toBe(org.id);
      expect(await prisma.membership.count({ where: { organizationId: org.id } })).toBe(1);
    } finally {
      await prisma.$disconnect();
    }
  });

  it.skipIf(skip)("refuses when an applied migration was edited", async () => {
    const dir = copyOfMigrations();
    const first = migrations[0];
    if (!first) throw new Error("no migrations");
    appendFileSync(path.join(dir, first.name, "migration.sql"), "\n-- sneaky edit\n");
    await expect(applyMigrations(db.url, { migrationsDir: dir })).rejects.toThrow(
      new RegExp(`Refusing to migrate: migration\\(s\\) ${first.name} were modified after they were applied`),
    );
  });

  it.skipIf(skip)("accepts the same file with CRLF line endings (git on Windows), like Prisma", async () => {
    const dir = copyOfMigrations();
    for (const m of migrations) writeFileSync(path.join(dir, m.name, "migration.sql"), m.sql.replace(/\n/g, "\r\n"));
    await expect(applyMigrations(db.url, { migrationsDir: dir })).resolves.toEqual({ applied: [] });
  });

  it.skipIf(skip)("refuses when a failed migration is recorded", async () => {
    await withClient(db.url, (c) =>
      c.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs) VALUES ($1, $2, $3, 'boom')`, [
        "00000000-0000-4000-8000-000000000000",
        "0".repeat(64),
        "29991231000000_failed_one",
      ]),
    );
    try {
      await expect(applyMigrations(db.url)).rejects.toThrow(
        /Refusing to migrate: the database records failed migration\(s\): 29991231000000_failed_one/,
      );
    } finally {
      await withClient(db.url, (c) =>
        c.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = '29991231000000_failed_one'`),
      );
    }
  });

  it.skipIf(skip)("rolls back a failing migration completely and names it", async () => {
    const dir = copyOfMigrations();
    mkdirSync(path.join(dir, "29991231000001_broken"));
    writeFileSync(
      path.join(dir, "29991231000001_broken", "migration.sql"),
      'CREATE TABLE "half_done" (id int);\nALTER TABLE "does_not_exist" ADD COLUMN x int;\n',
    );
    await expect(applyMigrations(db.url, { migrationsDir: dir })).rejects.toThrow(
      /Migration 29991231000001_broken failed and was rolled back: .*does_not_exist/,
    );
    const leftovers = await withClient(db.url, async (c) => ({
      table: (await c.query(`SELECT to_regclass('"half_done"') AS t`)).rows[0]?.t,
      rows: (await c.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29991231000001_broken'`))
        .rowCount,
    }));
    expect(leftovers).toEqual({ table: null, rows: 0 });
  });

  it.skipIf(skip)("runs a script with its own BEGIN/COMMIT (Prisma's enum rewrites) the way Prisma does", async () => {
    const dir = copyOfMigrations();
    mkdirSync(path.join(dir, "29991231000002_own_tx"));
    writeFileSync(
      path.join(dir, "29991231000002_own_tx", "migration.sql"),
      '-- AlterEnum\nBEGIN;\nCREATE TYPE "Probe" AS ENUM (\'a\');\nCREATE TABLE "probe" (p "Probe");\nCOMMIT;\n',
    );
    expect(await applyMigrations(db.url, { migrationsDir: dir })).toEqual({ applied: ["29991231000002_own_tx"] });
    const row = (await readRows(db.url)).find((r) => r.migration_name === "29991231000002_own_tx");
    expect(row).toMatchObject({ applied_steps_count: 1, logs: null, finished_at: expect.any(Date) });
    expect(await applyMigrations(db.url, { migrationsDir: dir })).toEqual({ applied: [] });
  });
});

describe.each(targets)("concurrent starts on $name", (target) => {
  const skip = target === postgresTarget && !serverUrl;

  it.skipIf(skip)("two migrators at once apply each migration exactly once", async () => {
    const db = await target.fresh();
    try {
      const [a, b] = await Promise.all([applyMigrations(db.url), applyMigrations(db.url)]);
      expect([...a.applied, ...b.applied].sort()).toEqual(migrations.map((m) => m.name));
      expect(await readRows(db.url)).toHaveLength(migrations.length);
    } finally {
      await db.dispose();
    }
  });
});
