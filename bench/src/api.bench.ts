/**
 * What the API layer costs on top of the database: one organization-scoped read through the procedure
 * wrapper (auth, membership, role, rate limit) and through full HTTP handling, against the same
 * queries made directly with Prisma (the baseline). Also the price of a password check.
 */
import { appRouter, createCallerFactory, createContext, handleTrpcRequest } from "@pixel/api";
import { authorizeCredentials } from "@pixel/api/auth";
import { createPrismaClient } from "@pixel/db";
import { createTestDatabase } from "@pixel/db/testing";
import superjson from "superjson";
import { measure, printTable } from "./measure.ts";

const N = Number(process.env.BENCH_ITERATIONS ?? 2000);

async function main() {
  const database = await createTestDatabase();
  const prisma = createPrismaClient({ url: database.url, poolMax: 4 });
  try {
    const caller = createCallerFactory(appRouter)({
      prisma,
      actor: null,
      requestedOrganizationId: null,
      ip: "bench",
      appUrl: "http://localhost",
    });
    await caller.auth.signUp({ name: "Bench", email: "bench@example.com", password: "bench-password-1" });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "bench@example.com" } });
    const membership = await prisma.membership.findFirstOrThrow({ where: { userId: user.id } });
    const sessionUser = { id: user.id, email: user.email };
    const headers = new Headers({ "x-pixel-organization": membership.organizationId, "x-forwarded-for": "10.0.0.1" });

    const baseline = await measure("prisma: membership + member count (baseline)", N, async () => {
      await prisma.membership.findUnique({
        where: { organizationId_userId: { organizationId: membership.organizationId, userId: user.id } },
        include: { organization: true },
      });
      await prisma.membership.count({ where: { organizationId: membership.organizationId } });
    });
    const viaCaller = await measure("tRPC caller: organization.current", N, async () => {
      const ctx = await createContext({ prisma, headers, sessionUser, appUrl: "http://localhost" });
      await createCallerFactory(appRouter)(ctx).organization.current();
    });
    const input = encodeURIComponent(JSON.stringify(superjson.serialize(undefined)));
    const viaHttp = await measure("HTTP handler: GET organization.current", N, async () => {
      const req = new Request(`http://localhost/api/trpc/organization.current?input=${input}`, { headers });
      const res = await handleTrpcRequest({
        req,
        prisma,
        endpoint: "/api/trpc",
        appUrl: "http://localhost",
        getSessionUser: async () => sessionUser,
      });
      if (res.status !== 200) throw new Error(`unexpected ${res.status}`);
      await res.text();
    });
    const signIn = await measure("sign-in: argon2id verify", 20, async () => {
      await authorizeCredentials(prisma, {
        email: "bench@example.com",
        password: "bench-password-1",
        ip: `bench-${Math.random()}`,
      });
    });

    const rows = [baseline, viaCaller, viaHttp, signIn];
    console.log(
      `\nAPI overhead on ${process.env.TEST_DATABASE_URL ? "PostgreSQL (TEST_DATABASE_URL)" : "embedded PGlite"}, ${N} sequential calls\n`,
    );
    printTable(rows, baseline);
    console.log(
      JSON.stringify({
        bench: "api",
        database: process.env.TEST_DATABASE_URL ? "postgresql" : "pglite",
        baseline_ops_per_s: Math.round(baseline.opsPerSecond),
        caller_ops_per_s: Math.round(viaCaller.opsPerSecond),
        http_ops_per_s: Math.round(viaHttp.opsPerSecond),
        caller_time_ratio: Number((baseline.opsPerSecond / viaCaller.opsPerSecond).toFixed(2)),
        http_time_ratio: Number((baseline.opsPerSecond / viaHttp.opsPerSecond).toFixed(2)),
        http_p95_ms: Number(viaHttp.p95Ms.toFixed(3)),
        sign_in_p50_ms: Number(signIn.p50Ms.toFixed(1)),
      }),
    );
  } finally {
    await prisma.$disconnect();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
