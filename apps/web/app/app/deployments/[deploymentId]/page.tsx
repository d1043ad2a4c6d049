import type { Metadata } from "next";
import { DeploymentDetailPage } from "./deployment-detail";

export const metadata: Metadata = { title: "Deployment" };

export default async function Page({ params }: { params: Promise<{ deploymentId: string }> }) {
  const { deploymentId } = await params;
  return <DeploymentDetailPage deploymentId={deploymentId} />;
}
