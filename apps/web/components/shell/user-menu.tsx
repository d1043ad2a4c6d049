"use client";
import { signOut } from "next-auth/react";

export function UserMenu({ user }: { user: { email: string; name: string | null } }) {
  return (
    <details className="relative">
      <summary
        className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-2 py-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
        aria-label="Account menu"
      >
        <span
          className="grid size-7 place-items-center rounded-full bg-indigo-600 text-xs font-semibold text-white"
          aria-hidden
        >
          {(user.name || user.email).slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden max-w-[12rem] truncate sm:inline">{user.name || user.email}</span>
      </summary>
      <div className="absolute right-0 z-40 mt-2 w-56 rounded-xl border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-800 dark:bg-slate-900">
        <p className="truncate px-2 py-1.5 text-xs text-slate-500">{user.email}</p>
        <button
          type="button"
          onClick={() => signOut({ callbackUrl: "/" })}
          className="w-full rounded-lg px-2 py-1.5 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          Sign out
        </button>
      </div>
    </details>
  );
}
