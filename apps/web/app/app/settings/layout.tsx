import type { ReactNode } from "react";
import { PageHeader } from "@/components/page-header";
import { SettingsTabs } from "./settings-tabs";

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <PageHeader title="Settings" description="Your organization, its members, API tokens and audit log." />
      <SettingsTabs />
      <div className="mt-6 space-y-6">{children}</div>
    </>
  );
}
