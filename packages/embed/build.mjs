// Builds the chat widget into one file served at the web app's root: apps/web/public/embed.js.
// Usage: node build.mjs [--out <file>]
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));
const outIndex = process.argv.indexOf("--out");
const outfile =
  outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : path.resolve(here, "../../apps/web/public/embed.js");

/** The esbuild options of the shipped file (also used by the size test). */
export const options = {
  entryPoints: [path.join(here, "src/index.ts")],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2019",
  platform: "browser",
  sourcemap: false,
  legalComments: "none",
  charset: "utf8",
  // Plain assignments for class fields: smaller than defineProperty, same behaviour here.
  tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
  write: false,
};

/** Builds in memory: the bundle's text and its raw and gzip sizes in bytes. */
export async function bundle() {
  const result = await build(options);
  const code = result.outputFiles[0].text;
  return { code, raw: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { code, raw, gzip } = await bundle();
  await mkdir(path.dirname(outfile), { recursive: true });
  await writeFile(outfile, code);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `embed.js → ${path.relative(process.cwd(), outfile)}: ${kb(raw)} raw, ${kb(gzip)} gzip (budget 20 KB gzip)`,
  );
  if (gzip > 20 * 1024) {
    console.error("embed.js is over its 20 KB gzip budget.");
    process.exit(1);
  }
}
