import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { onTestFinished } from "vitest";
import { startEmbeddedPostgres } from "../src/embedded.ts";
import { defaultMigrationsDir } from "../src/paths.ts";

/** An empty, unmigrated database and how to get rid of it. */
export interface FreshDatabase {
  url: string;
  dispose(): Promise<void>;
}

export interface Target {
  name: string;
  fresh(): Promise<FreshDatabase>;
}

/** TEST_DATABASE_URL points at a real PostgreSQL; tests against it are skipped without it. */
export const serverUrl = process.env.TEST_DATABASE_URL;

export const embeddedTarget: Target = {
  name: "embedded PGlite",
  async fresh() {
    const server = await startEmbeddedPostgres({ dataDir: "memory://" });
    return { url: server.url, dispose: () => server.stop() };
  },
};

export const postgresTarget: Target = {
  name: "PostgreSQL (TEST_DATABASE_URL)",
  async fresh() {
    if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set");
    const name = `pixel_dbtest_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await admin(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      dispose: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  },
};

/** Run `fn` with one short-lived client. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A temp directory removed when the current test finishes (call it inside a test). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `pixel-db-${prefix}-`));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A scratch copy of the committed migrations folder, safe to edit. */
export function copyOfMigrations(): string {
  const dir = tempDir("migrations");
  cpSync(defaultMigrationsDir, dir, { recursive: true });
  return dir;
}
