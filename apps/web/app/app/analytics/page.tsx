import { BarChart3 } from "lucide-react";
import type { Metadata } from "next";
import { UpcomingSection } from "@/components/upcoming-section";

export const metadata: Metadata = { title: "Analytics" };

export default function Page() {
  return (
    <UpcomingSection
      title="Analytics"
      icon={BarChart3}
      description="Usage, cost and outcomes per bot, provider and model."
      coming="usage, cost and budgets"
    />
  );
}
