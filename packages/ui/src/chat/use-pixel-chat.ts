"use client";

import { useChat } from "@ai-sdk/react";
import type { PixelChatDataParts, TurnInput } from "@pixel/flow";
import { type DataUIPart, DefaultChatTransport } from "ai";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { buildTurnRequestBody, findConversationId, userMessageFor } from "./request-body.ts";
import type { PixelChatStatus, PixelUIMessage } from "./types.ts";

type HeadersValue = Record<string, string> | Headers;

export interface UsePixelChatOptions {
  /** The chat endpoint: it streams the AI SDK UI message stream for one turn. */
  api: string;
  /** Extra body properties for every turn (e.g. the flow being previewed); read when each turn is sent. */
  body?: Record<string, unknown> | (() => Record<string, unknown>);
  /** Extra headers for every turn; a function is called for each turn (may be async, e.g. a fresh token). */
  headers?: HeadersValue | (() => HeadersValue | Promise<HeadersValue>);
  /** Continue this conversation (e.g. after a reload). */
  conversationId?: string;
  /** Called when the server names a (new) conversation: keep it to continue later. */
  onConversation?: (conversationId: string) => void;
  /** Messages to show first, e.g. the saved transcript. Read once, on mount. */
  initialMessages?: PixelUIMessage[];
  /** Send `start` on mount when there are no messages. */
  autoStart?: boolean;
  /** Every data part as it arrives, transient ones (`data-trace`) included. */
  onData?: (part: DataUIPart<PixelChatDataParts>) => void;
  /** A custom fetch, e.g. for tests or an offline template preview. */
  fetch?: typeof globalThis.fetch;
}

export interface PixelChat {
  /** Every message, hidden user messages (start, restart, unlabelled inputs) included. */
  messages: PixelUIMessage[];
  status: PixelChatStatus;
  /** The failed request's error (network, HTTP status), until the next request. */
  error: Error | undefined;
  /** Sends one turn. `displayText` is the user bubble; without it, only `text` inputs show one. */
  send: (input: TurnInput, displayText?: string) => Promise<void>;
  /** Opens the conversation (no user bubble); the designer may start at a node. */
  start: (options?: { atNodeId?: string }) => Promise<void>;
  /** Clears the messages and sends `restart` in the same conversation. */
  restart: () => Promise<void>;
  /** Sends the last input again, replacing the last answer (after an error). */
  retry: () => Promise<void>;
  /** Stops the answer being streamed, keeping what arrived. */
  stop: () => Promise<void>;
  /** The current conversation id, once known. */
  conversationId: string | undefined;
  /** Forgets the conversation and its messages; starts a new one when `autoStart` is set. */
  reset: () => Promise<void>;
}

/** `useChat` for Pixel flows: each request carries one `TurnInput` and the conversation id, not the history. */
export function usePixelChat(options: UsePixelChatOptions): PixelChat {
  const { api, conversationId, initialMessages, autoStart = false } = options;
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });

  const [currentConversationId, setCurrentConversationId] = useState<string | undefined>(
    () => conversationId ?? findConversationId(initialMessages ?? []),
  );
  const conversationRef = useRef(currentConversationId);
  const learnConversation = useCallback((id: string | undefined) => {
    if (!id || id === conversationRef.current) return;
    conversationRef.current = id;
    setCurrentConversationId(id);
    latest.current.onConversation?.(id);
  }, []);
  useEffect(() => {
    if (!conversationId || conversationId === conversationRef.current) return;
    conversationRef.current = conversationId;
    setCurrentConversationId(conversationId);
  }, [conversationId]);

  const transport = useMemo(
    () =>
      new DefaultChatTransport<PixelUIMessage>({
        api,
        headers: async () => {
          const headers = latest.current.headers;
          return (typeof headers === "function" ? await headers() : headers) ?? {};
        },
        fetch: (input, init) => (latest.current.fetch ?? globalThis.fetch)(input, init),
        prepareSendMessagesRequest: ({ messages, body }) => {
          const extra = latest.current.body;
          return {
            body: buildTurnRequestBody({
              messages,
              conversationId: conversationRef.current,
              extraBody: { ...(typeof extra === "function" ? extra() : extra), ...body },
            }),
          };
        },
      }),
    [api],
  );

  const chat = useChat<PixelUIMessage>({
    transport,
    ...(initialMessages ? { messages: initialMessages } : {}),
    onData: (part) => {
      if (part.type === "data-conversation") learnConversation(part.data.conversationId);
      latest.current.onData?.(part);
    },
    onFinish: ({ message }) => learnConversation(message.metadata?.conversationId),
  });
  const { messages, status, error, sendMessage, regenerate, setMessages, clearError } = chat;
  const stopChat = chat.stop;

  // Also from metadata and saved `data-conversation` parts (e.g. initial messages).
  useEffect(() => learnConversation(findConversationId(messages)), [messages, learnConversation]);

  const state = useRef({ messages, status });
  useLayoutEffect(() => {
    state.current = { messages, status };
  }, [messages, status]);
  // Turns this hook has asked for and not seen finish: busy at once, before React re-renders (no double sends).
  const pending = useRef(0);
  const isBusy = useCallback(
    () => pending.current > 0 || state.current.status === "submitted" || state.current.status === "streaming",
    [],
  );
  const track = useCallback(async (request: () => Promise<void>) => {
    pending.current++;
    try {
      await request();
    } finally {
      pending.current--;
    }
  }, []);

  const send = useCallback(
    async (input: TurnInput, displayText?: string) => {
      if (isBusy()) return;
      await track(() => sendMessage(userMessageFor(input, displayText)));
    },
    [isBusy, track, sendMessage],
  );

  const start = useCallback(
    async (startOptions?: { atNodeId?: string }) => {
      if (isBusy()) return;
      const atNodeId = startOptions?.atNodeId;
      await track(() => sendMessage(userMessageFor({ type: "start", ...(atNodeId ? { atNodeId } : {}) })));
    },
    [isBusy, track, sendMessage],
  );

  const stop = useCallback(() => stopChat(), [stopChat]);

  const restart = useCallback(async () => {
    await stopChat();
    clearError();
    setMessages([]);
    await track(() => sendMessage(userMessageFor({ type: "restart" })));
  }, [stopChat, clearError, setMessages, track, sendMessage]);

  const retry = useCallback(async () => {
    if (isBusy()) return;
    // `regenerate` drops the last answer (if any) and re-sends: the body is built from the last user message.
    const hasInput = state.current.messages.some((m) => m.role === "user");
    await track(() => (hasInput ? regenerate() : sendMessage(userMessageFor({ type: "start" }))));
  }, [isBusy, track, regenerate, sendMessage]);

  const autoStartedRef = useRef(false);
  const reset = useCallback(async () => {
    await stopChat();
    clearError();
    setMessages([]);
    conversationRef.current = undefined;
    setCurrentConversationId(undefined);
    if (latest.current.autoStart) await track(() => sendMessage(userMessageFor({ type: "start" })));
  }, [stopChat, clearError, setMessages, track, sendMessage]);

  // Deferred so that React's development double mount (which stops the chat) does not abort the start.
  useEffect(() => {
    if (!autoStart || autoStartedRef.current || state.current.messages.length > 0) return;
    const timer = setTimeout(() => {
      autoStartedRef.current = true;
      void start();
    }, 0);
    return () => clearTimeout(timer);
  }, [autoStart, start]);

  return {
    messages,
    status,
    error,
    send,
    start,
    restart,
    retry,
    stop,
    conversationId: currentConversationId,
    reset,
  };
}
