import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { acquireEmbeddedLock } from "./embedded-lock.ts";

export { readEmbeddedLock } from "./embedded-lock.ts";

import { repoRoot } from "./paths.ts";
import { openPGlite } from "./pglite-open.ts";

// Why: the app must run with zero setup on a fresh machine. PGlite is PostgreSQL compiled to
// WebAssembly; pglite-socket serves it on the Postgres wire protocol, so the app reaches it through
// the same `pg` / PrismaPg code path as a real server — only DATABASE_URL differs.

export interface EmbeddedPostgresOptions {
  /** Directory for the cluster's files (persisted), or "memory://" for a throwaway database. */
  dataDir: string;
  /** 0 (default) = any free port. */
  port?: number;
  host?: string;
  /**
   * Concurrent client connections to accept. pglite-socket defaults to 1 and answers any further
   * connection with "Too many connections"; a pg Pool needs one per client.
   */
  maxConnections?: number;
}

export interface EmbeddedPostgres {
  /** postgresql://postgres:postgres@HOST:PORT/postgres?sslmode=disable */
  url: string;
  port: number;
  /** The PGlite instance behind the server (tests and tools; the app should use `url`). */
  db: PGlite;
  /** Close client connections, the server and then the database, flushing it to disk. */
  stop(): Promise<void>;
}

export const DEFAULT_EMBEDDED_MAX_CONNECTIONS = 16;

/** Where the app's embedded cluster lives: `${PIXEL_DATA_DIR:-<repo root>/.data}/pglite`. */
export function defaultEmbeddedDataDir(): string {
  return path.join(process.env.PIXEL_DATA_DIR || path.join(repoRoot, ".data"), "pglite");
}

/**
 * Open PGlite on `dataDir` and serve it on loopback.
 *
 * One PGlite is one Postgres session: every connection shares it. pglite-socket runs one protocol
 * message at a time and, while a connection is inside a transaction, holds back the others until it
 * ends — so transactions are serialized rather than isolated. Fine for one developer, not a load test.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port = 0,
  host = "127.0.0.1",
  maxConnections = DEFAULT_EMBEDDED_MAX_CONNECTIONS,
}: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  // On disk, one process at a time (see embedded-lock.ts); memory:// databases are private anyway.
  const lock = dataDir.startsWith("memory://") ? undefined : acquireEmbeddedLock(dataDir);
  let db: PGlite;
  let server: PGLiteSocketServer;
  try {
    db = await openPGlite(dataDir);
    // port 0 works: the server listens on it and then records the port the OS picked.
    server = new PGLiteSocketServer({ db, port, host, maxConnections });
    await server.start().catch(async (error: unknown) => {
      await db.close().catch(() => {});
      throw error;
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const boundPort = Number(server.getServerConn().split(":").pop());
  // PGlite ignores user, password and database name (there is only "postgres"); it has no TLS,
  // so sslmode=disable stops clients that would otherwise try it.
  const urlHost = host.includes(":") ? `[${host}]` : host;
  const url = `postgresql://postgres:postgres@${urlHost}:${boundPort}/postgres?sslmode=disable`;
  lock?.setUrl(url);

  let stopping: Promise<void> | undefined;
  return {
    url,
    port: boundPort,
    db,
    stop() {
      stopping ??= (async () => {
        try {
          await server.stop();
          // Let the socket handlers finish detaching (they roll back an open transaction) first.
          await new Promise((resolve) => setImmediate(resolve));
          // close() checkpoints and syncs the data dir, so the data is there on the next start.
          await db.close();
        } finally {
          lock?.release();
        }
      })();
      return stopping;
    },
  };
}
