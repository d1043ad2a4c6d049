import { describe, expect, it } from "vitest";
import { defaultNode, edited, nodeOf, sampleFlow, withoutNode } from "./test-fixtures.ts";
import { compareFlows, countChanges } from "./version-diff.ts";

describe("compareFlows", () => {
  it("finds two equal versions identical, whatever the order of items", () => {
    const reordered = edited(sampleFlow(), (draft) => {
      draft.nodes.reverse();
      draft.edges.reverse();
    });
    const comparison = compareFlows(sampleFlow(), reordered);
    expect(comparison.identical).toBe(true);
    expect(countChanges(comparison)).toBe(0);
  });

  it("lists added, removed and changed nodes with their changed fields", () => {
    const b = edited(withoutNode(sampleFlow(), "goodbye"), (draft) => {
      draft.nodes.push({ ...defaultNode("bye", "end", 0, 400), name: "Bye" } as never);
      Object.assign(nodeOf(draft, "welcome"), { position: { x: 10, y: 120 } });
      Object.assign(nodeOf(draft, "menu"), { name: "Main menu" });
      const menu = nodeOf(draft, "menu").data as { prompt: string; options: { label: string }[] };
      menu.prompt = "Choose";
      (menu.options[0] as { label: string }).label = "First";
    });
    const { nodes, edges } = compareFlows(sampleFlow(), b);
    expect(nodes.added).toEqual([{ id: "bye", type: "end", name: "Bye" }]);
    expect(nodes.removed).toEqual([{ id: "goodbye", type: "end" }]);
    expect(nodes.changed).toEqual([
      { id: "welcome", type: "message", fields: ["position"] },
      { id: "menu", type: "quick-reply", name: "Main menu", fields: ["name", "data.prompt", "data.options"] },
    ]);
    expect(edges.added).toEqual([]);
    expect(edges.removed.map((e) => e.id)).toEqual(["e3"]);
  });

  it("shows a node whose type changed with the type among its fields", () => {
    const b = edited(sampleFlow(), (draft) => {
      draft.nodes[3] = { ...defaultNode("goodbye", "message", 0, 360) } as never;
    });
    expect(compareFlows(sampleFlow(), b).nodes.changed).toEqual([
      { id: "goodbye", type: "message", fields: ["type", "data.text", "data.message"] },
    ]);
  });

  it("shows a rewired edge as removed and added", () => {
    const b = edited(sampleFlow(), (draft) => {
      Object.assign(draft.edges[2] as object, { sourceHandle: "b" });
    });
    const { edges } = compareFlows(sampleFlow(), b);
    expect(edges.removed).toEqual([{ id: "e3", source: "menu", sourceHandle: "a", target: "goodbye" }]);
    expect(edges.added).toEqual([{ id: "e3", source: "menu", sourceHandle: "b", target: "goodbye" }]);
  });

  it("lists variables, global actions and settings by name", () => {
    const b = edited(sampleFlow(), (draft) => {
      draft.variables = [
        { name: "topic", type: "number" },
        { name: "email", type: "string" },
      ];
      draft.globalActions = [{ id: "restart", trigger: { kind: "keyword", keywords: ["restart"] }, target: "start" }];
      draft.settings.language = "fr";
    });
    const comparison = compareFlows(sampleFlow(), b);
    expect(comparison.variables).toEqual({ added: ["email"], removed: [], changed: ["topic"] });
    expect(comparison.globalActions).toEqual({ added: ["restart"], removed: ["help"], changed: [] });
    expect(comparison.settings).toEqual(["language"]);
    expect(comparison.identical).toBe(false);
    expect(countChanges(comparison)).toBe(5);
  });
});
