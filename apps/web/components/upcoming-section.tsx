import { EmptyState } from "@pixel/ui";
import type { LucideIcon } from "lucide-react";
import { PageHeader } from "./page-header";

/** An honest empty state for a section whose feature is not built yet: it says what is coming, nothing fake. */
export function UpcomingSection({
  title,
  icon: Icon,
  description,
  coming,
}: {
  title: string;
  icon: LucideIcon;
  description: string;
  coming: string;
}) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState icon={<Icon className="size-10 text-slate-400" />} title={`${title}: coming with ${coming}`}>
        This section is not available yet. Nothing here is simulated: it will fill in when that release lands.
      </EmptyState>
    </>
  );
}
