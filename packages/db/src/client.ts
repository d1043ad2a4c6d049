import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export interface PrismaClientOptions {
  url: string;
  /** Connections in the pool; a server wants a few, a script one. */
  poolMax?: number;
  /** On the embedded database transactions take turns (one shared session), so they may wait longer. */
  embedded?: boolean;
}

/** The one way to build a Prisma client: always through the pg driver adapter. */
export function createPrismaClient({ url, poolMax = 10, embedded = false }: PrismaClientOptions): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: poolMax, idleTimeoutMillis: 30_000 });
  return new PrismaClient({
    adapter,
    transactionOptions: embedded ? { maxWait: 15_000, timeout: 20_000 } : { maxWait: 5_000, timeout: 10_000 },
  });
}

const globalForPrisma = globalThis as unknown as { __pixelPrisma?: PrismaClient };

/**
 * The process-wide client for the app, built from DATABASE_URL (set by the launcher to the
 * embedded server when the user gave none). Kept on globalThis so dev hot reloads reuse the pool.
 */
export function getPrisma(): PrismaClient {
  if (!globalForPrisma.__pixelPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error("DATABASE_URL is not set: start the app with `pnpm start` (embedded database) or set it.");
    }
    const embedded = process.env.PIXEL_EMBEDDED === "1";
    const poolMax = Number(process.env.DATABASE_POOL_MAX ?? (embedded ? 4 : 10));
    globalForPrisma.__pixelPrisma = createPrismaClient({ url, poolMax, embedded });
  }
  return globalForPrisma.__pixelPrisma;
}
