import { handleTemplatePreview } from "@pixel/api";
import { getPrisma } from "@pixel/db";
import { getSessionUser } from "@/lib/auth";

/** The gallery's live preview of a template: no sign-in needed (see handleTemplatePreview). */
export async function POST(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const prisma = getPrisma();
  return handleTemplatePreview({
    req,
    prisma,
    slug: decodeURIComponent(slug),
    viewerOrganizationIds: async () => {
      const user = await getSessionUser();
      if (!user) return [];
      const rows = await prisma.membership.findMany({ where: { userId: user.id }, select: { organizationId: true } });
      return rows.map((row) => row.organizationId);
    },
  });
}
