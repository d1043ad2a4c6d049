// `pnpm db:migrate`: apply pending migrations to DATABASE_URL, or to the embedded database the app
// uses when DATABASE_URL is unset (${PIXEL_DATA_DIR:-<repo root>/.data}/pglite).
import { defaultEmbeddedDataDir, startEmbeddedPostgres } from "../embedded.ts";
import { readEmbeddedLock } from "../embedded-lock.ts";
import { applyMigrations } from "../migrations/apply.ts";

/** Hide the password when echoing a URL. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

async function main(): Promise<void> {
  const log = (msg: string) => console.log(msg);
  const started = Date.now();
  const url = process.env.DATABASE_URL;
  if (url) {
    console.log(`migrating ${redact(url)}`);
    await applyMigrations(url, { log });
  } else {
    const dataDir = defaultEmbeddedDataDir();
    const running = readEmbeddedLock(dataDir);
    if (running?.url) {
      // The app already serves this data dir; opening it a second time would corrupt it.
      console.log(`DATABASE_URL is not set: migrating the running embedded server (pid ${running.pid}) for ${dataDir}`);
      await applyMigrations(running.url, { log });
    } else {
      console.log(`DATABASE_URL is not set: migrating the embedded database in ${dataDir}`);
      const server = await startEmbeddedPostgres({ dataDir });
      try {
        await applyMigrations(server.url, { log });
      } finally {
        await server.stop();
      }
    }
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(`migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
