import { handlePreviewRequest } from "@pixel/api";
import { getPrisma } from "@pixel/db";
import { appUrl, getSessionUser } from "@/lib/auth";

export async function POST(req: Request, { params }: { params: Promise<{ botId: string }> }) {
  const { botId } = await params;
  return handlePreviewRequest({ req, prisma: getPrisma(), botId, appUrl: appUrl(), getSessionUser });
}
