import { createOrganizationSchema } from "./create.schema.ts";

export const updateOrganizationSchema = createOrganizationSchema;
export type { CreateOrganizationInput as UpdateOrganizationInput } from "./create.schema.ts";
