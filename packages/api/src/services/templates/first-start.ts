import { createPrismaClient } from "@pixel/db";
import { seedTemplates } from "./seed.ts";

/**
 * The launcher's first-start step: when the database has no templates at all, fill the gallery with the
 * seeded catalogue. Later starts leave the templates alone (`pnpm db:seed` updates them on purpose).
 * Returns how many were created (0 when there were templates already).
 */
export async function seedTemplatesOnFirstStart(
  url: string,
  options: { embedded?: boolean; log?: (message: string) => void } = {},
): Promise<number> {
  const prisma = createPrismaClient({ url, poolMax: 1, embedded: options.embedded });
  try {
    if ((await prisma.template.count()) > 0) return 0;
    const started = Date.now();
    const { created } = await seedTemplates(prisma);
    options.log?.(`seeded the template gallery with ${created} templates in ${Date.now() - started} ms (first start)`);
    return created;
  } finally {
    await prisma.$disconnect();
  }
}
