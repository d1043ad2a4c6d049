"use client";
import type { FormField } from "@pixel/flow";
import { createContext, useContext } from "react";

/** What every field of one form shares; the value is stable while typing, so memoised fields skip re-renders. */
export interface FieldContextValue {
  /** Prefix of input ids, unique per form. */
  idPrefix: string;
  readOnly: boolean;
  /** Sets the value at a dotted path of the form's data; `undefined` removes the key. */
  onChange(path: string, value: unknown): void;
  /** The node being edited, left out of node pickers. */
  selfNodeId: string | null;
}

export const FieldContext = createContext<FieldContextValue>({
  idPrefix: "field",
  readOnly: true,
  onChange: () => {},
  selfNodeId: null,
});

export const useFieldContext = () => useContext(FieldContext);

/** An input id from the form's prefix and a data path. */
export const inputId = (prefix: string, path: string) => `${prefix}-${path.replace(/\./g, "-")}`;

/** The form field description of one kind. */
export type FieldOf<K extends FormField["kind"]> = Extract<FormField, { kind: K }>;

/** What every field renderer gets: its description, where its value is, the value and its errors. */
export interface FieldProps<K extends FormField["kind"]> {
  field: FieldOf<K>;
  path: string;
  value: unknown;
  messages: readonly string[];
}
