import type { ReactNode } from "react";

const labels = { note: "Note", tip: "Tip", warning: "Warning" } as const;

/** A highlighted aside inside a page: `<Callout type="warning">…</Callout>` in MDX. */
export function Callout({
  type = "note",
  title,
  children,
}: {
  type?: keyof typeof labels;
  title?: string;
  children: ReactNode;
}) {
  return (
    <aside className={`callout callout-${type}`} aria-label={title ?? labels[type]}>
      <p className="callout-title">{title ?? labels[type]}</p>
      <div className="callout-body">{children}</div>
    </aside>
  );
}
