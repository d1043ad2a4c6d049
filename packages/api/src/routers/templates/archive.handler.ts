import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { setTemplateStatus } from "./set-status.ts";
import type { TemplateIdInput } from "./templateId.schema.ts";

export function archiveTemplateHandler({ ctx, input }: HandlerArgs<OrganizationContext, TemplateIdInput>) {
  return setTemplateStatus(ctx, input.templateId, "archived");
}
