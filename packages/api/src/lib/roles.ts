import type { Role } from "@pixel/db";

/** Higher rank = more power. Owners > admins > editors > viewers. */
export const ROLE_RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };
export const ROLES = ["owner", "admin", "editor", "viewer"] as const satisfies readonly Role[];

export function hasRole(actual: Role, minimum: Role): boolean {
  return ROLE_RANK[actual] >= ROLE_RANK[minimum];
}
