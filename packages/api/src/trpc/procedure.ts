import type { Membership, Organization, Role } from "@pixel/db";
import { TRPCError } from "@trpc/server";
import { consumeRateLimit, RateLimitedError } from "../lib/rate-limit.ts";
import { hasRole } from "../lib/roles.ts";
import { type Access, DEFAULT_RATE_LIMIT } from "./access.ts";
import { t } from "./init.ts";

const rateLimited = t.middleware(async ({ ctx, meta, path, next }) => {
  const rule = meta?.rateLimit ?? DEFAULT_RATE_LIMIT;
  const subject = ctx.actor ? `user:${ctx.actor.userId}` : `ip:${ctx.ip}`;
  try {
    await consumeRateLimit(meta?.rateLimit ? path : "api", rule, subject);
  } catch (error) {
    if (error instanceof RateLimitedError) {
      throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: error.message, cause: error });
    }
    throw error;
  }
  return next();
});

const signedIn = t.middleware(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { actor: ctx.actor } });
});

const signedInBase = t.procedure.use(signedIn);

const memberOfOrganization = signedInBase.use(async ({ ctx, meta, next }) => {
  const minRole: Role = meta?.scope === "organization" ? meta.minRole : "owner";
  const { actor } = ctx;
  // A token is bound to its organization; a session acts in the requested one (or the first it belongs to).
  const wanted = actor.tokenOrganizationId ?? ctx.requestedOrganizationId;
  if (actor.tokenOrganizationId && ctx.requestedOrganizationId && ctx.requestedOrganizationId !== wanted) {
    throw new TRPCError({ code: "FORBIDDEN", message: "This API token belongs to another organization." });
  }
  let membership: (Membership & { organization: Organization }) | null;
  if (wanted) {
    membership = await ctx.prisma.membership.findUnique({
      where: { organizationId_userId: { organizationId: wanted, userId: actor.userId } },
      include: { organization: true },
    });
    if (!membership) throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of this organization." });
  } else {
    membership = await ctx.prisma.membership.findFirst({
      where: { userId: actor.userId },
      include: { organization: true },
      orderBy: { createdAt: "asc" },
    });
    if (!membership) throw new TRPCError({ code: "FORBIDDEN", message: "You do not belong to any organization." });
  }
  if (!hasRole(membership.role, minRole)) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `This needs the ${minRole} role or higher; you are ${membership.role}.`,
    });
  }
  return next({
    ctx: { organization: membership.organization, membership, organizationId: membership.organizationId },
  });
});

const publicBase = t.procedure.use(rateLimited);
const userBase = signedInBase.use(rateLimited);
const organizationBase = memberOfOrganization.use(rateLimited);

/**
 * The one wrapper every procedure is built with: authentication, organization membership with a
 * minimum role, and rate limiting, stated in one line, e.g. `procedure({ scope: "organization", minRole: "admin" })`.
 */
export function procedure(access: Extract<Access, { scope: "public" }>): typeof publicBase;
export function procedure(access: Extract<Access, { scope: "user" }>): typeof userBase;
export function procedure(access: Extract<Access, { scope: "organization" }>): typeof organizationBase;
export function procedure(access: Access) {
  const base = access.scope === "public" ? publicBase : access.scope === "user" ? userBase : organizationBase;
  return base.meta(access);
}
