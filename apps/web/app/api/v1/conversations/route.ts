import { handleConversationTurn } from "@pixel/api";
import { getPrisma } from "@pixel/db";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  return handleConversationTurn({ req, prisma: getPrisma() });
}
