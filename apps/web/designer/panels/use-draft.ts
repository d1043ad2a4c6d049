"use client";
import { type FocusEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type DraftState, editDraft, resyncDraft, type SafeParser, settleDraft } from "./draft.ts";
import { NO_ISSUES, topField } from "./form-model.ts";

export type { SafeParser } from "./draft.ts";

type Data = Record<string, unknown>;

interface DraftOptions<T extends Data> {
  /** The data as stored; a new object whenever it changes. */
  stored: T;
  schema: SafeParser;
  /** Called with a valid candidate and the top-level keys that differ from the stored data. */
  commit(candidate: T, changed: string[], path: string): void;
}

/**
 * A working copy of stored data, validated as it is edited: valid candidates are committed at once, invalid ones
 * stay local with their issues. Stored changes made elsewhere are merged in, except into the focused field.
 */
export function useDraft<T extends Data>({ stored, schema, commit }: DraftOptions<T>) {
  const [state, setState] = useState<DraftState<T>>({ draft: stored, issues: NO_ISSUES });
  const stateRef = useRef(state);
  const baseRef = useRef(stored);
  const focusedRef = useRef<string | null>(null);
  const latest = useRef({ schema, commit });
  latest.current = { schema, commit };

  const update = useCallback((next: DraftState<T> | null) => {
    if (!next) return;
    stateRef.current = next;
    setState(next);
  }, []);

  useEffect(() => {
    if (stored === baseRef.current) return;
    const next = resyncDraft(stateRef.current, baseRef.current, stored, focusedRef.current, latest.current.schema);
    baseRef.current = stored;
    update(next);
  }, [stored, update]);

  const change = useCallback(
    (path: string, value: unknown) => {
      const { draft, issues, changed } = editDraft(
        stateRef.current.draft,
        baseRef.current,
        path,
        value,
        latest.current.schema,
      );
      update({ draft, issues });
      if (changed.length) latest.current.commit(draft, changed, path);
    },
    [update],
  );

  /** Spread on the form: remembers which top-level field has the focus (inputs sit in `[data-path]`). */
  const focusProps = useMemo(
    () => ({
      onFocus(event: FocusEvent<HTMLElement>) {
        const path = (event.target as HTMLElement).closest("[data-path]")?.getAttribute("data-path");
        focusedRef.current = path ? topField(path) : null;
      },
      onBlur() {
        focusedRef.current = null;
        update(settleDraft(stateRef.current, baseRef.current));
      },
    }),
    [update],
  );

  return { draft: state.draft, issues: state.issues, change, focusProps };
}
