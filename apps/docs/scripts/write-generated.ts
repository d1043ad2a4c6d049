import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const contentDir = join(dirname(fileURLToPath(import.meta.url)), "..", "content");

function read(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/**
 * Writes generated pages under content/, or with --check only reports stale ones and exits 1, so the
 * test suite catches docs that no longer match the code.
 */
export function writeGenerated(outputs: Record<string, string>, regenerateCommand: string): void {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const [name, text] of Object.entries(outputs)) {
    const path = join(contentDir, name);
    if (read(path) === text) {
      console.log(`up to date: content/${name}`);
    } else if (check) {
      stale += 1;
      console.error(`out of date: content/${name} (run ${regenerateCommand})`);
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      console.log(`wrote content/${name}`);
    }
  }
  if (stale > 0) process.exit(1);
}
