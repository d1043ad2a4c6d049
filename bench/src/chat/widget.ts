/**
 * The widget's size on the wire: apps/web/public/embed.js (built with packages/embed/build.mjs when it is not
 * there) next to the browser bundles of @typebot.io/js and flowise-embed installed from npm into the bench,
 * gzip at level 9 (what packages/embed checks its budget with) and at zlib's default level.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { constants, gzipSync } from "node:zlib";

export interface BundleSize {
  name: string;
  file: string;
  raw: number;
  gzipDefault: number;
  gzip9: number;
}

function sizeOf(name: string, file: string): BundleSize {
  const code = readFileSync(file);
  return {
    name,
    file,
    raw: code.length,
    gzipDefault: gzipSync(code, { level: constants.Z_DEFAULT_COMPRESSION }).length,
    gzip9: gzipSync(code, { level: 9 }).length,
  };
}

/** Newest modification time under a folder (the widget's sources). */
function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export interface WidgetSizes {
  widget: BundleSize;
  /** Said when the file had to be built, or is older than its sources. */
  note: string | null;
  typebot: BundleSize;
  flowise: BundleSize;
}

export function widgetSizes(repoRoot: string, benchRoot: string): WidgetSizes {
  const file = path.join(repoRoot, "apps/web/public/embed.js");
  let note: string | null = null;
  if (!existsSync(file)) {
    execFileSync(process.execPath, [path.join(repoRoot, "packages/embed/build.mjs")], { cwd: repoRoot, stdio: "pipe" });
    note = "built for this run with packages/embed/build.mjs";
  } else {
    const sources = path.join(repoRoot, "packages/embed/src");
    if (existsSync(sources) && newestUnder(sources) > statSync(file).mtimeMs) {
      note = "older than packages/embed/src: run `node packages/embed/build.mjs` for the current size";
    }
  }
  // The packages' browser bundles (what their <script type="module"> snippets load), as installed in the bench.
  const installed = (pkg: string) => {
    const dir = path.join(benchRoot, "node_modules", pkg);
    const { version } = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string };
    return sizeOf(`${pkg} ${version} (dist/web.js)`, path.join(dir, "dist/web.js"));
  };
  return {
    widget: sizeOf("Pixel widget (apps/web/public/embed.js)", file),
    note,
    typebot: installed("@typebot.io/js"),
    flowise: installed("flowise-embed"),
  };
}
