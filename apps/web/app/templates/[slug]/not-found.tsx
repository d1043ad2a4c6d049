import { SearchX } from "lucide-react";
import Link from "next/link";

/** An unknown template, or one the visitor may not see (a private template's existence is not revealed). */
export default function TemplateNotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center py-16 text-center">
      <span className="mb-4 grid size-14 place-items-center rounded-full bg-slate-100 dark:bg-slate-800" aria-hidden>
        <SearchX className="size-7 text-slate-500" />
      </span>
      <h1 className="text-xl font-semibold">This template is not here</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        It may have been unpublished, or the address is mistyped. The gallery has plenty of others to start from.
      </p>
      <Link
        href="/templates"
        className="mt-6 rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500"
      >
        Browse the template gallery
      </Link>
    </div>
  );
}
