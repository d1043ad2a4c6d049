/**
 * Starts the web app the README way. With no DATABASE_URL it serves an embedded PostgreSQL (PGlite)
 * from the data directory on a loopback port, applies pending migrations, then runs Next.js with
 * DATABASE_URL pointing at it. With DATABASE_URL set, it migrates that database and runs Next.js.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { seedTemplatesOnFirstStart } from "@pixel/api/templates/first-start";
import { startEmbeddedPostgres } from "@pixel/db/embedded";
import { applyMigrations } from "@pixel/db/migrate";
import { loadOrCreateSecrets } from "./secrets.ts";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(webDir, "../..");
const dataDir = path.resolve(repoRoot, process.env.PIXEL_DATA_DIR ?? ".data");
const port = process.env.PORT ?? "3000";

function log(message: string) {
  console.log(`[pixel] ${message}`);
}

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: port };
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  let stopDatabase: (() => Promise<void>) | null = null;
  if (!env.DATABASE_URL) {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "pglite"),
      port: Number(process.env.PIXEL_EMBEDDED_DB_PORT ?? 0),
    });
    stopDatabase = embedded.stop;
    env.DATABASE_URL = embedded.url;
    env.PIXEL_EMBEDDED = "1";
    log(
      `embedded PostgreSQL (PGlite) in ${path.relative(repoRoot, dataDir) || "."}/pglite on 127.0.0.1:${embedded.port}`,
    );
  } else {
    log("using the PostgreSQL at DATABASE_URL");
  }

  // Production (DATABASE_URL in start mode) must bring its own secrets; the embedded default generates them once.
  const production = Boolean(process.env.DATABASE_URL) && mode === "start";
  const allowGenerated = process.env.PIXEL_ALLOW_GENERATED_SECRET === "1";
  if (!env.NEXTAUTH_SECRET) {
    if (production && !allowGenerated) {
      throw new Error(
        "NEXTAUTH_SECRET is required when DATABASE_URL is set (production). Generate one: openssl rand -base64 32",
      );
    }
    env.NEXTAUTH_SECRET = loadOrCreateSecrets(dataDir).nextauthSecret;
  }
  if (!env.PIXEL_ENCRYPTION_KEY) {
    if (production && !allowGenerated) {
      throw new Error(
        "PIXEL_ENCRYPTION_KEY is required when DATABASE_URL is set (production): it encrypts provider keys at rest. Generate one: openssl rand -base64 32 (and keep it: stored keys cannot be read without it)",
      );
    }
    env.PIXEL_ENCRYPTION_KEY = loadOrCreateSecrets(dataDir).encryptionKey;
  }

  const started = Date.now();
  const { applied } = await applyMigrations(env.DATABASE_URL as string, { log });
  log(
    applied.length ? `applied ${applied.length} migration(s) in ${Date.now() - started} ms` : "database is up to date",
  );
  // A database without any template gets the seeded gallery once (it logs one line); `pnpm db:seed` updates it later.
  await seedTemplatesOnFirstStart(env.DATABASE_URL as string, { embedded: Boolean(stopDatabase), log }).catch(
    (error: unknown) =>
      log(`could not seed the template gallery: ${error instanceof Error ? error.message : String(error)}`),
  );

  const require = createRequire(import.meta.url);
  const nextBin = require.resolve("next/dist/bin/next");
  const args = mode === "dev" ? ["dev", "-p", port] : ["start", "-p", port];
  const child = spawn(process.execPath, [nextBin, ...args], { cwd: webDir, env, stdio: "inherit" });

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  child.on("exit", async (code, signal) => {
    // Close the embedded database cleanly so its files stay consistent for the next start.
    if (stopDatabase) await stopDatabase().catch((e) => console.error(e));
    // A stop we asked for is a clean exit, whatever code Next.js reports for the signal.
    process.exit(stopping ? 0 : (code ?? (signal ? 0 : 1)));
  });
}

main().catch((error) => {
  console.error(`[pixel] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
