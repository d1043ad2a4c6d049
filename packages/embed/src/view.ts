import { renderMarkdown } from "./markdown.ts";
import { isTyping, type Message, type State } from "./store.ts";
import { CSS, themeVars } from "./styles.ts";
import type { ChatConfig, ChoiceOption, Field, FieldValue, InputRequest } from "./types.ts";
import { checkField } from "./validate.ts";

export type Mode = "bubble" | "popup" | "inline";

/** What the view asks the widget to do. */
export interface Handlers {
  send(text: string): void;
  choose(option: ChoiceOption): void;
  submit(values: Record<string, FieldValue>, text: string): void;
  retry(): void;
  restart(): void;
  toggle(): void;
  close(): void;
}

type Props = Record<string, string | boolean | ((e: Event) => void) | undefined>;

/** A DOM element: `on*` and known properties are set as properties, the rest as attributes. Text stays text. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...kids: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue;
    if (k.startsWith("on") || k === "textContent" || k === "value") (el as unknown as Record<string, unknown>)[k] = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  el.append(...kids);
  return el;
}

const PATHS = {
  chat: "M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z",
  close: "M18 6 6 18M6 6l12 12",
  restart: "M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5",
  send: "M22 2 11 13M22 2l-7 20-4-9-9-4z",
};

const svg = (path: keyof typeof PATHS, size: number) =>
  `<svg width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="${PATHS[path]}"/></svg>`;

/** An icon button; the icon is a constant SVG, the label is for screen readers. */
function iconButton(path: keyof typeof PATHS, label: string, onclick: () => void, cls = "icon", size = 18) {
  const b = h("button", { type: "button", class: cls, "aria-label": label, title: label, onclick });
  b.innerHTML = svg(path, size);
  return b;
}

const INPUT_TYPES: Record<string, string> = { email: "email", phone: "tel", date: "date" };
const AUTOCOMPLETE: Record<string, string> = { email: "email", phone: "tel" };

const FOCUSABLE = "button:not([disabled]),input,select,textarea";

/** A form for the fields the bot asks for, checked here before it is sent. */
function askForm(inputs: InputRequest[], submit: Handlers["submit"]): HTMLFormElement {
  const controls: [Field, HTMLInputElement | HTMLSelectElement, HTMLElement][] = [];
  const form = h("form", { class: "ask", novalidate: true, "aria-label": "Answer form" });
  inputs.forEach(({ field, error }, i) => {
    const id = `pc-f${i}`;
    const err = h("div", { class: "ferr", id: `${id}e`, role: "alert", textContent: error ?? "" });
    err.hidden = !error;
    const common = { id, name: field.name, "aria-describedby": `${id}e`, "aria-invalid": error ? "true" : undefined };
    const control =
      field.type === "select" && field.options?.length
        ? h(
            "select",
            common,
            h("option", { value: "", textContent: field.placeholder || "Choose…" }),
            ...field.options.map((o) => h("option", { value: o, textContent: o })),
          )
        : h("input", {
            ...common,
            type: INPUT_TYPES[field.type] ?? "text",
            inputmode: field.type === "number" ? "decimal" : undefined,
            autocomplete: AUTOCOMPLETE[field.type],
            placeholder: field.placeholder,
          });
    control.required = field.required;
    control.oninput = () => {
      err.hidden = true;
      control.removeAttribute("aria-invalid");
    };
    const label = h("label", { for: id, textContent: field.label || field.name });
    if (field.required) label.append(h("span", { "aria-hidden": "true", textContent: " *" }));
    form.append(h("div", { class: "field" }, label, control, err));
    controls.push([field, control, err]);
  });
  form.append(h("button", { type: "submit", class: "btn", textContent: "Send" }));
  form.onsubmit = (e) => {
    e.preventDefault();
    const values: Record<string, FieldValue> = {};
    let invalid: HTMLElement | undefined;
    for (const [field, control, err] of controls) {
      const r = checkField(field, control.value);
      if ("error" in r) {
        err.textContent = r.error;
        err.hidden = false;
        control.setAttribute("aria-invalid", "true");
        invalid ??= control;
      } else values[field.name] = r.value;
    }
    if (invalid) return invalid.focus();
    const shown = Object.values(values).filter((v) => v !== null && v !== "");
    submit(values, shown.join(", "));
  };
  return form;
}

/** The widget's DOM, inside a shadow root: launcher (bubble), panel, log, pending answers and composer. */
export class View {
  readonly panel: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly log: HTMLElement;
  private readonly typing: HTMLElement;
  private readonly pending: HTMLElement;
  private readonly composer: HTMLFormElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly launcher?: HTMLButtonElement;
  private readonly backdrop?: HTMLElement;
  private readonly nodes = new Map<string, { els: HTMLElement[]; text: string }>();
  private shown: unknown[] = [];
  private state?: State;
  private frame = 0;
  private returnFocus: HTMLElement | null = null;

  constructor(
    host: HTMLElement,
    config: ChatConfig,
    readonly mode: Mode,
    private readonly on: Handlers,
  ) {
    const theme = config.theme ?? {};
    const title = theme.title || config.title || config.name || "Chat";
    const greeting = theme.greeting || config.greeting;
    this.root = host.attachShadow({ mode: "open" });
    const style = h("style", { textContent: CSS });

    const header = h("header", {}, h("h2", { textContent: title }));
    if (theme.avatarUrl && /^https?:\/\//i.test(theme.avatarUrl)) {
      header.prepend(h("img", { src: theme.avatarUrl, alt: "", referrerpolicy: "no-referrer" }));
    }
    header.append(iconButton("restart", "Restart conversation", () => on.restart()));
    if (mode !== "inline") header.append(iconButton("close", "Close chat", () => on.close()));

    this.log = h("div", { class: "log", role: "log", "aria-live": "polite", "aria-label": "Messages", tabindex: "0" });
    if (greeting) this.log.append(this.bot(greeting));
    this.typing = h("div", { class: "typing", "aria-hidden": "true" }, h("i"), h("i"), h("i"));
    this.typing.hidden = true;
    this.log.append(this.typing);
    this.pending = h("div", { class: "pending" });

    this.input = h("textarea", {
      rows: "1",
      maxlength: "4000",
      placeholder: "Type a message…",
      "aria-label": "Message",
    });
    this.sendButton = iconButton("send", "Send", () => {});
    this.sendButton.type = "submit";
    this.composer = h("form", { class: "composer" }, this.input, this.sendButton);
    this.composer.onsubmit = (e) => {
      e.preventDefault();
      const text = this.input.value.trim();
      if (!text || this.state?.status !== "idle") return;
      on.send(text);
      this.input.value = "";
      this.grow();
    };
    this.input.onkeydown = (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.composer.requestSubmit();
      }
    };
    this.input.oninput = () => this.grow();

    const modal = mode === "popup";
    this.panel = h(
      "div",
      {
        class: "panel",
        role: mode === "inline" ? "region" : "dialog",
        "aria-modal": modal ? "true" : undefined,
        "aria-label": title,
      },
      header,
      this.log,
      this.pending,
      this.composer,
    );
    this.panel.onkeydown = (e) => this.keydown(e);

    const pc = h("div", {
      class: `pc ${mode}${theme.position === "bottom-left" ? " left" : ""}`,
      "data-theme": ["light", "dark"].includes(theme.mode as string) ? theme.mode : "auto",
      style: themeVars(theme),
    });
    if (mode === "bubble") {
      this.launcher = iconButton("chat", "Open chat", () => on.toggle(), "launcher", 26);
      this.launcher.setAttribute("aria-expanded", "false");
      pc.append(this.launcher);
    }
    if (modal) {
      this.backdrop = h("div", { class: "backdrop", onclick: () => on.close() });
      pc.append(this.backdrop);
    }
    pc.append(this.panel);
    this.root.append(style, pc);
    this.panel.hidden = mode !== "inline";
    if (this.backdrop) this.backdrop.hidden = true;
  }

  private bot(text: string): HTMLElement {
    const el = h("div", { class: "msg bot" });
    el.innerHTML = renderMarkdown(text);
    return el;
  }

  private grow(): void {
    this.input.style.height = "auto";
    this.input.style.height = `${this.input.scrollHeight}px`;
  }

  /** Escape closes; in the modal popup, Tab stays inside the panel. */
  private keydown(e: KeyboardEvent): void {
    if (e.key === "Escape" && this.mode !== "inline") {
      e.stopPropagation();
      this.on.close();
    } else if (e.key === "Tab" && this.mode === "popup") {
      const all = [...this.panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent);
      const edge = e.shiftKey ? all[0] : all[all.length - 1];
      if (edge && this.root.activeElement === edge) {
        e.preventDefault();
        (e.shiftKey ? all[all.length - 1] : all[0])?.focus();
      }
    }
  }

  /** Focus the answer the bot waits for: a quick reply, the form, or the message box. */
  focus(): void {
    (this.pending.querySelector<HTMLElement>(FOCUSABLE) ?? (this.composer.hidden ? null : this.input))?.focus();
  }

  setOpen(open: boolean): void {
    if (this.mode === "inline") return;
    const wasOpen = !this.panel.hidden;
    const focusInside = !!this.root.activeElement;
    this.panel.hidden = !open;
    if (this.backdrop) this.backdrop.hidden = !open;
    if (this.launcher) {
      this.launcher.setAttribute("aria-expanded", String(open));
      for (const a of ["aria-label", "title"]) this.launcher.setAttribute(a, open ? "Close chat" : "Open chat");
      this.launcher.innerHTML = svg(open ? "close" : "chat", 26);
    }
    if (open && !wasOpen) {
      const active = document.activeElement;
      this.returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
      this.render();
      // On touch screens focusing the message box would pop the keyboard over the chat: focus the log.
      if (matchMedia("(pointer:coarse)").matches) this.log.focus();
      else this.focus();
      this.log.scrollTop = this.log.scrollHeight;
    } else if (!open && wasOpen && focusInside) {
      // Give focus back: to the launcher, or to what had it before the popup opened.
      if (this.launcher) this.launcher.focus();
      else if (this.returnFocus?.isConnected) this.returnFocus.focus();
    }
  }

  /** Shows a new state on the next frame (streamed deltas arrive faster than frames). */
  update(state: State): void {
    this.state = state;
    if (!this.frame) this.frame = requestAnimationFrame(() => this.render());
  }

  private render(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const s = this.state;
    if (!s) return;
    const log = this.log;
    const atEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 60;
    const focusInside = !!this.root.activeElement;
    let added = false;

    // Messages only ever get appended (reset and restore replace them all): update in place, add, remove.
    const seen = new Set<string>();
    let expert: string | undefined;
    for (const m of s.messages) {
      seen.add(m.id);
      let node = this.nodes.get(m.id);
      if (!node) {
        node = this.add(m, expert);
        added ||= m.role === "user";
      }
      if (node.text !== m.text) {
        const el = node.els[node.els.length - 1] as HTMLElement;
        if (m.role === "bot") el.innerHTML = renderMarkdown(m.text);
        else el.textContent = m.text;
        node.text = m.text;
      }
      if (m.role === "bot") expert = m.expert;
    }
    for (const [id, node] of this.nodes) {
      if (seen.has(id)) continue;
      for (const el of node.els) el.remove();
      this.nodes.delete(id);
    }
    this.typing.hidden = !isTyping(s);
    log.setAttribute("aria-busy", String(s.status !== "idle"));
    if (atEnd || added) log.scrollTop = log.scrollHeight;

    // What the bot waits for: rebuilt only when it changes, so a half-filled form is kept.
    const shown = [s.choices, s.inputs, s.error, s.ended, s.last];
    if (shown.some((v, i) => v !== this.shown[i])) {
      this.shown = shown;
      this.pending.replaceChildren(...this.pendingNodes(s));
      this.composer.hidden = !!s.ended || s.inputs.length > 0 || s.choices?.allowFreeText === false;
      if (focusInside && !this.root.activeElement) this.focus();
    }
    this.sendButton.disabled = s.status !== "idle";
  }

  private add(m: Message, expertBefore: string | undefined) {
    const els: HTMLElement[] = [];
    if (m.role === "bot" && m.expert && m.expert !== expertBefore) {
      els.push(h("div", { class: "expert", textContent: m.expert }));
    }
    els.push(h("div", { class: `msg ${m.role}` }));
    for (const el of els) this.log.insertBefore(el, this.typing);
    const node = { els, text: "\u0000" };
    this.nodes.set(m.id, node);
    return node;
  }

  private pendingNodes(s: State): Node[] {
    const out: Node[] = [];
    if (s.error && !s.ended) {
      out.push(
        h(
          "div",
          { class: "err", role: "alert" },
          h("span", { textContent: s.error.message }),
          h("button", { type: "button", textContent: "Retry", onclick: () => this.on.retry() }),
        ),
      );
    }
    if (s.ended) {
      out.push(
        h(
          "div",
          { class: "end" },
          h("span", { textContent: "This conversation has ended." }),
          h("button", { type: "button", textContent: "Start a new one", onclick: () => this.on.restart() }),
        ),
      );
    }
    if (s.choices) {
      const choices = s.choices.options.map((o) =>
        h("button", { type: "button", textContent: o.label, onclick: () => this.on.choose(o) }),
      );
      out.push(h("div", { class: "choices", role: "group", "aria-label": "Quick replies" }, ...choices));
    }
    if (s.inputs.length) out.push(askForm(s.inputs, this.on.submit));
    return out;
  }
}
