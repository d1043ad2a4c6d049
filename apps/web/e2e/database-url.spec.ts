import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import pg from "pg";

// The same app on a real PostgreSQL given by DATABASE_URL: the launcher's runner applies the
// migrations and records them in _prisma_migrations exactly as Prisma's CLI would.
const serverUrl = process.env.TEST_DATABASE_URL;
const PORT = 3112;
const baseURL = `http://localhost:${PORT}`;
const here = path.dirname(fileURLToPath(import.meta.url));
const migrationsDir = path.resolve(here, "../../../packages/db/prisma/migrations");

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function waitForHealth(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${baseURL}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the app did not become healthy in time");
}

test.describe("DATABASE_URL on a real PostgreSQL", () => {
  test.skip(!serverUrl, "set TEST_DATABASE_URL to a PostgreSQL server to run this");

  const database = `pixel_e2e_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  let app: ChildProcess | undefined;

  test.afterAll(async () => {
    if (app?.pid && app.exitCode === null) {
      const exited = new Promise((r) => app?.once("exit", r));
      app.kill("SIGTERM");
      await exited;
    }
    await admin(async (c) => {
      await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [database]);
      await c.query(`DROP DATABASE IF EXISTS "${database}"`);
    });
  });

  test("migrations are applied by the runner and recorded as Prisma does; sign-up works", async ({ page }) => {
    test.setTimeout(120_000);
    await admin((c) => c.query(`CREATE DATABASE "${database}"`));
    const url = withDatabase(serverUrl as string, database);
    app = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/launch.ts", "start"], {
      cwd: path.resolve(here, ".."),
      env: {
        ...process.env,
        DATABASE_URL: url,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        PIXEL_ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
        NEXTAUTH_URL: baseURL,
        PORT: String(PORT),
      },
      stdio: "ignore",
    });
    await waitForHealth(90_000);

    const folders = readdirSync(migrationsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(folders.length).toBeGreaterThan(0);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT migration_name, checksum, finished_at, rolled_back_at, logs, applied_steps_count FROM _prisma_migrations ORDER BY migration_name",
      );
      expect(rows.map((r) => r.migration_name)).toEqual(folders);
      for (const row of rows) {
        const sql = readFileSync(path.join(migrationsDir, row.migration_name, "migration.sql"));
        expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
        expect(row.applied_steps_count).toBe(1);
      }

      const email = `pg-${Date.now()}@example.com`;
      await page.goto(`${baseURL}/sign-up`);
      await page.getByLabel("Name").fill("Grace Hopper");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("correct horse battery");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page).toHaveURL(/\/app$/);
      const users = await client.query('SELECT email FROM "User" WHERE email = $1', [email]);
      expect(users.rowCount).toBe(1);
    } finally {
      await client.end();
    }
  });
});
