"use client";
import { cn } from "@pixel/ui";
import type { ReactNode } from "react";

export const CONTROL =
  "block w-full rounded-lg border-0 bg-white px-2.5 py-1.5 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-500 focus:outline-none disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700 dark:disabled:bg-slate-800";
export const INVALID = "ring-rose-500 dark:ring-rose-500";

export const describedBy = (id: string, help: string | undefined, messages: readonly string[]) =>
  [messages.length ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(" ") || undefined;

/** Label, control, help text and the field's errors. */
export function FieldShell({
  id,
  label,
  help,
  unit,
  messages,
  action,
  children,
}: {
  id: string;
  label: string;
  help?: string;
  unit?: string;
  messages: readonly string[];
  /** A small button beside the label (e.g. "Insert variable"). */
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="block text-xs font-medium text-slate-800 dark:text-slate-200">
          {label}
          {unit ? <span className="ml-1 font-normal text-slate-500">({unit})</span> : null}
        </label>
        {action}
      </div>
      {children}
      <FieldMessages id={id} help={help} messages={messages} />
    </div>
  );
}

export function FieldMessages({ id, help, messages }: { id: string; help?: string; messages: readonly string[] }) {
  return (
    <>
      {messages.length ? (
        <ul id={`${id}-error`} className="space-y-0.5 text-xs text-rose-600 dark:text-rose-400">
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      {help ? (
        <p id={`${id}-help`} className={cn("text-xs text-slate-500 dark:text-slate-400")}>
          {help}
        </p>
      ) : null}
    </>
  );
}
