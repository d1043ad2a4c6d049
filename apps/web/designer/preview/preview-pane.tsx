"use client";
import type { PreviewTraceStep } from "@pixel/flow";
import { Button, ChatWindow, usePixelChat } from "@pixel/ui";
import { ChevronDown, RotateCcw } from "lucide-react";
import { type RefObject, useCallback, useEffect, useId, useMemo, useReducer, useRef, useState } from "react";
import { useDesigner } from "../store/designer-store.ts";
import { EMPTY_TRACE, foldTrace, nodeNamer, startChoices, type TraceState } from "./trace-state.ts";
import { TraceView } from "./trace-view.tsx";

type TraceAction = { type: "step"; step: PreviewTraceStep } | { type: "reset" };

function traceReducer(state: TraceState, action: TraceAction): TraceState {
  return action.type === "reset" ? EMPTY_TRACE : foldTrace(state, action.step);
}

/**
 * The designer's live preview: a chat running the current local draft (saved or not), with a trace of
 * what the engine did below it and the active node highlighted on the canvas.
 */
export function PreviewPane({ botId }: { botId: string }) {
  const [trace, dispatch] = useReducer(traceReducer, EMPTY_TRACE);
  // A new session (new key) is a new conversation: how "Start at node" clears the chat.
  const [session, setSession] = useState<{ key: number; atNodeId?: string }>({ key: 0 });
  const [traceOpen, setTraceOpen] = useState(true);
  const traceId = useId();
  const doc = useDesigner((s) => s.doc);
  const nodeName = useMemo(() => nodeNamer(doc), [doc]);
  const nodeIds = useMemo(() => new Set(doc.nodes.map((n) => n.id)), [doc]);

  // The canvas follows the conversation; the highlight goes when the preview closes.
  useEffect(() => {
    useDesigner.getState().setActiveNode(trace.activeNodeId);
  }, [trace.activeNodeId]);
  useEffect(() => () => useDesigner.getState().setActiveNode(null), []);

  const onTrace = useCallback((step: PreviewTraceStep) => dispatch({ type: "step", step }), []);
  const startAt = (atNodeId: string) => {
    dispatch({ type: "reset" });
    setSession((s) => ({ key: s.key + 1, atNodeId }));
  };
  // The chat's own restart: same conversation, back to the start node.
  const restartRef = useRef<(() => Promise<void>) | null>(null);
  const restart = () => {
    dispatch({ type: "reset" });
    if (restartRef.current) void restartRef.current();
  };
  const choices = useMemo(() => startChoices(doc), [doc]);
  const selectId = useId();

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex shrink-0 items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <Button variant="secondary" size="sm" onClick={restart}>
          <RotateCcw className="size-3.5" aria-hidden />
          Restart
        </Button>
        <label htmlFor={selectId} className="sr-only">
          Start at node
        </label>
        <select
          id={selectId}
          value=""
          onChange={(event) => {
            if (event.target.value) startAt(event.target.value);
          }}
          className="h-7 min-w-0 flex-1 rounded-lg border-0 bg-white px-2 text-xs text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-500 focus:outline-none dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600"
        >
          <option value="">Start at node…</option>
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
        </select>
        <output aria-live="polite" className="sr-only">
          {session.atNodeId ? `Preview restarted at ${nodeName(session.atNodeId)}` : ""}
        </output>
      </div>
      <PreviewChat
        key={session.key}
        botId={botId}
        {...(session.atNodeId ? { atNodeId: session.atNodeId } : {})}
        onTrace={onTrace}
        restartRef={restartRef}
      />
      <section
        aria-label="Trace"
        className="flex max-h-[45%] shrink-0 flex-col border-t border-slate-200 dark:border-slate-800"
      >
        <h2>
          <button
            type="button"
            aria-expanded={traceOpen}
            aria-controls={traceId}
            onClick={() => setTraceOpen((open) => !open)}
            className="flex w-full items-center gap-2 px-3 py-2 text-left text-xs font-semibold text-slate-700 hover:bg-slate-50 dark:text-slate-200 dark:hover:bg-slate-800"
          >
            <ChevronDown className={traceOpen ? "size-4" : "size-4 -rotate-90"} aria-hidden />
            Trace
            {trace.path.length ? (
              <span className="font-normal text-slate-500 dark:text-slate-400">
                {trace.path.length} step{trace.path.length === 1 ? "" : "s"}
              </span>
            ) : null}
          </button>
        </h2>
        <div id={traceId} hidden={!traceOpen} className="min-h-0 overflow-y-auto">
          <TraceView
            trace={trace}
            nodeName={nodeName}
            nodeExists={(id) => nodeIds.has(id)}
            onFocusNode={(id) => useDesigner.getState().focusNode(id)}
          />
        </div>
      </section>
    </div>
  );
}

/** One preview conversation; it starts on mount (at `atNodeId` when given). */
function PreviewChat({
  botId,
  atNodeId,
  onTrace,
  restartRef,
}: {
  botId: string;
  atNodeId?: string;
  onTrace(step: PreviewTraceStep): void;
  restartRef: RefObject<(() => Promise<void>) | null>;
}) {
  const alive = useRef(true);
  const chat = usePixelChat({
    api: `/api/bots/${encodeURIComponent(botId)}/preview`,
    // Read at send time: every turn runs the draft as it is now, unsaved edits included.
    body: () => ({ flow: useDesigner.getState().doc }),
    onData: (part) => {
      if (alive.current && part.type === "data-trace") onTrace(part.data);
    },
  });
  const { start, stop, restart } = chat;
  useEffect(() => {
    restartRef.current = restart;
    return () => {
      if (restartRef.current === restart) restartRef.current = null;
    };
  }, [restart, restartRef]);

  // Deferred, so React's development double mount does not start twice.
  const started = useRef(false);
  useEffect(() => {
    alive.current = true;
    const timer = setTimeout(() => {
      if (started.current) return;
      started.current = true;
      void start(atNodeId ? { atNodeId } : undefined);
    }, 0);
    return () => {
      alive.current = false;
      clearTimeout(timer);
    };
  }, [start, atNodeId]);
  // A replaced session stops streaming into a trace that was already cleared.
  const stopRef = useRef(stop);
  stopRef.current = stop;
  useEffect(() => () => void stopRef.current(), []);

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="min-h-0 flex-1">
        <ChatWindow
          messages={chat.messages}
          status={chat.status}
          error={chat.error}
          onSend={chat.send}
          onRetry={chat.retry}
          placeholder="Message your draft…"
          emptyState={
            <p className="p-6 text-center text-sm text-slate-500 dark:text-slate-400">
              Starting the preview of your current draft…
            </p>
          }
        />
      </div>
    </div>
  );
}
