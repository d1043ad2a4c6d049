/** Wire types of the chat endpoints (kept local: the widget depends on nothing). */

export interface ChoiceOption {
  id: string;
  label: string;
}

export interface Field {
  name: string;
  label: string;
  type: "text" | "email" | "number" | "phone" | "date" | "select";
  required: boolean;
  options?: string[];
  min?: number;
  max?: number;
  placeholder?: string;
}

export type FieldValue = string | number | null;
export type Variables = Record<string, string | number | boolean>;

/** What the user did this turn (the request body's `input`). */
export type TurnInput =
  | { type: "start"; variables?: Variables }
  | { type: "restart" }
  | { type: "text"; text: string }
  | { type: "choice"; optionId: string }
  | { type: "form"; values: Record<string, FieldValue> };

export interface Choices {
  nodeId?: string;
  prompt?: string;
  options: ChoiceOption[];
  allowFreeText: boolean;
}

export interface InputRequest {
  nodeId?: string;
  field: Field;
  error?: string;
}

export interface ChatErrorInfo {
  code: string;
  message: string;
}

/**
 * One chunk of the UI message stream: `start`, `text-start|text-delta|text-end` (with `id`, `delta`),
 * `data-<name>` (with `data`), `error` (with `errorText`), `finish`. Unknown types are ignored.
 */
export interface Chunk {
  type: string;
  id?: string;
  delta?: string;
  data?: unknown;
  errorText?: string;
  /** On `start`/`finish`: the conversation id too. */
  messageMetadata?: { conversationId?: unknown };
}

export interface Theme {
  primaryColor?: string;
  backgroundColor?: string;
  mode?: "light" | "dark" | "auto";
  position?: "bottom-right" | "bottom-left";
  avatarUrl?: string;
  title?: string;
  greeting?: string;
}

export interface ChatConfig {
  slug: string;
  name?: string;
  title?: string;
  greeting?: string;
  theme?: Theme;
  channels?: string[];
}

/** A saved message, as the conversation endpoint returns it. */
export interface HistoryMessage {
  id: string;
  role: "user" | "assistant";
  /** Saved text parts carry the expert who said them. */
  parts: { type: string; text?: string; expert?: string; data?: unknown }[];
}

export interface History {
  conversationId: string;
  status?: string;
  messages: HistoryMessage[];
}
