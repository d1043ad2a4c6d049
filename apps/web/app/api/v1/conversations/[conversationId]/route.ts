import { handleConversationGet } from "@pixel/api";
import { getPrisma } from "@pixel/db";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ conversationId: string }> }) {
  const { conversationId } = await params;
  return handleConversationGet({ req, prisma: getPrisma(), conversationId });
}
