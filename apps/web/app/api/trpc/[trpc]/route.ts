import { handleTrpcRequest } from "@pixel/api";
import { getPrisma } from "@pixel/db";
import { appUrl, getSessionUser } from "@/lib/auth";

function handler(req: Request) {
  return handleTrpcRequest({ req, prisma: getPrisma(), endpoint: "/api/trpc", appUrl: appUrl(), getSessionUser });
}

export { handler as GET, handler as POST };
