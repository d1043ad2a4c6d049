import type { Metadata } from "next";
import { TemplatesDashboard } from "./templates-dashboard";

export const metadata: Metadata = { title: "Templates" };

export default function Page() {
  return <TemplatesDashboard />;
}
