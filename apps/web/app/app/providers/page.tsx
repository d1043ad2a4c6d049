import { Plug } from "lucide-react";
import type { Metadata } from "next";
import { UpcomingSection } from "@/components/upcoming-section";

export const metadata: Metadata = { title: "AI providers" };

export default function Page() {
  return (
    <UpcomingSection
      title="AI providers"
      icon={Plug}
      description="Bring your own OpenAI, Anthropic, Google or OpenAI-compatible keys, with fallback and budgets."
      coming="AI providers, keys and budgets"
    />
  );
}
