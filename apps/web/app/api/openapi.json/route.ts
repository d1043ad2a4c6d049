import { handleOpenApiRequest } from "@pixel/api";
import { appUrl } from "@/lib/auth";

export const dynamic = "force-dynamic";

export async function GET() {
  return handleOpenApiRequest(appUrl());
}
