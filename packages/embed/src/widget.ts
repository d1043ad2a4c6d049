import { ApiError, fetchConfig, fetchHistory, sendTurn } from "./api.ts";
import { endUserId, Store, storage } from "./store.ts";
import type { ChatConfig, Chunk, TurnInput, Variables } from "./types.ts";
import { type Mode, View } from "./view.ts";

export type EventName = "open" | "close" | "message" | "conversation" | "error";
export type Listener = (detail: { slug: string } & Record<string, unknown>) => void;

export interface WidgetOptions {
  slug: string;
  /** The API base, without a trailing slash. */
  api: string;
  mode: Mode;
  /** Inline mode: a CSS selector of the element to render into. */
  target?: string;
  /** Open at load (default: popup mode only). */
  open?: boolean;
  variables?: unknown;
}

/** What a widget needs from the page-wide registry: its listeners and the variables set for every widget. */
export interface Hub {
  emit(event: EventName, detail: { slug: string } & Record<string, unknown>): void;
  vars: Variables;
}

const warn = (message: string) => console.warn(`[pixel] ${message}`);

/** Keeps the variables the server accepts: names like `plan_2`, strings (≤ 2,000), numbers, booleans; 50 at most. */
export function cleanVariables(value: unknown): Variables {
  const out: Variables = {};
  if (!value || typeof value !== "object") return out;
  for (const [k, v] of Object.entries(value).slice(0, 50)) {
    if (!/^[A-Za-z_]\w{0,63}$/.test(k)) continue;
    if (typeof v === "string") out[k] = v.slice(0, 2000);
    else if (typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))) out[k] = v;
  }
  return out;
}

const domReady = () =>
  new Promise<void>((resolve) => {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => resolve());
    else resolve();
  });

/** One chat on the page: its state, its view and its conversation with the server. */
export class Widget {
  readonly store = new Store();
  private view?: View;
  private opened = false;
  /** The conversation was started or restored (on first open; inline: once visible). */
  private started = false;
  private live = false;
  private vars: Variables = {};
  private ctrl?: AbortController;
  private readonly saved: ReturnType<typeof storage>;
  private readonly listeners: { [E in EventName]?: Set<Listener> } = {};

  constructor(
    readonly o: WidgetOptions,
    private readonly hub: Hub,
  ) {
    this.saved = storage(o.slug);
    this.opened = !!o.open;
  }

  get isOpen(): boolean {
    return this.o.mode === "inline" || this.opened;
  }

  /** Loads the config and renders; renders nothing (with one console warning) when the chat is not available here. */
  async mount(): Promise<void> {
    const { slug, api, mode } = this.o;
    let config: ChatConfig;
    try {
      config = await fetchConfig(api, slug);
    } catch (e) {
      const { status, code } = e instanceof ApiError ? e : { status: 0, code: "" };
      if (status === 403) {
        const why =
          code === "origin-not-allowed"
            ? `${location.origin} is not among the allowed domains of "${slug}"`
            : `"${slug}": ${(e as Error).message}`;
        warn(`This site may not use this chat (${why}).`);
      } else if (status === 404) warn(`There is no chat "${slug}" (check data-deployment).`);
      else if (status === 423) warn(`The chat "${slug}" is paused.`);
      else warn(`Could not load the chat "${slug}" from ${api} (${(e as Error).message}).`);
      return;
    }
    await domReady();
    let parent: Element | null = document.body;
    if (mode === "inline") {
      try {
        parent = document.querySelector(this.o.target || "#pixel-chat");
      } catch {
        parent = null;
      }
      if (!parent) return warn(`Inline chat "${slug}": no element matches data-target "${this.o.target ?? ""}".`);
    }
    const host = document.createElement("div");
    host.setAttribute("data-pixel-chat", slug);
    host.setAttribute("data-mode", mode);
    // Page rules that match the host (div {…}) must not reach the widget by inheritance either.
    host.setAttribute(
      "style",
      `all:initial!important;display:block!important${mode === "inline" ? ";height:100%!important" : ""}`,
    );
    parent.append(host);
    const view = new View(host, config, mode, {
      send: (text) => this.send({ type: "text", text }, text),
      choose: (o) => this.send({ type: "choice", optionId: o.id }, o.label),
      submit: (values, text) => this.send({ type: "form", values }, text),
      retry: () => this.retry(),
      restart: () => this.reset(),
      toggle: () => this.toggle(),
      close: () => this.close(),
    });
    this.view = view;
    this.store.subscribe((s) => view.update(s));
    view.update(this.store.state);
    if (mode === "inline") {
      // Start once the visitor can see it, not for every page view.
      if (typeof IntersectionObserver === "undefined") return this.begin();
      const io = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          this.begin();
        }
      });
      io.observe(host);
    } else if (this.opened) {
      this.opened = false;
      this.open();
    }
  }

  open(): void {
    if (this.o.mode === "inline") {
      this.begin();
      return;
    }
    if (this.opened) return;
    this.opened = true;
    if (!this.view) return; // Opens once mounted.
    this.view.setOpen(true);
    this.begin();
    this.emit("open", {});
  }

  close(): void {
    if (!this.opened || this.o.mode === "inline") return;
    this.opened = false;
    if (!this.view) return;
    this.view.setOpen(false);
    this.emit("close", {});
  }

  toggle(): void {
    if (this.opened) this.close();
    else this.open();
  }

  /** Forgets the conversation and starts a new one (with the current variables) if the chat is showing. */
  reset(): void {
    this.ctrl?.abort();
    this.saved.set("conversation", null);
    this.store.dispatch({ type: "reset" });
    this.started = false;
    if (this.live) this.begin();
  }

  setVariables(vars: unknown): void {
    Object.assign(this.vars, cleanVariables(vars));
  }

  on(event: EventName, cb: Listener): void {
    this.listeners[event] ??= new Set();
    this.listeners[event]?.add(cb);
  }

  off(event: EventName, cb: Listener): void {
    this.listeners[event]?.delete(cb);
  }

  private emit(event: EventName, detail: Record<string, unknown>): void {
    const full = { slug: this.o.slug, ...detail };
    for (const cb of this.listeners[event] ?? []) {
      try {
        cb(full);
      } catch (e) {
        console.error(e);
      }
    }
    this.hub.emit(event, full);
  }

  private variables(): Variables {
    return cleanVariables({ ...cleanVariables(this.o.variables), ...this.hub.vars, ...this.vars });
  }

  /** Restores the saved conversation, or starts one. */
  private begin(): void {
    this.live = true;
    if (this.started || !this.view) return;
    this.started = true;
    const id = this.saved.get("conversation");
    if (id) this.restore(id);
    else this.send({ type: "start", variables: this.variables() });
  }

  private async restore(id: string): Promise<void> {
    const store = this.store;
    const ctrl = this.abortable();
    store.dispatch({ type: "load" });
    try {
      const history = await fetchHistory(this.o.api, this.o.slug, id, endUserId(this.o.slug));
      if (ctrl.signal.aborted) return;
      if (!history?.messages?.length) throw new ApiError(404, "empty", "Nothing to restore.");
      store.dispatch({ type: "restore", history });
    } catch (e) {
      if (ctrl.signal.aborted) return;
      if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 429) {
        // Gone or not ours any more: start afresh.
        this.saved.set("conversation", null);
        store.dispatch({ type: "done" });
        this.send({ type: "start", variables: this.variables() });
      } else this.failed(e);
    }
  }

  private abortable(): AbortController {
    this.ctrl?.abort();
    this.ctrl = new AbortController();
    return this.ctrl;
  }

  private failed(e: unknown): void {
    const err = e instanceof ApiError ? e : new ApiError(0, "network", "The connection was lost. Please try again.");
    const message =
      err.status === 429
        ? `Too many messages. Please wait ${err.retryAfter ? `${err.retryAfter} seconds` : "a moment"} and try again.`
        : err.message;
    this.store.dispatch({ type: "fail", error: { code: err.code, message } });
    this.emit("error", { code: err.code, message, status: err.status });
  }

  /** "Retry": sends the last input again, or starts over when nothing was sent yet. */
  private retry(): void {
    const last = this.store.state.last;
    if (last) this.send(last, undefined, true);
    else {
      this.started = false;
      this.store.dispatch({ type: "done" });
      this.begin();
    }
  }

  /** Sends one turn and streams the answer into the store. */
  private async send(input: TurnInput, text?: string, retry?: boolean): Promise<void> {
    const store = this.store;
    if (store.state.status !== "idle") return;
    const ctrl = this.abortable();
    store.dispatch({ type: "send", input, text, retry });
    const turn = store.state.turn;
    const onChunk = (chunk: Chunk) => {
      if (ctrl.signal.aborted) return;
      const before = store.state.conversationId;
      store.dispatch({ type: "chunk", chunk });
      const s = store.state;
      if (s.conversationId && s.conversationId !== before) {
        this.saved.set("conversation", s.conversationId);
        this.emit("conversation", { conversationId: s.conversationId });
      } else if (chunk.type === "text-end") {
        const m = s.messages.find((m) => m.id === `${turn}:${chunk.id}`);
        if (m) this.emit("message", { id: m.id, text: m.text, expert: m.expert });
      } else if (chunk.type === "error" || chunk.type === "data-error") {
        this.emit("error", { ...s.error });
      }
    };
    try {
      await sendTurn(
        this.o.api,
        this.o.slug,
        { conversationId: store.state.conversationId, endUserId: endUserId(this.o.slug), input },
        onChunk,
        ctrl.signal,
      );
      if (!ctrl.signal.aborted) store.dispatch({ type: "done" });
    } catch (e) {
      if (!ctrl.signal.aborted) this.failed(e);
    }
  }
}
