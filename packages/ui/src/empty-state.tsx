import type { ReactNode } from "react";

export function EmptyState({ icon, title, children }: { icon?: ReactNode; title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center rounded-xl border border-dashed border-slate-300 px-6 py-16 text-center dark:border-slate-700">
      {icon ? (
        <div className="mb-3 text-4xl" aria-hidden>
          {icon}
        </div>
      ) : null}
      <h2 className="text-base font-semibold text-slate-900 dark:text-slate-100">{title}</h2>
      {children ? <div className="mt-2 max-w-md text-sm text-slate-500 dark:text-slate-400">{children}</div> : null}
    </div>
  );
}
