import type { FlowDocument, FlowEdge, FlowNode } from "@pixel/flow";
import { z } from "zod";
import { newId } from "./new-node.ts";

const FRAGMENT_KIND = "pixel-flow-fragment";
const LOCAL_KEY = "pixel:clipboard";

export interface FlowFragment {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

const fragmentSchema = z.object({
  kind: z.literal(FRAGMENT_KIND),
  nodes: z
    .array(
      z
        .object({ id: z.string(), type: z.string(), position: z.object({ x: z.number(), y: z.number() }) })
        .passthrough(),
    )
    .max(5_000),
  edges: z
    .array(z.object({ id: z.string(), source: z.string(), target: z.string(), sourceHandle: z.string() }))
    .max(20_000),
});

/** The selected nodes and the edges between them. */
export function copySelection(doc: FlowDocument, nodeIds: readonly string[]): FlowFragment {
  const ids = new Set(nodeIds);
  return {
    nodes: doc.nodes.filter((n) => ids.has(n.id)),
    edges: doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

/** Written to the system clipboard (across bots and tabs) and, as a fallback, to local storage. */
export async function writeClipboard(fragment: FlowFragment): Promise<void> {
  const text = JSON.stringify({ kind: FRAGMENT_KIND, ...fragment });
  try {
    localStorage.setItem(LOCAL_KEY, text);
  } catch {
    // Storage full or disabled: the system clipboard may still work.
  }
  try {
    await navigator.clipboard?.writeText(text);
  } catch {
    // Permission refused: the local copy serves pastes in this browser.
  }
}

export async function readClipboard(): Promise<FlowFragment | null> {
  let text: string | null = null;
  try {
    text = (await navigator.clipboard?.readText()) ?? null;
  } catch {
    text = null;
  }
  const parsed = parseFragment(text) ?? parseFragment(safeLocal());
  return parsed;
}

function safeLocal(): string | null {
  try {
    return localStorage.getItem(LOCAL_KEY);
  } catch {
    return null;
  }
}

function parseFragment(text: string | null): FlowFragment | null {
  if (!text) return null;
  try {
    const result = fragmentSchema.safeParse(JSON.parse(text));
    return result.success ? (result.data as unknown as FlowFragment) : null;
  } catch {
    return null;
  }
}

/** Fresh ids (so a paste never collides) and an offset, keeping the fragment's own edges. */
export function instantiate(fragment: FlowFragment, offset: { x: number; y: number }): FlowFragment {
  const ids = new Map(fragment.nodes.map((n) => [n.id, newId(n.type.replace(/[^a-z]/g, "").slice(0, 8) || "node")]));
  return {
    nodes: fragment.nodes.map((n) => ({
      ...n,
      id: ids.get(n.id) as string,
      position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
    })),
    edges: fragment.edges.map((e) => ({
      ...e,
      id: newId("e"),
      source: ids.get(e.source) as string,
      target: ids.get(e.target) as string,
    })),
  };
}
