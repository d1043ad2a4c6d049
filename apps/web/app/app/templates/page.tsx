import { LayoutTemplate } from "lucide-react";
import type { Metadata } from "next";
import { UpcomingSection } from "@/components/upcoming-section";

export const metadata: Metadata = { title: "Templates" };

export default function Page() {
  return (
    <UpcomingSection
      title="Templates"
      icon={LayoutTemplate}
      description="Start from the expert templates and collaboration flows, or publish your own."
      coming="the template gallery"
    />
  );
}
