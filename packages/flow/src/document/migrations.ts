import type { FlowIssue } from "../validation/issue.ts";
import { type MigrationContext, migrateV0ToV1 } from "./migrate-v0.ts";
import { FLOW_DOCUMENT_VERSION } from "./schema.ts";

export type { MigrationContext } from "./migrate-v0.ts";

/** One step of the document format's history. Migrations take raw JSON and return raw JSON; the schema checks the end result. */
export interface FlowMigration {
  from: number;
  to: number;
  description: string;
  /** May report warnings (what could not be carried over) through the context. */
  migrate(doc: unknown, context?: MigrationContext): unknown;
}

/** Every migration, oldest first. Adding a version means bumping FLOW_DOCUMENT_VERSION and appending one entry. */
export const FLOW_MIGRATIONS: readonly FlowMigration[] = [
  {
    from: 0,
    to: 1,
    description: "The first database format (start_node, nodes with config and connections, global_actions).",
    migrate: migrateV0ToV1,
  },
];

export type MigrationResult =
  | {
      doc: unknown;
      /** The version the document was written in. */
      from: number;
      /** The version reached by each migration applied, in order; empty when the document was current. */
      applied: number[];
      /** Warnings of the migrations applied. */
      issues: FlowIssue[];
    }
  | { error: FlowIssue };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function error(code: string, message: string, path?: string): { error: FlowIssue } {
  return { error: { severity: "error", code, message, ...(path ? { path } : {}) } };
}

function shown(value: unknown): string {
  try {
    const json = JSON.stringify(value);
    if (json === undefined) return String(value);
    return json.length > 40 ? `${json.slice(0, 40)}…` : json;
  } catch {
    return "an unreadable value";
  }
}

/** The version a raw document is written in: its `version`, or 0 for the old format (has `start_node`, no `version`). */
export function documentVersion(raw: unknown, current: number = FLOW_DOCUMENT_VERSION): number | { error: FlowIssue } {
  if (!isRecord(raw)) return error("not-an-object", "A flow document must be a JSON object.");
  const version = raw.version;
  if (version === undefined) {
    if ("start_node" in raw) return 0;
    return error(
      "missing-version",
      `This is not a flow document: it has no "version" (current documents start with "version": ${current}).`,
      "version",
    );
  }
  // The old conversation_flows rows carried a text version ("1.0.0") next to start_node: still the old format.
  if (typeof version === "string" && "start_node" in raw) return 0;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 0)
    return error(
      "invalid-version",
      `"version" must be a whole number such as ${current}; found ${shown(version)}.`,
      "version",
    );
  if (version > current)
    return error(
      "unsupported-version",
      `This flow was made by a newer version (v${version}); this server reads up to v${current}.`,
      "version",
    );
  return version;
}

/**
 * Brings a raw document to the current version by applying the migrations in order. Never throws: a
 * migration that fails is reported as an issue. Migrations must not modify their input.
 */
export function migrateToCurrent(
  raw: unknown,
  options: { migrations?: readonly FlowMigration[]; current?: number } = {},
): MigrationResult {
  const migrations = options.migrations ?? FLOW_MIGRATIONS;
  const current = options.current ?? FLOW_DOCUMENT_VERSION;
  const from = documentVersion(raw, current);
  if (typeof from !== "number") return from;
  const issues: FlowIssue[] = [];
  const applied: number[] = [];
  let doc = raw;
  let version = from;
  while (version < current) {
    const migration = migrations.find((m) => m.from === version);
    if (!migration || migration.to <= version || migration.to > current)
      return error("migration-failed", `Documents of version ${version} cannot be read any more (no migration).`);
    try {
      doc = migration.migrate(doc, { report: (issue) => issues.push(issue) });
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : "unknown error";
      return error(
        "migration-failed",
        `The document could not be converted from version ${version} to ${migration.to}: ${reason}.`,
      );
    }
    version = migration.to;
    applied.push(version);
  }
  return { doc, from, applied, issues };
}
