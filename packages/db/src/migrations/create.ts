import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defaultMigrationsDir } from "../paths.ts";
import { type DiffOptions, diffMigrationsToSchema, MIGRATION_LOCK_CONTENT } from "./diff.ts";
import { MIGRATION_LOCK_FILE } from "./files.ts";

// Why: `prisma migrate dev --create-only` needs the native schema engine, which this machine cannot
// download. This produces the same folder layout and SQL from the WASM engine instead.

export interface CreateMigrationOptions extends DiffOptions {
  /** Timestamp for the folder name; defaults to now (UTC). */
  now?: Date;
}

export interface CreatedMigration {
  /** Path of the new migration.sql, or null when schema and migrations already agree. */
  path: string | null;
  sql: string;
}

/** Prisma's migration name rule: slugify with "_" (decamelized, lowercase), at most 200 chars. */
export function slugifyMigrationName(name: string): string {
  return name
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z\d]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

/** UTC yyyymmddHHMMSS, Prisma's folder prefix. */
export function migrationTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/** Write prisma/migrations/migration_lock.toml the way Prisma does, if it is missing. */
export function ensureMigrationLock(migrationsDir: string): void {
  const file = path.join(migrationsDir, MIGRATION_LOCK_FILE);
  if (existsSync(file)) return;
  mkdirSync(migrationsDir, { recursive: true });
  writeFileSync(file, MIGRATION_LOCK_CONTENT);
}

/**
 * Write `<migrationsDir>/<timestamp>_<name>/migration.sql` with the SQL that takes the existing
 * migrations to schema.prisma. Writes nothing (path null) when there is no difference.
 */
export async function createMigration(name: string, opts: CreateMigrationOptions = {}): Promise<CreatedMigration> {
  const slug = slugifyMigrationName(name);
  if (!slug) throw new Error(`Invalid migration name ${JSON.stringify(name)}: use letters, digits and underscores.`);
  const migrationsDir = opts.migrationsDir ?? defaultMigrationsDir;
  ensureMigrationLock(migrationsDir);

  const diff = await diffMigrationsToSchema({ ...opts, migrationsDir });
  if (diff.empty) return { path: null, sql: diff.sql };

  const folder = path.join(migrationsDir, `${migrationTimestamp(opts.now ?? new Date())}_${slug}`);
  if (existsSync(folder)) throw new Error(`Migration folder already exists: ${folder}`);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, "migration.sql");
  writeFileSync(file, diff.sql);
  return { path: file, sql: diff.sql };
}
