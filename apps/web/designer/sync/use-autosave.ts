"use client";
import { diffFlows } from "@pixel/flow";
import { TRPCClientError } from "@trpc/client";
import { useEffect, useRef } from "react";
import { messageOf } from "@/lib/errors";
import { useTRPCClient } from "@/lib/trpc";
import { useDesigner } from "../store/designer-store.ts";

/** Edits are saved this long after the last one (well within a second). */
const SAVE_DELAY_MS = 400;
/** Continuous editing (typing, nudging) still saves at least this often. */
const MAX_WAIT_MS = 1_000;
/** How often an idle designer asks whether the bot changed elsewhere. */
const POLL_MS = 3_000;
const MAX_RETRY_MS = 15_000;

/**
 * Keeps the draft in step with the server: small changes against a revision, retried when offline,
 * merged with edits made elsewhere; conflicts stop saving until the builder chooses.
 */
export function useAutosave(botId: string) {
  const client = useTRPCClient();
  const busy = useRef(false);
  const retryMs = useRef(1_000);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pendingSince = useRef<number | null>(null);

  useEffect(() => {
    let disposed = false;
    /** `backoff`: a retry after a failure waits the full delay (no 1 s cap). */
    const schedule = (ms: number, backoff = false) => {
      if (timer.current) clearTimeout(timer.current);
      const now = Date.now();
      pendingSince.current ??= now;
      const wait = backoff ? ms : Math.max(0, Math.min(ms, pendingSince.current + MAX_WAIT_MS - now));
      timer.current = setTimeout(() => void save(), wait);
    };

    async function save() {
      const state = useDesigner.getState();
      if (disposed || busy.current || state.readOnly || state.botId !== botId || state.conflicts.length) return;
      const sent = state.doc;
      const changes = diffFlows(state.base, sent);
      if (changes.length === 0) {
        if (state.saveState !== "saved") state.setSaveState("saved");
        return;
      }
      busy.current = true;
      pendingSince.current = null;
      state.setSaveState("saving");
      try {
        const result = await client.flowDraft.save.mutate({ botId, baseRevision: state.revision, changes });
        retryMs.current = 1_000;
        useDesigner.getState().acknowledge({
          revision: result.revision,
          sent,
          serverDoc: result.document,
          conflicts: result.conflicts,
        });
      } catch (error) {
        const status =
          error instanceof TRPCClientError ? (error.data as { httpStatus?: number })?.httpStatus : undefined;
        if (status && status >= 400 && status < 500 && status !== 429) {
          // The server refused these changes; they stay on screen, and the message says why.
          useDesigner.getState().setSaveState("error", messageOf(error));
        } else {
          useDesigner
            .getState()
            .setSaveState("offline", "Offline — your changes are kept and will be saved when back.");
          retryMs.current = Math.min(retryMs.current * 2, MAX_RETRY_MS);
          schedule(retryMs.current, true);
        }
      } finally {
        busy.current = false;
      }
      const after = useDesigner.getState();
      if (after.saveState === "saving" && !after.conflicts.length) schedule(SAVE_DELAY_MS);
    }

    async function poll() {
      const state = useDesigner.getState();
      if (disposed || busy.current || state.botId !== botId || document.hidden) return;
      try {
        const result = await client.flowDraft.get.query({ botId, knownRevision: state.revision });
        const now = useDesigner.getState();
        if (result.document && !busy.current && now.revision === state.revision) {
          now.rebaseOnto(result.document, result.revision);
          schedule(SAVE_DELAY_MS);
        }
        if (now.saveState === "offline") schedule(0);
      } catch {
        // Polling failures show up when the next save fails; nothing to do here.
      }
    }

    const unsubscribe = useDesigner.subscribe((state, previous) => {
      if (state.doc !== previous.doc && state.doc !== state.base) {
        if (state.saveState === "saved") state.setSaveState("saving");
        schedule(SAVE_DELAY_MS);
      }
      if (previous.conflicts.length && !state.conflicts.length) schedule(0);
    });
    const interval = setInterval(() => void poll(), POLL_MS);
    const onOnline = () => schedule(0);
    const onFocus = () => void poll();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const state = useDesigner.getState();
      if (state.doc !== state.base && diffFlows(state.base, state.doc).length) event.preventDefault();
    };
    window.addEventListener("online", onOnline);
    window.addEventListener("focus", onFocus);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      disposed = true;
      unsubscribe();
      clearInterval(interval);
      if (timer.current) clearTimeout(timer.current);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("focus", onFocus);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [botId, client]);
}
