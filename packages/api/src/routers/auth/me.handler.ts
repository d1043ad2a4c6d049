import type { HandlerArgs, UserContext } from "../../trpc/types.ts";

export async function meHandler({ ctx }: HandlerArgs<UserContext>) {
  const user = await ctx.prisma.user.findUniqueOrThrow({
    where: { id: ctx.actor.userId },
    select: { id: true, email: true, name: true, image: true, createdAt: true },
  });
  return { ...user, via: ctx.actor.via };
}
