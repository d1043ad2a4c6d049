"use client";
import type { ConversationHistory, PublicChatConfig } from "@pixel/api";
import { type ChatTheme, ChatWindow, type PixelUIMessage, usePixelChat } from "@pixel/ui";
import { MessageSquarePlus } from "lucide-react";
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";

type Mode = "light" | "dark";

/** What a conversation component starts with: a saved conversation to resume, or nothing (a new one). */
interface Session {
  key: number;
  endUserId: string;
  conversationId?: string;
  initialMessages?: PixelUIMessage[];
}

const storageKeys = (slug: string) => ({ user: `pixel:${slug}:user`, conversation: `pixel:${slug}:conversation` });

/**
 * The hosted chat: the visitor's id and current conversation are kept in localStorage, so a reload
 * shows the saved conversation and carries on; without one, a new conversation starts by itself.
 */
export function HostedChat({ config }: { config: PublicChatConfig }) {
  const mode = useColorMode(config.theme.mode);
  useForcedColorMode(mode);
  const [session, setSession] = useState<Session | null>(null);

  useEffect(() => {
    const keys = storageKeys(config.slug);
    const endUserId = visitorId(keys.user);
    const conversationId = readStorage(keys.conversation);
    if (!conversationId) {
      setSession({ key: 0, endUserId });
      return;
    }
    const controller = new AbortController();
    const url = `/api/chat/${encodeURIComponent(config.slug)}/conversations/${encodeURIComponent(conversationId)}?endUserId=${encodeURIComponent(endUserId)}`;
    fetch(url, { signal: controller.signal, headers: { accept: "application/json" }, cache: "no-store" })
      .then(async (response) => {
        if (!response.ok) throw new Error(`history: ${response.status}`);
        const history = (await response.json()) as ConversationHistory;
        setSession({
          key: 0,
          endUserId,
          conversationId: history.conversationId,
          initialMessages: history.messages as PixelUIMessage[],
        });
      })
      .catch(() => {
        if (controller.signal.aborted) return;
        // Gone, or not this visitor's: start afresh.
        removeStorage(keys.conversation);
        setSession({ key: 0, endUserId });
      });
    return () => controller.abort();
  }, [config.slug]);

  const newConversation = useCallback(() => {
    removeStorage(storageKeys(config.slug).conversation);
    setSession((current) => (current ? { key: current.key + 1, endUserId: current.endUserId } : current));
  }, [config.slug]);

  const theme: ChatTheme = {
    primary: config.theme.primaryColor,
    mode,
    // The background colour is chosen for light mode; dark mode keeps the window's own dark background.
    ...(mode === "light" ? { background: config.theme.backgroundColor } : {}),
  };

  return (
    <main className="flex h-dvh flex-col sm:items-center sm:justify-center sm:p-6">
      <h1 className="sr-only">{config.title}</h1>
      <div className="flex min-h-0 w-full flex-1 flex-col overflow-hidden bg-white sm:max-h-[52rem] sm:max-w-2xl sm:rounded-2xl sm:border sm:border-slate-200 sm:shadow-sm dark:bg-slate-900 sm:dark:border-slate-800">
        {session ? (
          <Conversation
            key={session.key}
            config={config}
            session={session}
            theme={theme}
            onNewConversation={newConversation}
          />
        ) : (
          <p role="status" className="m-auto p-6 text-sm text-slate-500 dark:text-slate-400">
            Loading the conversation…
          </p>
        )}
      </div>
    </main>
  );
}

function Conversation({
  config,
  session,
  theme,
  onNewConversation,
}: {
  config: PublicChatConfig;
  session: Session;
  theme: ChatTheme;
  onNewConversation: () => void;
}) {
  const { slug } = config;
  const chat = usePixelChat({
    api: `/api/chat/${encodeURIComponent(slug)}`,
    body: { endUserId: session.endUserId },
    ...(session.conversationId ? { conversationId: session.conversationId } : {}),
    ...(session.initialMessages ? { initialMessages: session.initialMessages } : {}),
    autoStart: !session.conversationId,
    onConversation: (id) => writeStorage(storageKeys(slug).conversation, id),
  });
  const { stop } = chat;
  const startNew = async () => {
    await stop();
    onNewConversation();
  };

  return (
    <ChatWindow
      messages={chat.messages}
      status={chat.status}
      error={chat.error}
      onSend={chat.send}
      onRetry={chat.retry}
      title={config.title}
      {...(config.theme.avatarUrl ? { avatarUrl: config.theme.avatarUrl } : {})}
      theme={theme}
      emptyState={
        config.greeting ? (
          <p className="px-6 py-10 text-center text-sm whitespace-pre-line text-slate-600 dark:text-slate-300">
            {config.greeting}
          </p>
        ) : undefined
      }
      headerActions={
        <button
          type="button"
          onClick={() => void startNew()}
          aria-label="New conversation"
          title="New conversation"
          className="inline-flex h-9 shrink-0 items-center gap-1.5 rounded-full px-2.5 text-xs font-medium hover:bg-white/15 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-current"
        >
          <MessageSquarePlus className="size-5" aria-hidden />
          <span className="hidden sm:inline">New conversation</span>
        </button>
      }
    />
  );
}

// ── Colour mode ─────────────────────────────────────────────────────

const DARK_QUERY = "(prefers-color-scheme: dark)";

function subscribeSystemMode(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** The deployment's mode; "auto" follows the visitor's system setting, live. */
function useColorMode(mode: "light" | "dark" | "auto"): Mode {
  const systemDark = useSyncExternalStore(
    subscribeSystemMode,
    () => window.matchMedia(DARK_QUERY).matches,
    () => false,
  );
  if (mode === "auto") return systemDark ? "dark" : "light";
  return mode;
}

/**
 * The page follows the deployment's mode, not the app's theme setting (which the app's theme provider
 * applies to the whole document): the mode is set on <html> and set again whenever something changes it.
 */
function useForcedColorMode(mode: Mode): void {
  useEffect(() => {
    const root = document.documentElement;
    const apply = () => {
      if (root.classList.contains("dark") !== (mode === "dark")) root.classList.toggle("dark", mode === "dark");
      if (root.style.colorScheme !== mode) root.style.colorScheme = mode;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(root, { attributes: true, attributeFilter: ["class", "style"] });
    return () => observer.disconnect();
  }, [mode]);
}

// ── Storage (may be unavailable: private modes, blocked third-party storage) ──

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // The conversation then lasts as long as the page.
  }
}

function removeStorage(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing kept, nothing to forget.
  }
}

/** The visitor's random id for this chat, kept across visits (valid as `endUserId`: [A-Za-z0-9_-]). */
function visitorId(key: string): string {
  const stored = readStorage(key);
  if (stored && /^[A-Za-z0-9_-]{1,100}$/.test(stored)) return stored;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  writeStorage(key, id);
  return id;
}
