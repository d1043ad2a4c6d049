import { Prisma } from "@pixel/db";
import { TRPCError } from "@trpc/server";
import { hashPassword } from "../../lib/passwords.ts";
import { createUserWithPersonalOrganization } from "../../services/accounts.ts";
import type { Context } from "../../trpc/context.ts";
import type { HandlerArgs } from "../../trpc/types.ts";
import type { SignUpInput } from "./signUp.schema.ts";

const EMAIL_TAKEN = "An account with this email already exists. Sign in instead.";

export async function signUpHandler({ ctx, input }: HandlerArgs<Context, SignUpInput>) {
  const existing = await ctx.prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new TRPCError({ code: "CONFLICT", message: EMAIL_TAKEN });
  const passwordHash = await hashPassword(input.password);
  try {
    const { user, organization } = await createUserWithPersonalOrganization(ctx.prisma, {
      email: input.email,
      name: input.name,
      passwordHash,
      ip: ctx.ip,
    });
    return { userId: user.id, organizationId: organization.id };
  } catch (error) {
    // Two sign-ups for one address at once both pass the check above; the unique index stops the
    // second. Answer it like the sequential case, not with a 500.
    const taken =
      error instanceof Prisma.PrismaClientKnownRequestError &&
      error.code === "P2002" &&
      (await ctx.prisma.user.findUnique({ where: { email: input.email }, select: { id: true } }));
    if (taken) throw new TRPCError({ code: "CONFLICT", message: EMAIL_TAKEN });
    throw error;
  }
}
