"use client";

import { secondaryButton } from "./styles.ts";

export interface ErrorBannerProps {
  message: string;
  /** Shows a Retry button. */
  onRetry?: () => void;
  /** Shows a Restart button (e.g. when the conversation already ended). */
  onRestart?: () => void;
  disabled?: boolean;
}

/** A failed turn: the message and what the user can do about it. */
export function ErrorBanner({ message, onRetry, onRestart, disabled }: ErrorBannerProps) {
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-900"
    >
      <span aria-hidden className="text-base leading-none">
        ⚠
      </span>
      <p className="min-w-0 flex-1 break-words">{message}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry} disabled={disabled} className={secondaryButton}>
          Retry
        </button>
      ) : null}
      {onRestart ? (
        <button type="button" onClick={onRestart} disabled={disabled} className={secondaryButton}>
          Restart
        </button>
      ) : null}
    </div>
  );
}
