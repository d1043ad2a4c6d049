import { EmptyState } from "@pixel/ui";
import { PageHeader } from "./page-header";

/** An honest empty state for a section whose feature is not built yet: it says what is coming, nothing fake. */
export function UpcomingSection({
  title,
  icon,
  description,
  coming,
}: {
  title: string;
  icon: string;
  description: string;
  coming: string;
}) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState icon={icon} title={`${title}: coming with ${coming}`}>
        This section is not available yet. Nothing here is simulated: it will fill in when that release lands.
      </EmptyState>
    </>
  );
}
