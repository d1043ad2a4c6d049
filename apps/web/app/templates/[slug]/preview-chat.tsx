"use client";
import { type ChatTheme, ChatWindow, usePixelChat } from "@pixel/ui";

/**
 * The template's live preview: its flow runs on the server without sign-in, the conversation's state travels in
 * an opaque signed token the chat hook sends back each turn. Restart begins a new conversation.
 */
export function PreviewChat({
  slug,
  title,
  primaryColor,
}: {
  slug: string;
  title: string;
  primaryColor: string | undefined;
}) {
  const chat = usePixelChat({ api: `/api/templates/${encodeURIComponent(slug)}/preview`, autoStart: true });
  const theme: ChatTheme = primaryColor ? { primary: primaryColor } : {};
  return (
    <ChatWindow
      messages={chat.messages}
      status={chat.status}
      error={chat.error}
      onSend={chat.send}
      onRetry={chat.retry}
      onRestart={chat.reset}
      title={title}
      subtitle="Live preview"
      theme={theme}
      placeholder="Message the template…"
      emptyState={<p className="p-6 text-center text-sm text-slate-500 dark:text-slate-400">Starting the preview…</p>}
    />
  );
}
