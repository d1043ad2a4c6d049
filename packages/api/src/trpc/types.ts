import type { Membership, Organization } from "@pixel/db";
import type { Actor, Context } from "./context.ts";

export type UserContext = Context & { actor: Actor };
export type OrganizationContext = UserContext & {
  organization: Organization;
  membership: Membership;
  organizationId: string;
};

export interface HandlerArgs<C, I = undefined> {
  ctx: C;
  input: I;
}
