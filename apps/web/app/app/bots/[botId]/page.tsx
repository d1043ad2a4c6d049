import type { Metadata } from "next";
import { DesignerLoader } from "./designer-loader";

export const metadata: Metadata = { title: "Flow designer" };

export default async function Page({ params }: { params: Promise<{ botId: string }> }) {
  const { botId } = await params;
  return <DesignerLoader botId={botId} />;
}
