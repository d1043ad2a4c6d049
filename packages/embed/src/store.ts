import type { ChatErrorInfo, Choices, Chunk, History, InputRequest, TurnInput } from "./types.ts";

/** A bubble: the user's words, the bot's (markdown, maybe still streaming) or a note such as a handoff. */
export interface Message {
  id: string;
  role: "user" | "bot" | "note";
  text: string;
  /** The expert who speaks (multi-expert flows). */
  expert?: string;
  streaming?: boolean;
}

export interface State {
  messages: Message[];
  /** Quick replies the bot waits for. */
  choices: Choices | null;
  /** Fields the bot waits for, one per name. */
  inputs: InputRequest[];
  error: ChatErrorInfo | null;
  /** Why the conversation ended, once it has. */
  ended: string | null;
  /** `submitted`: waiting for the answer; `streaming`: it is arriving. */
  status: "idle" | "submitted" | "streaming";
  conversationId: string | null;
  /** The last input sent, for "Retry". */
  last: TurnInput | null;
  expert?: string;
  /** Counts turns, so the stream's part ids (reused by every turn) stay unique. */
  turn: number;
}

export type Action =
  /** `text` is the user bubble (none for start/restart); `retry` sends again without a new bubble. */
  | { type: "send"; input: TurnInput; text?: string; retry?: boolean }
  | { type: "chunk"; chunk: Chunk }
  | { type: "fail"; error: ChatErrorInfo }
  | { type: "done" }
  /** Loading a saved conversation: nothing can be sent meanwhile. */
  | { type: "load" }
  | { type: "restore"; history: History }
  | { type: "reset" };

export const initialState = (): State => ({
  messages: [],
  choices: null,
  inputs: [],
  error: null,
  ended: null,
  status: "idle",
  conversationId: null,
  last: null,
  turn: 0,
});

const ENDED = ["ended", "closed", "completed"];

/** Typing dots: a turn is in flight and no text is arriving. */
export const isTyping = (s: State): boolean => s.status !== "idle" && !s.messages.some((m) => m.streaming);

function withInput(inputs: InputRequest[], req: InputRequest): InputRequest[] {
  return [...inputs.filter((i) => i.field.name !== req.field.name), req];
}

function choicesOf(data: Choices): Choices | null {
  const options = Array.isArray(data.options) ? data.options.filter((o) => o && typeof o.id === "string") : [];
  return options.length ? { ...data, options, allowFreeText: data.allowFreeText ?? true } : null;
}

/** The prompt of a choice is shown as the bot's question unless the bot said it already. */
function withPrompt(s: State, id: string, prompt: string | undefined, since: number): Message[] {
  const said = s.messages.slice(since).some((m) => m.role === "bot" && m.text.trim() === prompt?.trim());
  return prompt?.trim() && !said
    ? [...s.messages, { id, role: "bot", text: prompt, ...(s.expert ? { expert: s.expert } : {}) }]
    : s.messages;
}

/** Applies one stream chunk. */
function chunk(s: State, c: Chunk): State {
  const id = `${s.turn}:${c.id}`;
  const meta = c.messageMetadata?.conversationId;
  if (typeof meta === "string" && meta) s = { ...s, conversationId: meta };
  const data = (c.data ?? {}) as Record<string, unknown>;
  switch (c.type) {
    case "start":
      return { ...s, status: "streaming" };
    case "text-start":
      return {
        ...s,
        messages: [
          ...s.messages,
          { id, role: "bot", text: "", streaming: true, ...(s.expert ? { expert: s.expert } : {}) },
        ],
      };
    case "text-delta":
    case "text-end": {
      let found = false;
      const messages = s.messages.map((m) => {
        if (m.id !== id) return m;
        found = true;
        return c.type === "text-end" ? { ...m, streaming: false } : { ...m, text: m.text + (c.delta ?? "") };
      });
      // A delta without its text-start still shows.
      if (!found && c.type === "text-delta") messages.push({ id, role: "bot", text: c.delta ?? "", streaming: true });
      return { ...s, messages };
    }
    case "data-conversation":
      return typeof data.conversationId === "string" ? { ...s, conversationId: data.conversationId } : s;
    case "data-choices": {
      const choices = choicesOf(data as unknown as Choices);
      const since = s.messages.findIndex((m) => m.id.startsWith(`${s.turn}:`));
      return {
        ...s,
        choices,
        messages: withPrompt(s, `${s.turn}:choices`, choices?.prompt, since < 0 ? s.messages.length : since),
      };
    }
    case "data-input":
      return (data as unknown as InputRequest).field?.name
        ? { ...s, inputs: withInput(s.inputs, data as unknown as InputRequest) }
        : s;
    case "data-expert":
      return typeof data.name === "string" ? { ...s, expert: data.name } : s;
    case "data-handoff":
      return typeof data.message === "string"
        ? { ...s, messages: [...s.messages, { id: `${s.turn}:handoff`, role: "note", text: data.message }] }
        : s;
    case "data-error":
      return {
        ...s,
        error: { code: String(data.code ?? "internal"), message: String(data.message || "Something went wrong.") },
      };
    case "data-end":
      return { ...s, ended: String(data.reason ?? "end"), choices: null, inputs: [] };
    case "error":
      return { ...s, error: { code: "stream", message: c.errorText || "Something went wrong." } };
    default:
      return s;
  }
}

/** The transcript and what the bot waits for, from a saved conversation. */
function restore(h: History): State {
  let s: State = { ...initialState(), conversationId: h.conversationId };
  const all = Array.isArray(h.messages) ? h.messages : [];
  all.forEach((m, index) => {
    const isLast = index === all.length - 1;
    s = { ...s, turn: s.turn + 1, choices: null, inputs: [], error: null, ended: null };
    (m.parts ?? []).forEach((part, p) => {
      if (part.type === "text") {
        if (m.role === "assistant" && part.expert) s = { ...s, expert: part.expert };
        if (!part.text?.trim()) return;
        const id = `${s.turn}:${m.id}:${p}`;
        const role = m.role === "user" ? "user" : "bot";
        const expert = role === "bot" && s.expert ? { expert: s.expert } : {};
        s = { ...s, messages: [...s.messages, { id, role, text: part.text, ...expert }] };
      } else if (m.role === "assistant" && (isLast || part.type !== "data-error")) {
        s = chunk(s, { type: part.type, id: String(p), data: part.data });
      }
    });
  });
  if (ENDED.includes(h.status ?? "")) s = { ...s, ended: s.ended ?? String(h.status), choices: null, inputs: [] };
  return s;
}

/** The conversation state after an action. Pure: returns a new state. */
export function reduce(s: State, a: Action): State {
  switch (a.type) {
    case "send": {
      const turn = s.turn + 1;
      const bubble = !a.retry && a.text?.trim();
      return {
        ...s,
        turn,
        status: "submitted",
        error: null,
        choices: null,
        inputs: [],
        last: a.input,
        ...(a.input.type === "start" || a.input.type === "restart" ? { ended: null } : {}),
        messages: bubble ? [...s.messages, { id: `${turn}:user`, role: "user", text: a.text as string }] : s.messages,
      };
    }
    case "chunk":
      return chunk(s, a.chunk);
    case "fail":
      return { ...reduce(s, { type: "done" }), error: a.error };
    case "done":
      return {
        ...s,
        status: "idle",
        messages: s.messages.map((m) => (m.streaming ? { ...m, streaming: false } : m)),
      };
    case "load":
      return { ...s, status: "submitted", error: null };
    case "restore":
      return restore(a.history);
    case "reset":
      return initialState();
  }
}

/** Holds the state and tells subscribers about every change. */
export class Store {
  state = initialState();
  private subs: ((s: State, a: Action) => void)[] = [];

  dispatch(a: Action): void {
    this.state = reduce(this.state, a);
    for (const fn of this.subs) fn(this.state, a);
  }

  subscribe(fn: (s: State, a: Action) => void): void {
    this.subs.push(fn);
  }
}

/** localStorage that never throws (blocked storage, private mode, sandboxed frames). */
export function storage(slug: string) {
  const key = (name: string) => `pixel:${slug}:${name}`;
  return {
    get(name: string): string | null {
      try {
        return localStorage.getItem(key(name));
      } catch {
        return null;
      }
    },
    set(name: string, value: string | null): void {
      try {
        if (value === null) localStorage.removeItem(key(name));
        else localStorage.setItem(key(name), value);
      } catch {
        // Not persisted: the conversation lasts as long as the page.
      }
    },
  };
}

export function randomId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  const bytes = new Uint8Array(16);
  c?.getRandomValues?.(bytes);
  return Array.from(bytes, (b) => (b || Math.floor(Math.random() * 256)).toString(16).padStart(2, "0")).join("");
}

/** The visitor's stable id for this chat (`pixel:<slug>:user`), created on first use. */
export function endUserId(slug: string): string {
  const store = storage(slug);
  let id = store.get("user");
  if (!id) {
    id = randomId();
    store.set("user", id);
  }
  return id;
}
