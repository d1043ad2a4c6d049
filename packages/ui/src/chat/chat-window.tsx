"use client";

import type { TurnInput } from "@pixel/flow";
import { type ReactNode, useEffect, useMemo, useRef } from "react";
import { cn } from "../cn.ts";
import { ChatHeader } from "./chat-header.tsx";
import { buildChatView } from "./chat-parts-view.ts";
import { themeStyle } from "./chat-theme.ts";
import { Composer } from "./composer.tsx";
import { ErrorBanner } from "./error-banner.tsx";
import { describeTransportError } from "./error-text.ts";
import { InputRequestForm } from "./input-request-form.tsx";
import { MessageList } from "./message-list.tsx";
import { QuickReplies } from "./quick-replies.tsx";
import { secondaryButton } from "./styles.ts";
import type { ChatTheme, PixelChatStatus, PixelUIMessage } from "./types.ts";

export interface ChatWindowProps {
  messages: PixelUIMessage[];
  status: PixelChatStatus;
  /** The failed request's error: shown as a banner with Retry. */
  error?: Error | undefined;
  /** Sends a turn; `displayText` is the user's bubble. `usePixelChat().send` fits. */
  onSend: (input: TurnInput, displayText?: string) => void | Promise<void>;
  /** Re-sends the last input after an error. */
  onRetry: () => void | Promise<void>;
  /** Shows Restart in the header and after the end. */
  onRestart?: () => void | Promise<void>;
  /** The bot's name. The header shows when a title, subtitle, avatar, actions or `onRestart` is given. */
  title?: string;
  subtitle?: string;
  avatarUrl?: string;
  theme?: ChatTheme;
  placeholder?: string;
  className?: string;
  /** Shown while there are no messages yet. */
  emptyState?: ReactNode;
  headerActions?: ReactNode;
}

/** Focus the composer again after a click answer, unless on a touch screen (the keyboard would pop up). */
function canRefocus(): boolean {
  const active = document.activeElement;
  const focusLost = !active || active === document.body;
  return focusLost && typeof window.matchMedia === "function" && window.matchMedia("(pointer: fine)").matches;
}

/** The chat window of the designer's preview, the hosted chat page and the template gallery. */
export function ChatWindow(props: ChatWindowProps) {
  const { messages, status, error, onSend, onRetry, onRestart, title, subtitle, avatarUrl, theme } = props;
  const view = useMemo(() => buildChatView(messages, status), [messages, status]);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const refocus = useRef(false);

  useEffect(() => {
    if (view.busy || !refocus.current) return;
    refocus.current = false;
    if (canRefocus()) composerRef.current?.focus({ preventScroll: true });
  }, [view.busy]);

  const retry = () => void onRetry();
  const restart = onRestart ? () => void onRestart() : undefined;
  const answer = (input: TurnInput, displayText: string) => {
    refocus.current = true;
    void onSend(input, displayText);
  };

  const showHeader = Boolean(title || subtitle || avatarUrl || onRestart || props.headerActions);
  const showError = Boolean(error) && !view.busy;
  const nothingYet =
    view.messages.length === 0 && !view.typing && !view.choices && view.inputs.length === 0 && !showError;
  const style = themeStyle(theme);

  return (
    <section
      aria-label={title ?? "Chat"}
      style={theme?.background ? { ...style, backgroundColor: "var(--pixel-chat-bg, transparent)" } : style}
      className={cn(
        "flex h-full min-h-0 w-full flex-col overflow-hidden bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100",
        theme?.mode === "dark" && "dark",
        props.className,
      )}
    >
      {showHeader ? (
        <ChatHeader
          title={title ?? "Chat"}
          {...(subtitle ? { subtitle } : {})}
          {...(avatarUrl ? { avatarUrl } : {})}
          {...(restart ? { onRestart: restart } : {})}
          restartDisabled={status === "submitted"}
          actions={props.headerActions}
        />
      ) : null}
      <MessageList
        messages={view.messages}
        typing={view.typing}
        busy={view.busy}
        streaming={status === "streaming"}
        botName={title ?? "Bot"}
        onRetry={retry}
        {...(restart ? { onRestart: restart } : {})}
        emptyState={nothingYet ? props.emptyState : undefined}
      >
        {view.choices ? (
          <QuickReplies
            choices={view.choices}
            disabled={view.busy}
            onChoose={(optionId, label) => answer({ type: "choice", optionId }, label)}
          />
        ) : null}
        {view.inputs.length > 0 ? (
          <InputRequestForm
            key={messages.at(-1)?.id}
            inputs={view.inputs}
            disabled={view.busy}
            onSubmit={(values, displayText) => answer({ type: "form", values }, displayText)}
          />
        ) : null}
        {view.ended ? (
          <div
            role="status"
            className="flex flex-wrap items-center justify-center gap-2 py-1 text-sm text-slate-500 dark:text-slate-400"
          >
            <span>Conversation ended</span>
            {restart ? (
              <>
                <span aria-hidden>—</span>
                <button type="button" onClick={restart} disabled={view.busy} className={secondaryButton}>
                  Restart
                </button>
              </>
            ) : null}
          </div>
        ) : null}
        {showError ? <ErrorBanner message={describeTransportError(error)} onRetry={retry} /> : null}
      </MessageList>
      <Composer
        inputRef={composerRef}
        disabled={view.busy || view.ended !== null}
        placeholder={view.ended ? "Conversation ended" : (props.placeholder ?? "Type a message…")}
        onSend={(text) => void onSend({ type: "text", text }, text)}
      />
    </section>
  );
}
