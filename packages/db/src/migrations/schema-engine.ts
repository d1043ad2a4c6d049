import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { InMemoryPGliteAdapterFactory } from "./pglite-adapter.ts";

// Why: Prisma's schema engine (the thing that turns schema.prisma into SQL) ships as WebAssembly in
// @prisma/schema-engine-wasm, but its entry point does `import * as wasm from "./x.wasm"`, which
// Node 20 only runs with --experimental-wasm-modules. So we instantiate the .wasm ourselves and
// hand it to the package's wasm-bindgen glue (`schema_engine_bg.js`), which is plain JS.

type Glue = typeof import("@prisma/schema-engine-wasm") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let gluePromise: Promise<Glue> | undefined;

async function loadGlue(): Promise<Glue> {
  const require = createRequire(import.meta.url);
  // The package exports no package.json; its main entry sits next to the .wasm file.
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as Glue;
  const bytes = readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

export interface LoadedEngine {
  engine: SchemaEngine;
  /** Frees the engine (the caller owns whatever the adapter factory opened). */
  free(): void;
}

/**
 * Instantiate Prisma's schema engine on any driver adapter factory (PrismaPg for a real server,
 * the in-memory PGlite factory below for shadow-only work).
 */
export async function loadSchemaEngine(
  schema: { path: string; content: string },
  factory: SqlMigrationAwareDriverAdapterFactory,
): Promise<LoadedEngine> {
  gluePromise ??= loadGlue();
  const glue = await gluePromise;
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  try {
    const engine = await glue.SchemaEngine.new(
      { datamodels: [[schema.path, schema.content]] },
      // The engine's tracing output; set DEBUG_SCHEMA_ENGINE=1 to see it.
      (log: string) => {
        if (process.env.DEBUG_SCHEMA_ENGINE) console.error(log);
      },
      bound,
    );
    return { engine, free: () => engine.free() };
  } catch (error) {
    throw engineError(error);
  }
}

export interface ShadowEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes every PGlite database it opened. */
  close(): Promise<void>;
}

/**
 * A schema engine whose "database" and shadow database are fresh in-memory PGlite instances:
 * enough to replay the migrations folder and diff it against schema.prisma, fully offline.
 */
export async function openShadowEngine(schema: { path: string; content: string }): Promise<ShadowEngine> {
  const factory = new InMemoryPGliteAdapterFactory();
  try {
    const { engine, free } = await loadSchemaEngine(schema, factory);
    return {
      engine,
      async close() {
        free();
        await factory.closeAll();
      },
    };
  } catch (error) {
    await factory.closeAll();
    throw error;
  }
}

/**
 * Engine errors end with a Rust span trace ("   0: schema_engine_wasm::…  at …/engine.rs:242");
 * keep only the human part, e.g. "Migration `x` failed to apply cleanly to the shadow database…".
 */
export function engineError(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const message = error.message.replace(/\n\s+\d+: [\s\S]*$/, "").trim();
  return new Error(message, { cause: error });
}
