import type { Metadata } from "next";
import { CreateOrganization } from "./general/create-organization";
import { LeaveOrganization } from "./general/leave-organization";
import { OrganizationName } from "./general/organization-name";

export const metadata: Metadata = { title: "Settings" };

export default function GeneralSettingsPage() {
  return (
    <>
      <OrganizationName />
      <CreateOrganization />
      <LeaveOrganization />
    </>
  );
}
