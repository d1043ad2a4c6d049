export type { PrismaClientOptions } from "./client.ts";
export { createPrismaClient, getPrisma } from "./client.ts";
export * from "./generated/prisma/client.ts";
