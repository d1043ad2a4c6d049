import { randomUUID } from "node:crypto";
import pg from "pg";
import { defaultMigrationsDir } from "../paths.ts";
import { checksumMatches, type MigrationFile, readMigrations } from "./files.ts";

// Why this exists: the Prisma 7 CLI cannot run `migrate deploy` on machines without its native
// schema-engine binary (it tries to download it). Applying migrations is simple enough to do
// ourselves: run each pending migration.sql in order and record it in `_prisma_migrations`
// exactly as Prisma does, so a user who does have the normal CLI sees the same history.

export interface ApplyMigrationsOptions {
  /** Defaults to packages/db/prisma/migrations. */
  migrationsDir?: string;
  log?: (msg: string) => void;
  /** How long to wait for another process holding the migration lock (default 60 s). */
  lockTimeoutMs?: number;
}

/**
 * Prisma's own migrate lock id (`pg_advisory_lock(72707369)` in its Postgres connector): using the
 * same key makes us mutually exclusive with a concurrent `prisma migrate deploy` too.
 */
export const MIGRATION_ADVISORY_LOCK = 72707369;

/** The table exactly as Prisma's Postgres connector creates it. */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Apply every migration folder not yet recorded as applied, oldest first, each in its own
 * transaction together with its `_prisma_migrations` row (so a failure leaves neither behind and a
 * retry is safe). Refuses to run when the recorded history no longer matches the files.
 */
export async function applyMigrations(url: string, opts: ApplyMigrationsOptions = {}): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => {});
  const migrations = readMigrations(opts.migrationsDir ?? defaultMigrationsDir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await acquireLock(client, opts.lockTimeoutMs ?? 60_000);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const rows = await readApplied(client);
      verifyHistory(migrations, rows);
      const known = new Set(migrations.map((m) => m.name));
      for (const row of rows) {
        if (!known.has(row.migration_name) && row.rolled_back_at === null) {
          log(`warning: ${row.migration_name} is applied in the database but missing from the migrations folder`);
        }
      }

      const applied: string[] = [];
      for (const migration of migrations) {
        if (await applyOne(client, migration)) {
          log(`applied ${migration.name}`);
          applied.push(migration.name);
        }
      }
      if (applied.length === 0) log("no pending migrations");
      return { applied };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_ADVISORY_LOCK]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Poll with pg_try_advisory_lock instead of blocking in pg_advisory_lock so a stuck peer gives a
 * readable error instead of hanging app start forever.
 */
async function acquireLock(client: pg.Client, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      MIGRATION_ADVISORY_LOCK,
    ]);
    if (rows[0]?.locked) return;
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for the migration lock (pg advisory lock ${MIGRATION_ADVISORY_LOCK}): another process is applying migrations.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function readApplied(client: pg.ClientBase): Promise<AppliedRow[]> {
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
  return rows;
}

/** Same refusals as `prisma migrate deploy`: failed migrations and edited applied migrations. */
function verifyHistory(migrations: MigrationFile[], rows: AppliedRow[]): void {
  const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed.length > 0) {
    const names = failed.map((r) => r.migration_name).join(", ");
    throw new Error(
      `Refusing to migrate: the database records failed migration(s): ${names}. ` +
        `Fix the database by hand, then mark them with \`prisma migrate resolve --rolled-back <name>\` ` +
        `(or delete their rows from "_prisma_migrations") and run again.`,
    );
  }
  const byName = new Map(migrations.map((m) => [m.name, m]));
  const edited = rows.filter((r) => {
    if (r.rolled_back_at !== null) return false;
    const file = byName.get(r.migration_name);
    return file !== undefined && !checksumMatches(file.sql, r.checksum);
  });
  if (edited.length > 0) {
    const names = edited.map((r) => r.migration_name).join(", ");
    throw new Error(
      `Refusing to migrate: migration(s) ${names} were modified after they were applied ` +
        `(checksum in "_prisma_migrations" differs from migration.sql). Restore the original file ` +
        `and put the change in a new migration (\`pnpm db:migration:create <name>\`).`,
    );
  }
}

/**
 * Prisma emits its own `BEGIN; … COMMIT;` around some steps (e.g. recreating an enum to drop a
 * value). Such a script would commit our wrapping transaction halfway, so it runs the way Prisma
 * runs every script instead.
 */
const OWN_TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|START\s+TRANSACTION)\s*;/im;

const INSERT_ROW = `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)`;
const FINISH_ROW = `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`;
const IS_APPLIED = `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND rolled_back_at IS NULL`;

/** Returns false when the migration turned out to be applied already (by a concurrent migrator). */
async function applyOne(client: pg.Client, migration: MigrationFile): Promise<boolean> {
  return OWN_TRANSACTION_CONTROL.test(migration.sql)
    ? applyLikePrisma(client, migration)
    : applyInTransaction(client, migration);
}

/**
 * The script and its `_prisma_migrations` row commit together or not at all, so a failure leaves
 * nothing behind and a plain retry is safe. (Postgres runs a multi-statement script as one implicit
 * transaction anyway, so this changes nothing for the script itself.)
 *
 * The applied-check is repeated inside the transaction because the embedded PGlite server runs all
 * connections in one session, where the advisory lock is re-entrant and does not exclude a second
 * migrator; pglite-socket does serialize transactions, so checking inside one is race-free there.
 */
async function applyInTransaction(client: pg.Client, migration: MigrationFile): Promise<boolean> {
  await client.query("BEGIN");
  try {
    if ((await client.query(IS_APPLIED, [migration.name])).rowCount) {
      await client.query("ROLLBACK");
      return false;
    }
    const id = randomUUID();
    // Same row shape Prisma writes: started_at defaults to now(), applied_steps_count 0 until done.
    await client.query(INSERT_ROW, [id, migration.checksum, migration.name]);
    try {
      // No parameters → simple query protocol, which accepts a multi-statement script.
      await client.query(migration.sql);
    } catch (error) {
      throw new Error(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`, {
        cause: error,
      });
    }
    await client.query(FINISH_ROW, [id]);
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/**
 * Prisma's own sequence: record the start, run the script, record the end — or, on failure, keep the
 * row unfinished with the error in `logs`, which blocks later runs until someone resolves it (as
 * `prisma migrate deploy` does), because part of the script may have been committed.
 */
async function applyLikePrisma(client: pg.Client, migration: MigrationFile): Promise<boolean> {
  if ((await client.query(IS_APPLIED, [migration.name])).rowCount) return false;
  const id = randomUUID();
  await client.query(INSERT_ROW, [id, migration.checksum, migration.name]);
  try {
    await client.query(migration.sql);
  } catch (error) {
    const message = (error as Error).message;
    // The script may have left a transaction open or aborted; clear it before recording the failure.
    await client.query("ROLLBACK").catch(() => {});
    await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]).catch(() => {});
    throw new Error(
      `Migration ${migration.name} failed and may be partly applied (it manages its own transactions): ${message}. ` +
        `It is recorded as failed; repair the database, then run \`prisma migrate resolve --rolled-back ${migration.name}\` ` +
        `(or delete its row from "_prisma_migrations").`,
      { cause: error },
    );
  }
  await client.query(FINISH_ROW, [id]);
  return true;
}
