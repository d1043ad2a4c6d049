/** Class names shared by the chat window's parts. Colours come from `--pixel-chat-*` variables (see chat-theme.ts). */
export const focusRing =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-(--pixel-chat-primary) dark:focus-visible:outline-(--pixel-chat-primary-light)";

export const primaryButton = `inline-flex items-center justify-center gap-1.5 rounded-lg bg-(--pixel-chat-primary) px-3 py-1.5 text-sm font-medium text-(--pixel-chat-on-primary) transition-opacity hover:opacity-90 disabled:cursor-not-allowed disabled:opacity-50 ${focusRing}`;

export const secondaryButton = `inline-flex items-center justify-center gap-1.5 rounded-lg bg-white px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 transition-colors hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700 ${focusRing}`;

export const fieldControl =
  "block w-full rounded-lg border-0 bg-white px-3 py-2 text-base text-slate-900 ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-(--pixel-chat-primary) focus:outline-none disabled:cursor-not-allowed disabled:opacity-60 sm:text-sm dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-600";
