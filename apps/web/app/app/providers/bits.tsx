"use client";
import { cn } from "@pixel/ui";
import { type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes, useId } from "react";
import { providerLook } from "./presets";

/** A provider's two-letter mark in its colour: recognisable without logos or images. */
export function ProviderMark({ provider, size = "md" }: { provider: string; size?: "sm" | "md" }) {
  const look = providerLook(provider);
  return (
    <span
      title={look.name}
      aria-hidden
      className={cn(
        "grid shrink-0 place-items-center rounded-lg font-semibold tracking-tight",
        size === "sm" ? "size-6 text-[0.65rem]" : "size-9 text-xs",
        look.className,
      )}
    >
      {look.initials}
    </span>
  );
}

export function TextAreaField({
  label,
  error,
  hint,
  mono,
  className,
  id,
  ...rest
}: {
  label: string;
  error?: string | null;
  hint?: ReactNode;
  mono?: boolean;
} & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={fieldId} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <textarea
        id={fieldId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : hint ? `${fieldId}-hint` : undefined}
        className={cn(
          "block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-500 focus:outline-none disabled:opacity-70 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700",
          mono && "font-mono",
          error && "ring-rose-500 dark:ring-rose-500",
        )}
        {...rest}
      />
      {error ? (
        <p id={`${fieldId}-error`} role="alert" className="text-xs text-rose-600 dark:text-rose-400">
          {error}
        </p>
      ) : hint ? (
        <p id={`${fieldId}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled checkbox drawn as a switch. */
export function Switch({
  label,
  hint,
  className,
  id,
  ...rest
}: { label: string; hint?: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <div className={cn("flex items-start gap-3", className)}>
      <span className="relative mt-0.5 inline-flex">
        <input id={fieldId} type="checkbox" className="peer sr-only" {...rest} />
        <span
          aria-hidden
          className="h-5 w-9 rounded-full bg-slate-300 transition-colors peer-checked:bg-indigo-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-500 peer-disabled:opacity-60 dark:bg-slate-600 dark:peer-checked:bg-indigo-500"
        />
        <span
          aria-hidden
          className="pointer-events-none absolute top-0.5 left-0.5 size-4 rounded-full bg-white shadow transition-transform peer-checked:translate-x-4"
        />
      </span>
      <span className="text-sm">
        <label htmlFor={fieldId} className="font-medium text-slate-800 dark:text-slate-200">
          {label}
        </label>
        {hint ? <span className="block text-xs text-slate-500 dark:text-slate-400">{hint}</span> : null}
      </span>
    </div>
  );
}

/** A spend bar: indigo under the soft limit, amber past it, red at the limit. */
export function SpendBar({ percent, softPercent, label }: { percent: number; softPercent: number; label: string }) {
  const shown = Math.max(0, Math.min(100, percent));
  const tone = percent >= 100 ? "bg-rose-500" : percent >= softPercent ? "bg-amber-500" : "bg-indigo-500";
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(shown)}
      className="relative h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
    >
      <div className={cn("h-full rounded-full transition-[width]", tone)} style={{ width: `${shown}%` }} />
      <div
        aria-hidden
        className="absolute inset-y-0 w-px bg-slate-500/60 dark:bg-slate-400/60"
        style={{ left: `${Math.min(100, softPercent)}%` }}
      />
    </div>
  );
}

export function SectionNote({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-600 dark:text-slate-400">{children}</p>;
}
