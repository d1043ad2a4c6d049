import { handleChatCompletions } from "@pixel/api";
import { getPrisma } from "@pixel/db";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  return handleChatCompletions({ req, prisma: getPrisma() });
}
