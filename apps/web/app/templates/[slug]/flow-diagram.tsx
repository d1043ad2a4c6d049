"use client";
import type { FlowEdge, FlowNode } from "@pixel/flow";
import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";

// React Flow is big: it loads only on the template page, and only once the diagram scrolls into view.
const FlowDiagramCanvas = dynamic(() => import("./flow-diagram-canvas").then((m) => m.FlowDiagramCanvas), {
  ssr: false,
  loading: () => <DiagramPlaceholder text="Drawing the flow…" />,
});

function DiagramPlaceholder({ text }: { text: string }) {
  return (
    <div className="grid size-full place-items-center text-sm text-slate-500 dark:text-slate-400" role="status">
      {text}
    </div>
  );
}

/** The template's flow as a read-only diagram (pan and zoom, nothing editable). */
export function FlowDiagram({ nodes, edges }: { nodes: FlowNode[]; edges: FlowEdge[] }) {
  const box = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element || visible) return;
    if (typeof IntersectionObserver === "undefined") {
      setVisible(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setVisible(true);
          observer.disconnect();
        }
      },
      { rootMargin: "300px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [visible]);
  return (
    <div
      ref={box}
      className="h-80 overflow-hidden rounded-xl border border-slate-200 bg-slate-50 sm:h-[28rem] dark:border-slate-800 dark:bg-slate-900/60"
      data-testid="template-diagram"
    >
      {visible ? <FlowDiagramCanvas nodes={nodes} edges={edges} /> : <DiagramPlaceholder text="The flow diagram" />}
    </div>
  );
}
