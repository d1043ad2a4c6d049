import { Rocket } from "lucide-react";
import type { Metadata } from "next";
import { UpcomingSection } from "@/components/upcoming-section";

export const metadata: Metadata = { title: "Deployments" };

export default function Page() {
  return (
    <UpcomingSection
      title="Deployments"
      icon={Rocket}
      description="Serve a published version on a hosted page, an embeddable widget or an API."
      coming="deployments and the end-user chat"
    />
  );
}
