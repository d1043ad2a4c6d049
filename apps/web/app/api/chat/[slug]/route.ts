import { handleChatOptions, handleChatTurn } from "@pixel/api";
import { getPrisma } from "@pixel/db";
import { appUrl } from "@/lib/auth";

type Params = { params: Promise<{ slug: string }> };

/** One end-user turn of the hosted chat page or the widget (AI SDK UI message stream). */
export async function POST(req: Request, { params }: Params) {
  const { slug } = await params;
  return handleChatTurn({ req, prisma: getPrisma(), slug, appUrl: appUrl() });
}

export async function OPTIONS(req: Request, { params }: Params) {
  const { slug } = await params;
  return handleChatOptions({ req, prisma: getPrisma(), slug, appUrl: appUrl() });
}
