import { handleTemplatePreview } from "@pixel/api";
import { getPrisma } from "@pixel/db";
import { loadVisitor } from "@/app/templates/viewer";

/** The gallery's live preview of a template: no sign-in needed (see handleTemplatePreview). */
export async function POST(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return handleTemplatePreview({
    req,
    prisma: getPrisma(),
    slug: decodeURIComponent(slug),
    viewerOrganizationIds: async () => (await loadVisitor()).viewer.organizationIds,
  });
}
