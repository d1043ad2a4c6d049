import { describe, expect, it, vi } from "vitest";
import { install, type PixelChatApi } from "../src/api-public.ts";
import type { Widget } from "../src/widget.ts";

/** A stand-in for a chat: records the calls it gets. */
function fakeWidget(slug: string) {
  const calls: unknown[][] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      calls.push([name, ...args]);
  const widget = {
    o: { slug },
    isOpen: false,
    open: record("open"),
    close: record("close"),
    toggle: record("toggle"),
    reset: record("reset"),
    setVariables: record("setVariables"),
    on: record("on"),
    off: record("off"),
  };
  return { widget: widget as unknown as Widget, calls };
}

describe("window.PixelChat", () => {
  it("replays calls queued before the script loaded", () => {
    const cb = vi.fn();
    const w = {
      PixelChat: {
        q: [["setVariables", { name: "Ada" }], ["on", "message", cb], ["open"], ["reset", "sales"], ["nope"]],
      },
    };
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const reg = install(w as unknown as Window);
    expect(warn).toHaveBeenCalledWith('[pixel] PixelChat has no method "nope".');
    warn.mockRestore();
    expect(reg.vars).toEqual({ name: "Ada" });

    const support = fakeWidget("support");
    const sales = fakeWidget("sales");
    reg.add(support.widget);
    reg.add(sales.widget);
    // Queued calls without a slug reach every chat; with a slug, only that one.
    expect(support.calls).toEqual([["open"]]);
    expect(sales.calls).toEqual([["open"], ["reset"]]);
    // Global listeners hear every chat.
    reg.emit("message", { slug: "sales", text: "Hi" });
    expect(cb).toHaveBeenCalledWith({ slug: "sales", text: "Hi" });
  });

  it("after loading: targets one chat by slug or all, get(slug), q.push, one registry per page", () => {
    const w = {} as { PixelChat?: PixelChatApi };
    const reg = install(w as unknown as Window);
    const api = w.PixelChat as PixelChatApi;
    const a = fakeWidget("a");
    const b = fakeWidget("b");
    reg.add(a.widget);
    reg.add(b.widget);
    api.open("a");
    api.close();
    api.setVariables({ plan: "pro" }, "b");
    api.q.push(["toggle", "b"]);
    expect(a.calls).toEqual([["open"], ["close"]]);
    expect(b.calls).toEqual([["close"], ["setVariables", { plan: "pro" }], ["toggle"]]);
    expect(api.slugs).toEqual(["a", "b"]);
    api.get("a")?.reset();
    expect(a.calls.at(-1)).toEqual(["reset"]);
    expect(api.get("zzz")).toBeUndefined();
    // A call for a chat not on the page yet waits for it.
    api.open("later");
    const later = fakeWidget("later");
    reg.add(later.widget);
    expect(later.calls).toEqual([["open"]]);
    // The bundle running again (a second script tag) shares the registry; a duplicate slug is refused.
    expect(install(w as unknown as Window)).toBe(reg);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(reg.add(fakeWidget("a").widget)).toBe(false);
    warn.mockRestore();
  });
});
