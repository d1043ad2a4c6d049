"use client";
// The organization a member acts in is a cookie the server checks against memberships on every call.
export const ORGANIZATION_COOKIE = "pixel_org";

export function setActiveOrganization(organizationId: string): void {
  // biome-ignore lint/suspicious/noDocumentCookie: a plain first-party cookie read by the API on each request
  document.cookie = `${ORGANIZATION_COOKIE}=${encodeURIComponent(organizationId)}; path=/; max-age=31536000; samesite=lax`;
}
