import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { templateSummarySelect } from "./shared.ts";

/** The active organization's templates, every status, most recently changed first. */
export async function myTemplatesHandler({ ctx }: HandlerArgs<OrganizationContext>) {
  return ctx.prisma.template.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 500,
    select: templateSummarySelect,
  });
}
