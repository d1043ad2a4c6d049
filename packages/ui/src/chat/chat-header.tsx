"use client";

import type { ReactNode } from "react";

export interface ChatHeaderProps {
  title: string;
  subtitle?: string;
  avatarUrl?: string;
  onRestart?: () => void;
  restartDisabled?: boolean;
  actions?: ReactNode;
}

/** The window's title bar in the primary colour: avatar, name, subtitle, actions and Restart. */
export function ChatHeader({ title, subtitle, avatarUrl, onRestart, restartDisabled, actions }: ChatHeaderProps) {
  return (
    <header className="flex shrink-0 items-center gap-3 bg-(--pixel-chat-primary) px-4 py-3 text-(--pixel-chat-on-primary)">
      {avatarUrl ? (
        // The name is next to it: the picture needs no alternative text.
        <img src={avatarUrl} alt="" className="size-9 shrink-0 rounded-full bg-white/20 object-cover" />
      ) : (
        <span
          aria-hidden
          className="flex size-9 shrink-0 items-center justify-center rounded-full bg-white/20 text-sm font-semibold"
        >
          {title.trim().charAt(0).toUpperCase() || "?"}
        </span>
      )}
      <div className="min-w-0 flex-1">
        <h2 className="truncate text-sm font-semibold">{title}</h2>
        {subtitle ? <p className="truncate text-xs opacity-80">{subtitle}</p> : null}
      </div>
      {actions}
      {onRestart ? (
        <button
          type="button"
          onClick={onRestart}
          disabled={restartDisabled}
          aria-label="Restart conversation"
          title="Restart conversation"
          className="inline-flex size-9 shrink-0 items-center justify-center rounded-full hover:bg-white/15 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-current disabled:cursor-not-allowed disabled:opacity-50"
        >
          <svg viewBox="0 0 20 20" fill="currentColor" className="size-5" aria-hidden>
            <path
              fillRule="evenodd"
              d="M15.312 11.424a5.5 5.5 0 0 1-9.201 2.466l-.312-.311h2.433a.75.75 0 0 0 0-1.5H3.989a.75.75 0 0 0-.75.75v4.242a.75.75 0 0 0 1.5 0v-2.43l.31.31a7 7 0 0 0 11.712-3.138.75.75 0 0 0-1.449-.39Zm1.23-3.723a.75.75 0 0 0 .219-.53V2.929a.75.75 0 0 0-1.5 0V5.36l-.31-.31A7 7 0 0 0 3.239 8.188a.75.75 0 1 0 1.448.389A5.5 5.5 0 0 1 13.89 6.11l.311.31h-2.432a.75.75 0 0 0 0 1.5h4.243a.75.75 0 0 0 .53-.219Z"
              clipRule="evenodd"
            />
          </svg>
        </button>
      ) : null}
    </header>
  );
}
