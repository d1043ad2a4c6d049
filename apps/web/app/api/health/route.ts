import { getPrisma } from "@pixel/db";

export const dynamic = "force-dynamic";

/** Liveness + database reachability, for load balancers and the launcher's readiness wait. */
export async function GET() {
  try {
    await getPrisma().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "ok" });
  } catch {
    return Response.json({ status: "degraded", database: "unreachable" }, { status: 503 });
  }
}
