import type { ReactNode } from "react";
import { cn } from "./cn.ts";

export function Alert({ tone = "error", children }: { tone?: "error" | "success" | "info"; children: ReactNode }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-lg px-3 py-2 text-sm",
        tone === "error" && "bg-rose-50 text-rose-800 dark:bg-rose-950 dark:text-rose-200",
        tone === "success" && "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
        tone === "info" && "bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200",
      )}
    >
      {children}
    </div>
  );
}
