import { TRPCError } from "@trpc/server";
import { hashPassword } from "../../lib/passwords.ts";
import { createUserWithPersonalOrganization } from "../../services/accounts.ts";
import type { Context } from "../../trpc/context.ts";
import type { HandlerArgs } from "../../trpc/types.ts";
import type { SignUpInput } from "./signUp.schema.ts";

export async function signUpHandler({ ctx, input }: HandlerArgs<Context, SignUpInput>) {
  const existing = await ctx.prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing)
    throw new TRPCError({ code: "CONFLICT", message: "An account with this email already exists. Sign in instead." });
  const passwordHash = await hashPassword(input.password);
  const { user, organization } = await createUserWithPersonalOrganization(ctx.prisma, {
    email: input.email,
    name: input.name,
    passwordHash,
    ip: ctx.ip,
  });
  return { userId: user.id, organizationId: organization.id };
}
