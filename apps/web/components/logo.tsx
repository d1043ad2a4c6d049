import Link from "next/link";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 font-semibold text-slate-900 dark:text-white">
      <span className="grid size-8 grid-cols-2 gap-0.5 rounded-lg bg-indigo-600 p-1.5" aria-hidden>
        <span className="rounded-sm bg-white" />
        <span className="rounded-sm bg-indigo-300" />
        <span className="rounded-sm bg-indigo-300" />
        <span className="rounded-sm bg-white" />
      </span>
      Pixel AI Creator
    </Link>
  );
}
