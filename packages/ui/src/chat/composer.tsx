"use client";

import {
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  useState,
} from "react";
import { focusRing } from "./styles.ts";

export const MAX_MESSAGE_LENGTH = 4_000;
/** The counter shows from this many characters on. */
const COUNTER_FROM = MAX_MESSAGE_LENGTH - 500;
const MAX_HEIGHT_PX = 160;

export interface ComposerProps {
  onSend: (text: string) => void;
  /** While waiting for the bot, or when the conversation ended. */
  disabled: boolean;
  placeholder?: string;
  /** The textarea, e.g. to focus it. */
  inputRef?: RefObject<HTMLTextAreaElement | null>;
}

/** Grows the textarea with its text, up to a limit, then scrolls. */
function fitHeight(el: HTMLTextAreaElement): void {
  el.style.height = "auto";
  el.style.height = `${Math.min(el.scrollHeight, MAX_HEIGHT_PX)}px`;
  el.style.overflowY = el.scrollHeight > MAX_HEIGHT_PX ? "auto" : "hidden";
}

/** The message box: grows with its text, Enter sends, Shift+Enter adds a line. */
export function Composer({ onSend, disabled, placeholder = "Type a message…", inputRef }: ComposerProps) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(inputRef, () => ref.current as HTMLTextAreaElement, []);
  const [text, setText] = useState("");
  const hadFocus = useRef(false);

  // A disabled textarea loses focus: give it back once the bot has answered.
  useEffect(() => {
    if (disabled) return;
    if (hadFocus.current) ref.current?.focus();
    hadFocus.current = false;
  }, [disabled]);

  const send = () => {
    const message = text.trim();
    if (disabled || !message) return;
    hadFocus.current = document.activeElement === ref.current;
    onSend(message.slice(0, MAX_MESSAGE_LENGTH));
    setText("");
    if (ref.current) ref.current.style.height = "";
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  };

  const showCounter = text.length >= COUNTER_FROM;
  return (
    <form
      onSubmit={onSubmit}
      className="flex items-end gap-2 border-t border-slate-200 px-3 py-2.5 dark:border-slate-800"
    >
      <div className="min-w-0 flex-1">
        <label htmlFor={id} className="sr-only">
          Message
        </label>
        <textarea
          ref={ref}
          id={id}
          rows={1}
          value={text}
          maxLength={MAX_MESSAGE_LENGTH}
          disabled={disabled}
          placeholder={placeholder}
          aria-describedby={showCounter ? `${id}-count` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            fitHeight(e.target);
          }}
          onKeyDown={onKeyDown}
          enterKeyHint="send"
          className="block max-h-40 w-full resize-none rounded-xl border-0 bg-slate-100 px-3 py-2 text-base text-slate-900 placeholder:text-slate-500 focus:ring-2 focus:ring-(--pixel-chat-primary) focus:outline-none disabled:cursor-not-allowed disabled:opacity-60 sm:text-sm dark:bg-slate-800 dark:text-slate-100 dark:placeholder:text-slate-400 dark:focus:ring-(--pixel-chat-primary-light)"
        />
        {showCounter ? (
          <p
            id={`${id}-count`}
            className={`mt-1 text-right text-xs ${text.length >= MAX_MESSAGE_LENGTH ? "text-rose-600 dark:text-rose-400" : "text-slate-500 dark:text-slate-400"}`}
          >
            {text.length.toLocaleString("en-US")} / {MAX_MESSAGE_LENGTH.toLocaleString("en-US")}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        aria-label="Send message"
        disabled={disabled || !text.trim()}
        className={`mb-0.5 inline-flex size-10 shrink-0 items-center justify-center rounded-full bg-(--pixel-chat-primary) text-(--pixel-chat-on-primary) transition-opacity hover:opacity-90 disabled:cursor-not-allowed disabled:opacity-40 ${focusRing}`}
      >
        <svg viewBox="0 0 20 20" fill="currentColor" className="size-5" aria-hidden>
          <path d="M3.105 2.29a.75.75 0 0 0-.826.95l1.414 4.926A1.5 1.5 0 0 0 5.135 9.25h6.115a.75.75 0 0 1 0 1.5H5.135a1.5 1.5 0 0 0-1.442 1.086l-1.414 4.926a.75.75 0 0 0 .826.95 28.897 28.897 0 0 0 15.293-7.155.75.75 0 0 0 0-1.114A28.897 28.897 0 0 0 3.105 2.29Z" />
        </svg>
      </button>
    </form>
  );
}
