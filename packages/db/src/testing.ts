import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded.ts";
import { applyMigrations } from "./migrations/apply.ts";

// Why: integration tests in other packages need a migrated, empty database of their own. CI (and
// anyone with a server) sets TEST_DATABASE_URL and gets a real PostgreSQL with true transaction
// isolation; without it, tests still run anywhere on an in-memory embedded PGlite.

export interface TestDatabase {
  /** Connection string of the fresh, fully migrated database. */
  url: string;
  /** Remove it: drop the database (server mode) or stop the embedded server (memory mode). */
  drop(): Promise<void>;
}

/**
 * A fresh database with every migration applied.
 *  - TEST_DATABASE_URL set: CREATE DATABASE pixel_test_<random> on that server (through the URL's
 *    own database as maintenance connection); drop() terminates its connections and drops it.
 *  - otherwise: an in-memory embedded PGlite server on a free loopback port; drop() stops it.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? createOnServer(serverUrl) : createEmbedded();
}

async function createEmbedded(): Promise<TestDatabase> {
  const server = await startEmbeddedPostgres({ dataDir: "memory://" });
  try {
    await applyMigrations(server.url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: server.url, drop: () => server.stop() };
}

async function createOnServer(serverUrl: string): Promise<TestDatabase> {
  // Lowercase letters and digits only: no quoting surprises, and clearly ours if one is left over.
  const name = `pixel_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await withMaintenance(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(serverUrl, name);
  const drop = async () => {
    await withMaintenance(serverUrl, async (client) => {
      // Pools the test forgot to close would make DROP DATABASE fail; end them first.
      await client.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [name],
      );
      await client.query(`DROP DATABASE IF EXISTS "${name}"`);
    });
  };
  try {
    await applyMigrations(url);
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
  return { url, drop };
}

async function withMaintenance<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Same server, credentials and options; another database name. */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
