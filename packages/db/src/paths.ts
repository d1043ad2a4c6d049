import path from "node:path";
import { fileURLToPath } from "node:url";

// Paths are resolved from this file, never from process.cwd(): the CLIs run via
// `pnpm --filter` (cwd = packages/db) and via the root scripts, and tests run from anywhere.
const here = (relative: string) => path.resolve(fileURLToPath(new URL(relative, import.meta.url)));

/** packages/db */
export const packageRoot = here("..");
/** The monorepo root (packages/db/src → three levels up). */
export const repoRoot = here("../../..");
export const defaultSchemaPath = here("../prisma/schema.prisma");
export const defaultMigrationsDir = here("../prisma/migrations");
