import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { packageRoot } from "./paths.ts";

// Why: a new PGlite cluster runs initdb inside WebAssembly, 4–10 s on a 2-core machine. Loading a
// tarball of an already initialised, empty cluster takes ~1 s. Every new cluster we make (in-memory
// shadow databases for diffs, in-memory test servers, a first-time .data/pglite) starts out the same,
// so one template is made once, cached in node_modules/.cache (gzip, ~5 MB) and reused.

const pgliteVersion: string = (() => {
  const require = createRequire(import.meta.url);
  // The package exports no package.json; read it next to its resolved main file.
  let dir = path.dirname(require.resolve("@electric-sql/pglite"));
  while (!existsSync(path.join(dir, "package.json")) && dir !== path.dirname(dir)) dir = path.dirname(dir);
  try {
    return (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
})();

const cacheFile = path.join(
  packageRoot,
  "node_modules",
  ".cache",
  "pixel-db",
  `pglite-${pgliteVersion}-template.tar.gz`,
);

let template: Promise<Blob> | undefined;

async function makeTemplate(): Promise<Blob> {
  try {
    if (existsSync(cacheFile)) return new Blob([readFileSync(cacheFile)]);
  } catch {
    // unreadable cache: rebuild below
  }
  const db = await PGlite.create("memory://");
  const blob = await db.dumpDataDir("gzip");
  await db.close();
  try {
    // Write-then-rename so concurrent processes never read a half-written file.
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, cacheFile);
  } catch {
    // read-only install: keep the in-process template only
  }
  return blob;
}

function getTemplate(): Promise<Blob> {
  template ??= makeTemplate().catch((error) => {
    template = undefined;
    throw error;
  });
  return template;
}

/**
 * Open PGlite on `dataDir` ("memory://" or a directory). A new cluster starts from the cached
 * template; an existing one on disk is opened as is.
 */
export async function openPGlite(dataDir: string): Promise<PGlite> {
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory && existsSync(path.join(dataDir, "PG_VERSION"))) return PGlite.create({ dataDir });
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  try {
    return await PGlite.create({ dataDir, loadDataDir: await getTemplate() });
  } catch (error) {
    // A bad cached template must never block startup: fall back to a plain initdb.
    if (!inMemory && existsSync(path.join(dataDir, "PG_VERSION"))) throw error;
    return PGlite.create({ dataDir });
  }
}
