import type { Variables } from "./types.ts";
import { cleanVariables, type EventName, type Hub, type Listener, type Widget } from "./widget.ts";

/**
 * The page's JS API: `window.PixelChat`.
 *
 * Every method takes an optional last `slug`: with it, it acts on that chat; without it, on every chat of
 * the page (`on`/`off`/`setVariables` without a slug also cover chats added later). `get(slug)` gives one
 * chat's API. Calls made before the script has loaded go into a queue, replayed when it loads:
 *
 *   window.PixelChat = window.PixelChat || { q: [] };
 *   PixelChat.q.push(["setVariables", { name: "Ada" }]);
 *   PixelChat.q.push(["on", "message", (e) => console.log(e.slug, e.text)]);
 *   PixelChat.q.push(["open", "support"]);
 *
 * Queued calls without a slug apply to every chat of the page as it appears. `PixelChat.q.push` keeps
 * working after the load (it then calls at once), so a page can always use it.
 */
export interface PixelChatApi {
  open(slug?: string): void;
  close(slug?: string): void;
  toggle(slug?: string): void;
  /** Forgets the conversation and starts a new one. */
  reset(slug?: string): void;
  /** Variables for the next conversation start (merged over `data-variables`). */
  setVariables(vars: Variables, slug?: string): void;
  on(event: EventName, cb: Listener, slug?: string): void;
  off(event: EventName, cb: Listener, slug?: string): void;
  get(slug: string): ChatApi | undefined;
  /** The slugs of the chats on the page. */
  readonly slugs: string[];
  q: { push(...calls: QueuedCall[]): number };
}

/** One chat's API (`PixelChat.get(slug)`). */
export interface ChatApi {
  readonly slug: string;
  readonly isOpen: boolean;
  open(): void;
  close(): void;
  toggle(): void;
  reset(): void;
  setVariables(vars: Variables): void;
  on(event: EventName, cb: Listener): void;
  off(event: EventName, cb: Listener): void;
}

export type QueuedCall = [method: string, ...args: unknown[]];

/** Shared by every copy of the script on the page (each script tag runs the bundle once). */
export interface Registry extends Hub {
  scripts: WeakSet<Element>;
  /** Adds a chat; false when the page already has one with that slug. */
  add(widget: Widget): boolean;
}

declare global {
  interface Window {
    PixelChat?: PixelChatApi | { q?: QueuedCall[] };
  }
}

/** Where each method takes its slug. */
const SLUG_AT: Record<string, number> = { open: 0, close: 0, toggle: 0, reset: 0, setVariables: 1, on: 2, off: 2 };

/** Installs `window.PixelChat` (once per page) and replays the calls queued before the script loaded. */
export function install(w: Window = window): Registry {
  const prev = w.PixelChat as { q?: unknown; _r?: Registry } | undefined;
  if (prev?._r) return prev._r;
  const widgets = new Map<string, Widget>();
  const listeners: { [E in EventName]?: Set<Listener> } = {};
  /** Calls for chats not on the page yet: with a slug, until it appears; queued ones without, for every chat. */
  const waiting: { method: string; args: unknown[]; slug?: string }[] = [];

  const apply = (widget: Widget, method: string, args: unknown[]) => {
    const fn = (widget as unknown as Record<string, (...a: unknown[]) => void>)[method];
    fn?.apply(widget, args.slice(0, SLUG_AT[method]));
  };

  const call = (method: string, args: unknown[], queued = false) => {
    const at = SLUG_AT[method];
    if (at === undefined) return console.warn(`[pixel] PixelChat has no method "${method}".`);
    const slug = typeof args[at] === "string" ? (args[at] as string) : undefined;
    if (!slug && (method === "on" || method === "off")) {
      const [event, cb] = args as [EventName, Listener];
      listeners[event] ??= new Set();
      listeners[event]?.[method === "on" ? "add" : "delete"](cb);
    } else if (!slug && method === "setVariables") {
      Object.assign(reg.vars, cleanVariables(args[0]));
    } else {
      const widget = slug && widgets.get(slug);
      if (widget) apply(widget, method, args);
      else if (!slug) for (const wd of widgets.values()) apply(wd, method, args);
      if ((slug && !widget) || (!slug && queued)) waiting.push({ method, args, slug });
    }
  };

  const reg: Registry = {
    scripts: new WeakSet(),
    vars: {},
    emit(event, detail) {
      for (const cb of listeners[event] ?? []) {
        try {
          cb(detail);
        } catch (e) {
          console.error(e);
        }
      }
    },
    add(widget) {
      const slug = widget.o.slug;
      if (widgets.has(slug)) {
        console.warn(`[pixel] The chat "${slug}" is on this page twice: the second one is ignored.`);
        return false;
      }
      widgets.set(slug, widget);
      for (let i = 0; i < waiting.length; i++) {
        const c = waiting[i] as (typeof waiting)[number];
        if (c.slug && c.slug !== slug) continue;
        apply(widget, c.method, c.args);
        if (c.slug) waiting.splice(i--, 1);
      }
      return true;
    },
  };

  const chatApi = (wd: Widget): ChatApi => ({
    slug: wd.o.slug,
    get isOpen() {
      return wd.isOpen;
    },
    open: () => wd.open(),
    close: () => wd.close(),
    toggle: () => wd.toggle(),
    reset: () => wd.reset(),
    setVariables: (vars) => wd.setVariables(vars),
    on: (event, cb) => wd.on(event, cb),
    off: (event, cb) => wd.off(event, cb),
  });

  const api: PixelChatApi & { _r: Registry } = {
    open: (slug) => call("open", [slug]),
    close: (slug) => call("close", [slug]),
    toggle: (slug) => call("toggle", [slug]),
    reset: (slug) => call("reset", [slug]),
    setVariables: (vars, slug) => call("setVariables", [vars, slug]),
    on: (event, cb, slug) => call("on", [event, cb, slug]),
    off: (event, cb, slug) => call("off", [event, cb, slug]),
    get: (slug) => {
      const wd = widgets.get(slug);
      return wd && chatApi(wd);
    },
    get slugs() {
      return [...widgets.keys()];
    },
    q: {
      push: (...calls) => {
        for (const c of calls) if (Array.isArray(c)) call(String(c[0]), c.slice(1));
        return 0;
      },
    },
    _r: reg,
  };
  w.PixelChat = api;
  const queue = prev?.q;
  if (Array.isArray(queue)) for (const c of queue) if (Array.isArray(c)) call(String(c[0]), c.slice(1), true);
  return reg;
}
