import "server-only";
import type { GalleryViewer } from "@pixel/api";
import { getPrisma } from "@pixel/db";
import { cache } from "react";
import { getSessionUser } from "@/lib/auth";

export interface GalleryVisitor {
  viewer: GalleryViewer;
  /** The signed-in user, or null for an anonymous visitor. */
  user: { id: string; email: string; name: string | null } | null;
}

/**
 * Who is looking at the gallery: anonymous, or a signed-in user with every organization they belong to
 * (their organization-only templates show too). Once per request, shared by layout, metadata and page.
 */
export const loadVisitor = cache(async (): Promise<GalleryVisitor> => {
  const user = await getSessionUser();
  if (!user) return { viewer: { userId: null, organizationIds: [] }, user: null };
  const memberships = await getPrisma().membership.findMany({
    where: { userId: user.id },
    select: { organizationId: true },
  });
  return { viewer: { userId: user.id, organizationIds: memberships.map((m) => m.organizationId) }, user };
});
