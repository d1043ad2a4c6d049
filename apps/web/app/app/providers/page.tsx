import type { Metadata } from "next";
import { ProvidersPage } from "./providers-page";

export const metadata: Metadata = { title: "AI providers" };

export default function Page() {
  return <ProvidersPage />;
}
