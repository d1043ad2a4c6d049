import { handleChatConfig, handleChatOptions } from "@pixel/api";
import { getPrisma } from "@pixel/db";
import { appUrl } from "@/lib/auth";

type Params = { params: Promise<{ slug: string }> };

/** The chat's title, greeting and theme, for the widget. */
export async function GET(req: Request, { params }: Params) {
  const { slug } = await params;
  return handleChatConfig({ req, prisma: getPrisma(), slug, appUrl: appUrl() });
}

export async function OPTIONS(req: Request, { params }: Params) {
  const { slug } = await params;
  return handleChatOptions({ req, prisma: getPrisma(), slug, appUrl: appUrl() });
}
