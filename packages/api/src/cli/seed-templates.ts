// `pnpm db:seed` (or `pnpm --filter @pixel/api seed:templates`): create or update the seeded template gallery
// (TEMPLATE_SEEDS) in DATABASE_URL, or, when it is unset, in the embedded database the app uses — through the
// running app's server when it has that directory open. Idempotent: a second run changes nothing.
import { createPrismaClient, Prisma } from "@pixel/db";
import { defaultEmbeddedDataDir, readEmbeddedLock, startEmbeddedPostgres } from "@pixel/db/embedded";
import { seedTemplates } from "../services/templates/seed.ts";

/** Hide the password when echoing a URL. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

async function seed(url: string, embedded: boolean): Promise<void> {
  const prisma = createPrismaClient({ url, poolMax: 1, embedded });
  try {
    const started = Date.now();
    const result = await seedTemplates(prisma);
    const skipped = result.skipped.length
      ? `; skipped ${result.skipped.join(", ")} (an organization's template has that slug)`
      : "";
    console.log(
      `templates: ${result.created} created, ${result.updated} updated${skipped} in ${Date.now() - started} ms`,
    );
  } finally {
    await prisma.$disconnect();
  }
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) {
    console.log(`seeding ${redact(url)}`);
    await seed(url, false);
    return;
  }
  const dataDir = defaultEmbeddedDataDir();
  const running = readEmbeddedLock(dataDir);
  if (running?.url) {
    // The app serves this data dir; opening it a second time would corrupt it.
    console.log(`DATABASE_URL is not set: seeding the running embedded server (pid ${running.pid}) for ${dataDir}`);
    await seed(running.url, true);
    return;
  }
  console.log(`DATABASE_URL is not set: seeding the embedded database in ${dataDir}`);
  const server = await startEmbeddedPostgres({ dataDir });
  try {
    await seed(server.url, true);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  // P2021: a table is missing — the database was never migrated.
  const message =
    error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2021"
      ? "the database has no template tables yet: apply the migrations first (pnpm db:migrate)"
      : error instanceof Error
        ? error.message
        : String(error);
  console.error(`seed failed: ${message}`);
  process.exit(1);
});
