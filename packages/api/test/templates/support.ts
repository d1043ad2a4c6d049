import { randomBytes } from "node:crypto";
import type { Prisma } from "@pixel/db";
import { blankFlow } from "../../src/routers/bots/blank-flow.ts";
import { db } from "../helpers.ts";

let counter = 0;

/** A template row with the gallery's fields; anything can be overridden. Published and public by default. */
export async function createTemplateRow(overrides: Partial<Prisma.TemplateUncheckedCreateInput> = {}) {
  counter += 1;
  const slug = overrides.slug ?? `t-${randomBytes(4).toString("hex")}-${counter}`;
  return db().template.create({
    data: {
      slug,
      name: `Template ${counter}`,
      description: "A template for tests.",
      category: "testing",
      tags: [],
      requiredIntegrations: [],
      languages: ["en"],
      status: "published",
      visibility: "public",
      flow: blankFlow() as unknown as Prisma.InputJsonValue,
      ...overrides,
    },
  });
}

/** The gallery's viewer for signed-out visitors. */
export const ANONYMOUS = { userId: null, organizationIds: [] as string[] };

/**
 * Runs tasks at the same time on a real PostgreSQL (TEST_DATABASE_URL). The embedded PGlite serves every
 * connection from one session: concurrent statements there interleave their unnamed prepared statements
 * ("unnamed prepared statement does not exist") and transactions are serialized anyway, so there the tasks
 * run one after another — the arithmetic is still checked, the race only on a real server.
 */
export async function atOnce<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
  if (process.env.TEST_DATABASE_URL) return Promise.all(tasks.map((task) => task()));
  const results: T[] = [];
  for (const task of tasks) results.push(await task());
  return results;
}
