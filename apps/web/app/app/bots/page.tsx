import type { Metadata } from "next";
import { Suspense } from "react";
import { BotsPage } from "./bots-page";

export const metadata: Metadata = { title: "Bots" };

export default function Page() {
  // The search lives in the URL (?q=), read with useSearchParams, which needs a Suspense boundary.
  return (
    <Suspense fallback={null}>
      <BotsPage />
    </Suspense>
  );
}
