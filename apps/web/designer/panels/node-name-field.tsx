"use client";
import { cn } from "@pixel/ui";
import { useEffect, useId, useRef, useState } from "react";
import { useDesigner } from "../store/designer-store.ts";
import { CONTROL, describedBy, FieldShell, INVALID } from "./fields/field-shell.tsx";
import { currentNode } from "./use-node-view.ts";

export const MAX_NODE_NAME = 120;

/** The node's name for builders (`node/<id>/name`); an empty name removes it. */
export function NodeNameField({ nodeId, name }: { nodeId: string; name: string | undefined }) {
  const readOnly = useDesigner((s) => s.readOnly);
  const id = useId();
  const [text, setText] = useState(name ?? "");
  const focused = useRef(false);

  // Renamed elsewhere (undo, a teammate): follow, unless the builder is typing here.
  useEffect(() => {
    if (!focused.current) setText(name ?? "");
  }, [name]);

  const messages = text.length > MAX_NODE_NAME ? [`At most ${MAX_NODE_NAME} characters (${text.length} now).`] : [];
  const help = "Shown on the canvas and in lists; not shown to users.";

  return (
    <FieldShell id={id} label="Name" help={help} messages={messages}>
      <input
        id={id}
        type="text"
        value={text}
        placeholder="Untitled"
        disabled={readOnly}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={describedBy(id, help, messages)}
        className={cn(CONTROL, messages.length && INVALID)}
        onFocus={() => {
          focused.current = true;
        }}
        onBlur={() => {
          focused.current = false;
          // Show the stored name (a blank one was removed), unless the text is too long to be saved yet.
          if (text.length <= MAX_NODE_NAME) setText(currentNode(nodeId)?.name ?? "");
        }}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          if (next.length > MAX_NODE_NAME) return;
          const before = currentNode(nodeId)?.name ?? null;
          const after = next.trim() === "" ? null : next;
          if (after === before) return;
          useDesigner
            .getState()
            .apply("Rename node", [{ key: `node/${nodeId}/name`, before, after }], `${nodeId}:name`);
        }}
      />
    </FieldShell>
  );
}
