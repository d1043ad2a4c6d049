"use client";
import { NODE_DEFINITIONS, nodeForm } from "@pixel/flow";
import { cn } from "@pixel/ui";
import { useReactFlow } from "@xyflow/react";
import { Search } from "lucide-react";
import { useMemo, useRef, useState } from "react";
import { useDrag } from "react-dnd";
import { addNodeAt, PALETTE_ITEM } from "../canvas/flow-canvas.tsx";
import { ACCENTS, nodeIcon } from "../canvas/node-icons.ts";
import { useDesigner } from "../store/designer-store.ts";

const CATEGORY_LABELS: Record<string, string> = {
  flow: "Flow",
  messages: "Messages",
  input: "Ask the user",
  logic: "Logic",
  ai: "AI",
  integrations: "Integrations",
  handoff: "Handoff",
};

/** Every node type: drag one onto the canvas, or click / press Enter to add it at the centre of the view. */
export function Palette() {
  const [query, setQuery] = useState("");
  const readOnly = useDesigner((s) => s.readOnly);
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matching = NODE_DEFINITIONS.filter(
      (d) => !q || d.label.toLowerCase().includes(q) || d.description.toLowerCase().includes(q),
    );
    const byCategory = new Map<string, (typeof NODE_DEFINITIONS)[number][]>();
    for (const definition of matching) {
      byCategory.set(definition.category, [...(byCategory.get(definition.category) ?? []), definition]);
    }
    return [...byCategory];
  }, [query]);

  return (
    <nav aria-label="Node palette" className="flex h-full flex-col">
      <div className="relative p-3">
        <Search className="pointer-events-none absolute top-5 left-5 size-4 text-slate-400" aria-hidden />
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Find a node…"
          aria-label="Find a node type"
          className="w-full rounded-lg border border-slate-200 bg-white py-1.5 pr-2 pl-8 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
      </div>
      <div className="flex-1 space-y-4 overflow-y-auto px-3 pb-4">
        {groups.map(([category, definitions]) => (
          <section key={category}>
            <h3 className="px-1 pb-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
              {CATEGORY_LABELS[category] ?? category}
            </h3>
            <ul className="space-y-1">
              {definitions.map((definition) => (
                <li key={definition.type}>
                  <PaletteItem
                    type={definition.type}
                    label={definition.label}
                    description={definition.description}
                    disabled={readOnly}
                  />
                </li>
              ))}
            </ul>
          </section>
        ))}
        {groups.length === 0 ? <p className="px-1 text-sm text-slate-500">No node type matches “{query}”.</p> : null}
      </div>
    </nav>
  );
}

function PaletteItem({
  type,
  label,
  description,
  disabled,
}: {
  type: string;
  label: string;
  description: string;
  disabled: boolean;
}) {
  const flow = useReactFlow();
  const ref = useRef<HTMLButtonElement>(null);
  const [{ dragging }, drag] = useDrag(
    () => ({
      type: PALETTE_ITEM,
      item: { nodeType: type },
      canDrag: !disabled,
      collect: (m) => ({ dragging: m.isDragging() }),
    }),
    [type, disabled],
  );
  drag(ref);
  const form = nodeForm(type);
  const Icon = nodeIcon(form?.icon);
  const accent = ACCENTS[form?.color ?? "slate"] ?? ACCENTS.slate;
  const addAtCentre = () => {
    const box = document.querySelector("[data-testid=flow-canvas]")?.getBoundingClientRect();
    if (!box) return;
    const centre = flow.screenToFlowPosition({ x: box.left + box.width / 2 - 120, y: box.top + box.height / 2 - 40 });
    addNodeAt(type, centre);
  };
  return (
    <button
      ref={ref}
      type="button"
      disabled={disabled}
      onClick={addAtCentre}
      title={description}
      aria-label={`Add ${label}`}
      data-palette-type={type}
      className={cn(
        "flex w-full cursor-grab items-center gap-2 rounded-lg border border-transparent px-2 py-1.5 text-left text-sm hover:border-slate-200 hover:bg-white focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:opacity-50 dark:hover:border-slate-700 dark:hover:bg-slate-900",
        dragging && "opacity-40",
      )}
    >
      <span className={cn("grid size-6 shrink-0 place-items-center rounded-md", accent?.chip)}>
        <Icon className={cn("size-3.5", accent?.icon)} aria-hidden />
      </span>
      <span className="truncate">{label}</span>
    </button>
  );
}
