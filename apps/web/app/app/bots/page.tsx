import { Bot } from "lucide-react";
import type { Metadata } from "next";
import { UpcomingSection } from "@/components/upcoming-section";

export const metadata: Metadata = { title: "Bots" };

export default function Page() {
  return (
    <UpcomingSection
      title="Bots"
      icon={Bot}
      description="Design bots as graphs in the flow designer, preview them live and publish versions."
      coming="the flow designer"
    />
  );
}
