// `pnpm db:migration:create <name>`: write the next migration from schema.prisma, offline.
import path from "node:path";
import { createMigration } from "../migrations/create.ts";
import { repoRoot } from "../paths.ts";

const name = process.argv
  .slice(2)
  .filter((arg) => arg !== "--")
  .join("_");
if (!name) {
  console.error("usage: pnpm db:migration:create <name>   (e.g. add_bot_tags)");
  process.exit(2);
}

try {
  const result = await createMigration(name);
  if (result.path) {
    console.log(`created ${path.relative(repoRoot, result.path)}`);
    console.log("review it, then apply with `pnpm db:migrate`");
  } else {
    console.log("no changes: schema.prisma and the migrations already agree; nothing written");
  }
} catch (error) {
  console.error(`migration:create failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
