import { nodeDefinition, nodeForm } from "@pixel/flow";
import { describe, expect, it } from "vitest";
import {
  changedFields,
  getIn,
  groupIssues,
  insertAt,
  isVisible,
  itemMessages,
  jsonEqual,
  mergeWorking,
  messagesAt,
  moveItem,
  NO_ISSUES,
  setIn,
  shareStructure,
  storedValue,
  topField,
  unclaimedIssues,
} from "./form-model.ts";

describe("paths into form data", () => {
  const data = { text: "Hi", fields: [{ name: "a", type: "string" }, { name: "b" }], retry: { attempts: 2 } };

  it("reads values by dotted path, through arrays", () => {
    expect(getIn(data, "fields.1.name")).toBe("b");
    expect(getIn(data, "retry.attempts")).toBe(2);
    expect(getIn(data, "fields.5.name")).toBeUndefined();
    expect(getIn(data, "text.length")).toBeUndefined();
    expect(topField("fields.1.name")).toBe("fields");
  });

  it("sets values without touching the original, removing keys set to undefined", () => {
    const next = setIn(data, "fields.0.name", "z");
    expect(next.fields[0]).toEqual({ name: "z", type: "string" });
    expect(data.fields[0]?.name).toBe("a");
    expect(next.fields[1]).toBe(data.fields[1]);
    expect(next.retry).toBe(data.retry);
    expect(setIn(data, "text", undefined)).not.toHaveProperty("text");
    expect(setIn({}, "retry.attempts", 3)).toEqual({ retry: { attempts: 3 } });
  });
});

describe("comparing and sharing data", () => {
  it("compares JSON deeply, absent and undefined keys alike", () => {
    expect(jsonEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: [] }, { a: {} })).toBe(false);
  });

  it("keeps the identity of unchanged parts, and of everything when nothing changed", () => {
    const prev = { a: { x: 1 }, list: [{ id: 1 }, { id: 2 }], s: "t" };
    const same = structuredClone(prev);
    expect(shareStructure(prev, same)).toBe(prev);
    const next = shareStructure(prev, { ...same, list: [{ id: 1 }, { id: 3 }] });
    expect(next.a).toBe(prev.a);
    expect(next.list[0]).toBe(prev.list[0]);
    expect(next.list[1]).toEqual({ id: 3 });
  });

  it("lists the top-level fields an edit changed, added or removed", () => {
    expect(changedFields({ a: 1, b: [1], c: "x" }, { a: 1, b: [2], d: true })).toEqual(["b", "c", "d"]);
  });
});

describe("re-syncing the working copy", () => {
  const base = { text: "one", url: "https://a.example", delay: 100 };

  it("takes what changed elsewhere and keeps local edits of fields nobody else changed", () => {
    const local = { ...base, url: "not a url" };
    const remote = { ...base, text: "two (undo)" };
    expect(mergeWorking(base, local, remote, null)).toEqual({ text: "two (undo)", url: "not a url", delay: 100 });
  });

  it("never overwrites the focused field", () => {
    const local = { ...base, text: "typing" };
    const remote = { ...base, text: "teammate", delay: 300 };
    expect(mergeWorking(base, local, remote, "text")).toEqual({ ...base, text: "typing", delay: 300 });
  });

  it("drops fields removed elsewhere", () => {
    const remote: Record<string, unknown> = { text: "one", delay: 100 };
    expect(mergeWorking(base, base, remote, null)).toEqual({ text: "one", delay: 100 });
  });
});

describe("schema issues on fields", () => {
  it("groups messages by path, in words a builder reads", () => {
    const issues = groupIssues([
      { path: ["imageUrl"], message: "Invalid URL" },
      { path: ["imageUrl"], message: "Invalid URL" },
      { path: ["typingDelayMs"], message: "Invalid input: expected number, received undefined" },
      { path: ["options", 1], message: "Too small" },
    ]);
    expect(messagesAt(issues, "imageUrl")).toEqual(["Invalid URL"]);
    expect(messagesAt(issues, "typingDelayMs")).toEqual(["Required"]);
    expect(messagesAt(issues, "text")).toEqual([]);
    expect(itemMessages(issues, "options", "Option")).toEqual(["Option 2: Too small"]);
    expect(groupIssues([])).toBe(NO_ISSUES);
  });

  it("maps a real node schema's issues to the form's paths", () => {
    const schema = nodeDefinition("message")?.schema;
    const candidate = setIn({ text: "Hi" }, "imageUrl", "not a url");
    const result = schema?.safeParse(candidate);
    expect(result?.success).toBe(false);
    const issues = groupIssues(result?.success === false ? result.error.issues : []);
    expect([...issues.keys()]).toEqual(["imageUrl"]);
    const fields = nodeForm("message")?.fields ?? [];
    expect(unclaimedIssues(issues, fields, candidate)).toEqual([]);
  });

  it("lists issues no visible field shows, such as hidden item ids", () => {
    const fields = nodeForm("quick-reply")?.fields ?? [];
    const data = { prompt: "?", options: [{ id: "", label: "Yes" }], allowFreeText: true };
    const issues = groupIssues([
      { path: ["options", 0, "id"], message: "Ids use letters" },
      { path: ["options", 0, "label"], message: "Too long" },
      { path: ["options"], message: "Option ids must be unique" },
      { path: [], message: "Whole node" },
    ]);
    expect(unclaimedIssues(issues, fields, data)).toEqual([
      { path: "options.0.id", message: "Ids use letters" },
      { path: "", message: "Whole node" },
    ]);
  });
});

describe("inputs", () => {
  it("removes the key of an emptied optional field only", () => {
    expect(storedValue({ optional: true }, "  ")).toBeUndefined();
    expect(storedValue({ optional: true }, [])).toBeUndefined();
    expect(storedValue({ optional: true }, 0)).toBe(0);
    expect(storedValue({}, "")).toBe("");
  });

  it("shows a field only while its sibling holds one of the listed values", () => {
    const field = nodeForm("ai-step")?.fields.find((f) => f.key === "exitPhrases");
    expect(field && isVisible(field, { mode: "chat" })).toBe(true);
    expect(field && isVisible(field, { mode: "once" })).toBe(false);
  });

  it("inserts a placeholder at the cursor, replacing the selection", () => {
    expect(insertAt("Hello !", 6, 6, "{{name}}")).toEqual({ text: "Hello {{name}}!", caret: 14 });
    expect(insertAt("Hello you", 6, 9, "{{name}}")).toEqual({ text: "Hello {{name}}", caret: 14 });
    expect(insertAt("Hi", 99, 99, "{{x}}")).toEqual({ text: "Hi{{x}}", caret: 7 });
  });

  it("moves list items up and down within bounds", () => {
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b"], 0, -1)).toEqual(["a", "b"]);
  });
});
