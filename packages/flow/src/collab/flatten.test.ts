import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validFlow } from "../../test/property/arbitraries.ts";
import { flowDocumentSchema } from "../document/schema.ts";
import { flattenFlow } from "./flatten.ts";
import { edited, sampleFlow } from "./test-fixtures.ts";
import { unflattenFlow } from "./unflatten.ts";

describe("flattenFlow", () => {
  it("has one key per node part, data field, edge, variable, global action and setting", () => {
    const flat = flattenFlow(sampleFlow());
    expect(flat.get("node/welcome/type")).toBe("message");
    expect(flat.get("node/welcome/position")).toEqual({ x: 0, y: 120 });
    expect(flat.get("node/welcome/data/text")).toBe("Hello! 👋");
    expect(flat.has("node/welcome/name")).toBe(false);
    expect(flat.get("node/menu/data/options")).toEqual([
      { id: "a", label: "Option A" },
      { id: "b", label: "Option B" },
    ]);
    expect(flat.get("edge/e3")).toEqual({ source: "menu", sourceHandle: "a", target: "goodbye" });
    expect(flat.get("variable/topic")).toEqual({
      name: "topic",
      type: "string",
      description: "What the user asked about",
    });
    expect(flat.get("globalAction/help")).toEqual({ trigger: { kind: "keyword", keywords: ["help"] }, target: "menu" });
    expect(flat.get("settings/typingDelayMs")).toBe(0);
    expect([...flat.keys()].filter((key) => key.startsWith("node/start/"))).toEqual([
      "node/start/type",
      "node/start/position",
    ]);
  });

  it("keeps a name and drops undefined fields, so values compare equal to what the network brings", () => {
    const doc = edited(sampleFlow(), (draft) => {
      draft.nodes[1] = { ...draft.nodes[1], name: "Hi", data: { text: "x", imageUrl: undefined } } as never;
    });
    const flat = flattenFlow(doc);
    expect(flat.get("node/welcome/name")).toBe("Hi");
    expect(flat.has("node/welcome/data/imageUrl")).toBe(false);
  });

  it("copies values, so editing the map never edits the document", () => {
    const doc = sampleFlow();
    const options = flattenFlow(doc).get("node/menu/data/options") as { label: string }[];
    (options[0] as { label: string }).label = "changed";
    expect(flattenFlow(doc).get("node/menu/data/options")).toEqual(
      flattenFlow(sampleFlow()).get("node/menu/data/options"),
    );
  });
});

describe("unflattenFlow", () => {
  it("gives back the same document", () => {
    const doc = sampleFlow();
    expect(unflattenFlow(flattenFlow(doc))).toEqual(doc);
    expect(unflattenFlow(flattenFlow(doc), doc)).toEqual(doc);
  });

  it("round-trips random valid flows", () => {
    fc.assert(
      fc.property(validFlow({ maxNodes: 20 }), (doc) => {
        expect(unflattenFlow(flattenFlow(doc), doc)).toEqual(doc);
      }),
      { numRuns: 100 },
    );
  });

  it("orders items as the hint does and appends new ones in the map's order", () => {
    const doc = sampleFlow();
    const flat = new Map([...flattenFlow(doc)].reverse());
    flat.set("node/zeta/type", "end");
    flat.set("node/zeta/position", { x: 1, y: 2 });
    flat.set("node/alpha/type", "end");
    flat.set("node/alpha/position", { x: 3, y: 4 });
    flat.set("edge/e0", { source: "menu", sourceHandle: "b", target: "zeta" });
    const result = unflattenFlow(flat, doc);
    expect(result.nodes.map((n) => n.id)).toEqual(["start", "welcome", "menu", "goodbye", "zeta", "alpha"]);
    expect(result.edges.map((e) => e.id)).toEqual(["e1", "e2", "e3", "e0"]);
    expect(flowDocumentSchema.safeParse(result).success).toBe(true);
  });

  it("drops the keys of a node without a type", () => {
    const flat = flattenFlow(sampleFlow());
    flat.delete("node/goodbye/type");
    expect(unflattenFlow(flat).nodes.map((n) => n.id)).toEqual(["start", "welcome", "menu"]);
  });

  it("keeps values of the wrong shape for the schema to reject rather than repairing them", () => {
    const flat = flattenFlow(sampleFlow());
    flat.set("variable/topic", "not an object");
    flat.set("node/menu/position", "left");
    expect(flowDocumentSchema.safeParse(unflattenFlow(flat)).success).toBe(false);
  });

  it("lets the key name the item and never touches a prototype", () => {
    const flat = flattenFlow(sampleFlow());
    flat.set("globalAction/help", { id: "other", trigger: { kind: "keyword", keywords: ["x"] }, target: "menu" });
    flat.set("node/welcome/data/__proto__", { polluted: true });
    const result = unflattenFlow(flat);
    expect(result.globalActions[0]?.id).toBe("help");
    const data = result.nodes[1]?.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
