import { type ParserOptions, type PGlite, types } from "@electric-sql/pglite";
import {
  type ColumnType,
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import { openPGlite } from "../pglite-open.ts";

// Why a hand-written adapter: the schema engine only needs a throwaway shadow database to replay
// the migrations folder. An in-process, in-memory PGlite is ideal for that, but
//  - @prisma/adapter-pg (over pglite-socket) cannot read the `"char"` columns the engine's
//    introspection selects, drops its shadow database while the pool is open, and pglite-socket
//    ignores the database name anyway;
//  - pglite-prisma-adapter 0.7.2 does not await `exec` in executeScript, so a failing migration
//    becomes an unhandled rejection instead of an error.
// This adapter covers exactly what the engine does: catalog queries, scripts, transactions.

/** Postgres type oid → the column type the engine expects, plus how to turn the text value into it. */
type Decoder = { type: ColumnType; parse?: (value: string) => unknown };

const raw = (value: string) => value;
const asArray = (element: (v: string) => unknown, oid: number) => (value: string) =>
  types.arrayParser(value, element, oid);
const timestamp = (value: string) => `${value.replace(" ", "T")}+00:00`;
const timestamptz = (value: string) => value.replace(" ", "T").replace(/[+-]\d{2}(:\d{2})?$/, "+00:00");

const decoders: Record<number, Decoder> = {
  16: { type: ColumnTypeEnum.Boolean, parse: (v) => v === "t" },
  17: { type: ColumnTypeEnum.Bytes },
  18: { type: ColumnTypeEnum.Character, parse: raw },
  20: { type: ColumnTypeEnum.Int64, parse: raw },
  21: { type: ColumnTypeEnum.Int32, parse: Number },
  23: { type: ColumnTypeEnum.Int32, parse: Number },
  26: { type: ColumnTypeEnum.Int64, parse: raw },
  114: { type: ColumnTypeEnum.Json, parse: raw },
  700: { type: ColumnTypeEnum.Float, parse: Number },
  701: { type: ColumnTypeEnum.Double, parse: Number },
  1082: { type: ColumnTypeEnum.Date, parse: raw },
  1083: { type: ColumnTypeEnum.Time, parse: raw },
  1114: { type: ColumnTypeEnum.DateTime, parse: timestamp },
  1184: { type: ColumnTypeEnum.DateTime, parse: timestamptz },
  1700: { type: ColumnTypeEnum.Numeric, parse: raw },
  2950: { type: ColumnTypeEnum.Uuid, parse: raw },
  3802: { type: ColumnTypeEnum.Json, parse: raw },
  1000: { type: ColumnTypeEnum.BooleanArray, parse: asArray((v) => v === "t", 1000) },
  1002: { type: ColumnTypeEnum.CharacterArray, parse: asArray(raw, 1002) },
  1003: { type: ColumnTypeEnum.TextArray, parse: asArray(raw, 1003) },
  1005: { type: ColumnTypeEnum.Int32Array, parse: asArray(Number, 1005) },
  1007: { type: ColumnTypeEnum.Int32Array, parse: asArray(Number, 1007) },
  1009: { type: ColumnTypeEnum.TextArray, parse: asArray(raw, 1009) },
  1014: { type: ColumnTypeEnum.TextArray, parse: asArray(raw, 1014) },
  1015: { type: ColumnTypeEnum.TextArray, parse: asArray(raw, 1015) },
  1016: { type: ColumnTypeEnum.Int64Array, parse: asArray(raw, 1016) },
  1028: { type: ColumnTypeEnum.Int64Array, parse: asArray(raw, 1028) },
};

/** Anything else (name, text, regclass, pg_node_tree, enums, …) is handed over as text. */
const textDecoder: Decoder = { type: ColumnTypeEnum.Text, parse: raw };
const decoderFor = (oid: number) => decoders[oid] ?? textDecoder;

/** PGlite parsers for every oid we know; unknown oids already come back as raw strings. */
const parsers: ParserOptions = Object.fromEntries(
  Object.entries(decoders).flatMap(([oid, d]) => (d.parse ? [[oid, d.parse]] : [])),
);

function toDriverError(error: unknown): never {
  const e = error as {
    code?: unknown;
    message?: string;
    severity?: string;
    detail?: string;
    hint?: string;
    column?: string;
  };
  if (typeof e?.code === "string" && typeof e.message === "string") {
    throw new DriverAdapterError({
      kind: "postgres",
      code: e.code,
      severity: e.severity ?? "ERROR",
      message: e.message,
      detail: e.detail,
      column: e.column,
      hint: e.hint,
      originalCode: e.code,
      originalMessage: e.message,
    });
  }
  throw error;
}

const adapterName = "pixel-pglite-shadow";

class PGliteQueryable {
  readonly provider = "postgres" as const;
  readonly adapterName = adapterName;
  constructor(protected readonly getDb: () => Promise<PGlite>) {}

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    const result = await this.run(query);
    return {
      columnNames: result.fields.map((f) => f.name),
      columnTypes: result.fields.map((f) => decoderFor(f.dataTypeID).type),
      rows: result.rows as unknown[][],
    };
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    return (await this.run(query)).affectedRows ?? 0;
  }

  private async run(query: SqlQuery) {
    const args = query.args.map((arg) => (arg instanceof Date ? arg.toISOString() : arg));
    const db = await this.getDb();
    try {
      return await db.query(query.sql, args, { rowMode: "array", parsers });
    } catch (error) {
      toDriverError(error);
    }
  }
}

class PGliteShadowAdapter extends PGliteQueryable implements SqlDriverAdapter {
  constructor(
    getDb: () => Promise<PGlite>,
    private readonly onDispose: () => Promise<void>,
  ) {
    super(getDb);
  }

  async executeScript(script: string): Promise<void> {
    const db = await this.getDb();
    try {
      await db.exec(script);
    } catch (error) {
      toDriverError(error);
    }
  }

  /**
   * The engine is this database's only user, so a transaction is just BEGIN on the one session.
   * usePhantomQuery false: the engine itself sends COMMIT / ROLLBACK as queries.
   */
  async startTransaction(): Promise<Transaction> {
    await this.executeScript("BEGIN");
    return new (class extends PGliteQueryable implements Transaction {
      readonly options = { usePhantomQuery: false };
      async commit() {}
      async rollback() {}
    })(this.getDb);
  }

  getConnectionInfo() {
    return { schemaName: "public", supportsRelationJoins: true };
  }

  async dispose(): Promise<void> {
    await this.onDispose();
  }
}

/**
 * Adapter factory for the schema engine whose main and shadow databases are fresh in-memory PGlite
 * instances, created on first use (diffing from the migrations folder never touches the main one,
 * and each instance costs about a second) and closed on dispose. Nothing touches a real database.
 */
export class InMemoryPGliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = adapterName;
  private readonly open = new Set<Promise<PGlite>>();

  async connect(): Promise<SqlDriverAdapter> {
    return this.fresh();
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.fresh();
  }

  /** Close any database the engine did not dispose (e.g. after an engine error). */
  async closeAll(): Promise<void> {
    const pending = [...this.open];
    this.open.clear();
    await Promise.all(pending.map(async (db) => (await db).close().catch(() => {})));
  }

  private fresh(): SqlDriverAdapter {
    let db: Promise<PGlite> | undefined;
    const getDb = () => {
      if (!db) {
        db = openPGlite("memory://");
        this.open.add(db);
      }
      return db;
    };
    return new PGliteShadowAdapter(getDb, async () => {
      if (db && this.open.delete(db)) await (await db).close();
    });
  }
}
