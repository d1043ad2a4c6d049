import type { Metadata } from "next";
import { Suspense } from "react";
import { ConversationsPage } from "./conversations-page";

export const metadata: Metadata = { title: "Conversations" };

export default function Page() {
  // The filters live in the URL, read with useSearchParams, which needs a Suspense boundary.
  return (
    <Suspense fallback={null}>
      <ConversationsPage />
    </Suspense>
  );
}
