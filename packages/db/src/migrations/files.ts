import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** One `prisma/migrations/<timestamp>_<name>/migration.sql` folder, read from disk. */
export interface MigrationFile {
  /** Folder name, e.g. `20261124120000_init`; this is Prisma's `migration_name`. */
  name: string;
  /** Absolute path of migration.sql. */
  path: string;
  /** File contents exactly as on disk (checksums are over these bytes). */
  sql: string;
  /** sha256 hex of `sql`, the value Prisma stores in `_prisma_migrations.checksum`. */
  checksum: string;
}

export const MIGRATION_LOCK_FILE = "migration_lock.toml";

/** sha256 hex, zero-padded, exactly like Prisma's `render_checksum`. */
export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/**
 * Prisma accepts a stored checksum if it matches the script as is, or with CRLF/LF swapped
 * (git may rewrite line endings on checkout); we do the same so Windows checkouts are not "edited".
 */
export function checksumMatches(sql: string, stored: string): boolean {
  const candidates = [sql, sql.replace(/\r\n/g, "\n"), sql.replace(/\r?\n/g, "\r\n")];
  return candidates.some((s) => checksumOf(s) === stored);
}

/**
 * Migration folders in apply order. Prisma sorts folder names lexicographically (the UTC timestamp
 * prefix makes that chronological) and ignores anything that is not a folder with a migration.sql.
 */
export function readMigrations(migrationsDir: string): MigrationFile[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      if (!existsSync(file)) return [];
      const sql = readFileSync(file, "utf8");
      return [{ name, path: file, sql, checksum: checksumOf(sql) }];
    });
}
