import { MessagesSquare } from "lucide-react";
import type { Metadata } from "next";
import { UpcomingSection } from "@/components/upcoming-section";

export const metadata: Metadata = { title: "Conversations" };

export default function Page() {
  return (
    <UpcomingSection
      title="Conversations"
      icon={MessagesSquare}
      description="Read what end users asked your bots and how they answered."
      coming="deployments and the end-user chat"
    />
  );
}
