import { Prisma } from "@pixel/db";
import type { GalleryViewer } from "./types.ts";

/** More would be a client stuffing the list; real users belong to a handful of organizations. */
const MAX_VIEWER_ORGANIZATIONS = 500;

export function viewerOrganizationIds(viewer: GalleryViewer): string[] {
  return [...new Set(viewer.organizationIds.filter((id) => typeof id === "string" && id.length > 0))].slice(
    0,
    MAX_VIEWER_ORGANIZATIONS,
  );
}

/**
 * The gallery's rule in SQL, for the alias `t` of "Template": published, and public or owned by one of the
 * viewer's organizations. Drafts and archived templates never show in the gallery (their owners see them on
 * the dashboard).
 */
export function visibleSql(viewer: GalleryViewer): Prisma.Sql {
  const organizationIds = viewerOrganizationIds(viewer);
  const owned =
    organizationIds.length > 0 ? Prisma.sql` OR t."organizationId" IN (${Prisma.join(organizationIds)})` : Prisma.empty;
  return Prisma.sql`t."status" = 'published' AND (t."visibility" = 'public'${owned})`;
}

/**
 * The template page's rule: anyone sees a published public template; members of the owner organization
 * also see its organization-only, draft and archived templates. The platform's own templates (no owner)
 * are visible only while published.
 */
export function canViewTemplate(
  template: { status: string; visibility: string; organizationId: string | null },
  viewer: GalleryViewer,
): boolean {
  if (template.organizationId && viewerOrganizationIds(viewer).includes(template.organizationId)) return true;
  return template.status === "published" && template.visibility === "public";
}
