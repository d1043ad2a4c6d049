// `pnpm db:drift`: fail (exit 1) when schema.prisma has changes that no migration contains.
import { checkDrift } from "../migrations/drift.ts";

try {
  const report = await checkDrift();
  if (report.drift) {
    console.error("drift: schema.prisma and prisma/migrations disagree. A new migration would contain:\n");
    console.error(report.sql.trimEnd());
    console.error("\nfix: `pnpm db:migration:create <name>` (or revert the schema change)");
    process.exit(1);
  }
  console.log("schema and migrations agree");
} catch (error) {
  // Exit 2, not 1: the check itself could not run (e.g. a migration no longer replays).
  console.error(`drift check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
