import type { Metadata } from "next";
import { TranscriptView } from "./transcript-view";

export const metadata: Metadata = { title: "Conversation" };

export default async function Page({ params }: { params: Promise<{ conversationId: string }> }) {
  const { conversationId } = await params;
  return <TranscriptView conversationId={conversationId} />;
}
