import { type DiffOptions, diffMigrationsToSchema } from "./diff.ts";

export interface DriftReport {
  drift: boolean;
  /** The SQL a new migration would contain; empty when there is no drift. */
  sql: string;
}

/**
 * Do schema.prisma and the migrations folder describe the same database? Catches a model change
 * committed without its migration (or a hand-edited migration), with no database at all.
 */
export async function checkDrift(opts: DiffOptions = {}): Promise<DriftReport> {
  const diff = await diffMigrationsToSchema(opts);
  return diff.empty ? { drift: false, sql: "" } : { drift: true, sql: diff.sql };
}
