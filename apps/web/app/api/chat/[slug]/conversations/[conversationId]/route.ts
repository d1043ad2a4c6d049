import { handleChatOptions, handleConversationHistory } from "@pixel/api";
import { getPrisma } from "@pixel/db";
import { appUrl } from "@/lib/auth";

type Params = { params: Promise<{ slug: string; conversationId: string }> };

/** The saved conversation of one end user (`?endUserId=`), to resume it after a reload. */
export async function GET(req: Request, { params }: Params) {
  const { slug, conversationId } = await params;
  return handleConversationHistory({ req, prisma: getPrisma(), slug, conversationId, appUrl: appUrl() });
}

export async function OPTIONS(req: Request, { params }: Params) {
  const { slug } = await params;
  return handleChatOptions({ req, prisma: getPrisma(), slug, appUrl: appUrl() });
}
