import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exportFlowDocument, MAX_PARSE_ISSUES, parseFlowDocument } from "../../src/document/import-export.ts";
import { locateJsonError, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_DEPTH } from "../../src/document/json-input.ts";
import { type FlowDocument, flowDocumentSchema } from "../../src/document/schema.ts";
import { type FlowPorts, initialState, runTurn } from "../../src/index.ts";
import type { FlowIssue } from "../../src/validation/issue.ts";

const seedText = readFileSync(new URL("../fixtures/seed-004-pm-assessment.v0.json", import.meta.url), "utf8");

const valid = () => ({
  version: 1,
  nodes: [
    { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
    { id: "hi", type: "message", name: "Hello", position: { x: 0, y: 100 }, data: { text: "Hello {{name}}" } },
    {
      id: "ask",
      type: "quick-reply",
      position: { x: 0, y: 200 },
      data: { prompt: "Pick", options: [{ id: "a", label: "A" }], variable: "pick" },
    },
    { id: "hook", type: "webhook", position: { x: 0, y: 300 }, data: { url: "https://example.com/{{pick}}" } },
    { id: "done", type: "end", position: { x: 0, y: 400 }, data: {} },
  ],
  edges: [
    { id: "e1", source: "start", target: "hi" },
    { id: "e2", source: "hi", target: "ask" },
    { id: "e3", source: "ask", sourceHandle: "a", target: "hook" },
    { id: "e4", source: "hook", sourceHandle: "success", target: "done" },
  ],
  variables: [{ name: "name", default: { tags: [1, null, true, { first: "Ada" }] } }],
  globalActions: [{ id: "bye", trigger: { kind: "keyword", keywords: ["bye"] }, target: "done" }],
});

function failure(input: unknown): FlowIssue[] {
  const result = parseFlowDocument(input);
  if (result.ok) throw new Error("expected a failure");
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(issue.severity).toBe("error");
    expect(issue.message.length).toBeGreaterThan(10);
  }
  return result.issues;
}

function ok(input: unknown) {
  const result = parseFlowDocument(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result;
}

describe("parseFlowDocument: valid input", () => {
  it("reads JSON text and objects the same, applying defaults", () => {
    const fromObject = ok(valid());
    const fromText = ok(JSON.stringify(valid()));
    expect(fromText.flow).toEqual(fromObject.flow);
    expect(fromObject.migratedFrom).toBeNull();
    expect(fromObject.issues).toEqual([]);
    expect(fromObject.flow.settings).toEqual({ language: "en", typingDelayMs: 600, stepBudget: 200 });
    expect(fromObject.flow.edges[0]?.sourceHandle).toBe("next");
  });

  it("accepts a byte order mark and surrounding whitespace", () => {
    expect(ok(`\uFEFF\n  ${JSON.stringify(valid())}\n`).flow.nodes).toHaveLength(5);
  });

  it("reads objects as JSON would send them (toJSON, undefined dropped), without touching the input", () => {
    const input = { ...valid(), nodes: valid().nodes.map((n) => ({ ...n, name: undefined })), extra: () => 1 };
    const before = JSON.stringify(input);
    const result = ok(input);
    expect(result.flow.nodes[1]?.name).toBeUndefined();
    expect(JSON.stringify(input)).toBe(before);
    const dated = { ...valid(), settings: { language: { toJSON: () => "fr" } } };
    expect(ok(dated).flow.settings.language).toBe("fr");
  });

  it("reports edges, global actions and jumps to missing nodes as issues but still loads", () => {
    const doc = valid();
    doc.edges.push({ id: "e5", source: "ghost", target: "nowhere" });
    doc.globalActions.push({ id: "x", trigger: { kind: "keyword", keywords: ["x"] }, target: "gone" });
    doc.nodes.push({ id: "j", type: "jump", position: { x: 0, y: 0 }, data: { targetNodeId: "away" } } as never);
    const result = ok(doc);
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ["missing-source", "edges.4.source"],
      ["missing-target", "edges.4.target"],
      ["missing-target", "globalActions.1.target"],
      ["missing-target", "nodes.5.data"],
    ]);
    expect(result.issues[1]).toMatchObject({ edgeId: "e5", message: expect.stringContaining('"nowhere"') });
    expect(result.issues[3]).toMatchObject({ nodeId: "j", message: expect.stringContaining('"away"') });
  });
});

describe("parseFlowDocument: every malformed input class fails with a specific message", () => {
  it("invalid JSON names the line, column and position", () => {
    const [issue] = failure('{\n  "version": 1,\n  "nodes": [}\n}');
    expect(issue).toMatchObject({ code: "invalid-json" });
    expect(issue?.message).toBe(
      "Invalid JSON at line 3, column 13 (position 30): unexpected '}': a value is missing (a trailing comma?).",
    );
  });

  it.each([
    ['{"version": 1,}', "trailing comma", "line 1, column 15"],
    ["{'version': 1}", "property name in double quotes", "column 2"],
    ['{"version" 1}', "expected ':'", "column 12"],
    ['{"a": "unclosed', "not closed", "column 16"],
    ['{"a": "tab\there"}', "must be escaped", "column 11"],
    ['{"a": 01}', "expected ',' or '}'", "column 8"],
    ['{"a": tru}', "where a value was expected", "column 7"],
    ['{"a": 1} extra', "after the end of the document", "column 10"],
    ['{"a": [1, 2}', "expected ',' or ']'", "column 12"],
    ['{"a": "\\x"}', "not a valid escape", "column 8"],
    ["[", "ends where a value was expected", "column 2"],
  ])("invalid JSON %j → %s", (text, reason, where) => {
    const [issue] = failure(text);
    expect(issue?.code).toBe("invalid-json");
    expect(issue?.message).toContain(reason);
    expect(issue?.message).toContain(where);
  });

  it("empty text", () => {
    expect(failure("   ")).toEqual([
      expect.objectContaining({ code: "invalid-json", message: expect.stringContaining("empty") }),
    ]);
  });

  it.each([
    ["[]", "an array"],
    ["null", "null"],
    ['"text"', "a string"],
    ["42", "a number"],
    ["true", "true"],
  ])("not an object: %s", (text, kind) => {
    const [issue] = failure(text);
    expect(issue).toMatchObject({ code: "not-an-object", message: expect.stringContaining(`this is ${kind}.`) });
  });

  it("not an object when given as a value", () => {
    expect(failure(undefined)[0]?.code).toBe("not-an-object");
    expect(failure(12)[0]?.code).toBe("not-an-object");
    expect(failure([valid()])[0]?.code).toBe("not-an-object");
  });

  it("a newer version", () => {
    expect(failure({ ...valid(), version: 7 })).toEqual([
      {
        severity: "error",
        code: "unsupported-version",
        message: "This flow was made by a newer version (v7); this server reads up to v1.",
        path: "version",
      },
    ]);
  });

  it("no version, or a version that is not a whole number", () => {
    const { version: _drop, ...noVersion } = valid();
    expect(failure(noVersion)[0]).toMatchObject({ code: "missing-version", path: "version" });
    expect(failure({ ...valid(), version: "1" })[0]).toMatchObject({ code: "invalid-version", path: "version" });
  });

  it("schema failures name the path and the node", () => {
    const doc = valid();
    (doc.nodes[3] as { data: { url: unknown } }).data.url = 42;
    const issues = failure(doc);
    expect(issues).toEqual([
      {
        severity: "error",
        code: "invalid-document",
        path: "nodes.3.data.url",
        nodeId: "hook",
        message: 'nodes.3.data.url (node "hook"): Invalid input: expected string, received number',
      },
    ]);
  });

  it("missing fields say so; edge problems name the edge", () => {
    const doc = valid() as { edges: Array<Record<string, unknown>> };
    delete doc.edges[1]?.target;
    expect(failure(doc)).toEqual([
      {
        severity: "error",
        code: "invalid-document",
        path: "edges.1.target",
        edgeId: "e2",
        message: 'edges.1.target (edge "e2"): Required (string) but missing.',
      },
    ]);
  });

  it("unknown node types name the type and the known types", () => {
    const doc = valid();
    (doc.nodes[2] as { type: string }).type = "carousel";
    const [issue] = failure(doc);
    expect(issue).toMatchObject({ code: "invalid-document", path: "nodes.2.type", nodeId: "ask" });
    expect(issue?.message).toContain('Unknown node type "carousel"');
    for (const type of ["start", "message", "quick-reply", "collect-data", "ai-analysis", "webhook", "end"])
      expect(issue?.message).toContain(type);
    const untyped = valid();
    delete (untyped.nodes[2] as { type?: string }).type;
    expect(failure(untyped)[0]?.message).toContain('has no "type"');
  });

  it("root-level problems and bad triggers", () => {
    expect(failure({ version: 1 })[0]).toMatchObject({
      path: "nodes",
      message: "nodes: Required (array) but missing.",
    });
    const doc = valid();
    (doc.globalActions[0] as { trigger: unknown }).trigger = { kind: "regex" };
    expect(failure(doc)[0]?.message).toContain('"keyword" or "intent"');
  });

  it("duplicate ids", () => {
    const doc = valid();
    doc.nodes.push({ ...doc.nodes[1], position: { x: 1, y: 1 } } as never);
    doc.edges.push({ id: "e1", source: "hi", target: "ask" });
    const issues = failure(doc);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["duplicate-id", "nodes.5.id"],
      ["duplicate-id", "edges.4.id"],
    ]);
    expect(issues[0]?.message).toContain('"hi"');
  });

  it("documents over 5 MB, as text or as an object", () => {
    const big = { ...valid(), variables: [{ name: "blob", default: "x".repeat(MAX_DOCUMENT_BYTES) }] };
    expect(failure(JSON.stringify(big))[0]).toMatchObject({
      code: "too-large",
      message: expect.stringContaining("limit is 5 MB"),
    });
    // Just over the limit in bytes, though not in characters: the size is given.
    const bytes = JSON.stringify({ ...valid(), x: "é".repeat(MAX_DOCUMENT_BYTES / 2) });
    expect(failure(bytes)[0]?.message).toMatch(/^The document is 5\.\d MB of JSON; the limit is 5 MB\.$/);
    expect(failure(big)[0]).toMatchObject({ code: "too-large", message: expect.stringContaining("limit is 5 MB") });
    // Multi-byte text counts in bytes: 2 M of "é" is 4 MB; 3 M is 6 MB.
    expect(failure(JSON.stringify({ ...valid(), x: "é".repeat(3_000_000) }))[0]?.code).toBe("too-large");
    expect(parseFlowDocument(JSON.stringify({ ...valid(), x: "é".repeat(2_000_000) })).ok).toBe(true);
  });

  it("too many nodes are a schema issue; very many issues are capped", () => {
    const nodes = Array.from({ length: 5_001 }, (_, i) => ({
      id: `n${i}`,
      type: "end",
      position: { x: 0, y: 0 },
      data: {},
    }));
    expect(failure({ ...valid(), nodes })[0]).toMatchObject({
      path: "nodes",
      message: expect.stringContaining("5000"),
    });
    const broken = Array.from({ length: 500 }, (_, i) => ({ id: `n${i}`, type: "nope", position: {}, data: {} }));
    const issues = failure({ ...valid(), nodes: broken });
    expect(issues).toHaveLength(MAX_PARSE_ISSUES + 1);
    expect(issues.at(-1)).toMatchObject({
      code: "too-many-issues",
      message: expect.stringMatching(/and \d+ more problems/),
    });
  });

  it("deep nesting, as text or as an object", () => {
    const depth = 10_000;
    const text = `{"version":1,"nodes":[],"edges":[],"x":${"[".repeat(depth)}${"]".repeat(depth)}}`;
    expect(failure(text)[0]).toMatchObject({
      code: "too-deep",
      message: expect.stringContaining(`${MAX_DOCUMENT_DEPTH} levels`),
    });
    let deep: unknown = 1;
    for (let i = 0; i < depth; i++) deep = { d: deep };
    expect(failure({ ...valid(), variables: [{ name: "v", default: deep }] })[0]?.code).toBe("too-deep");
  });

  it("values JSON cannot hold: cycles and BigInts", () => {
    const cyclic: Record<string, unknown> = valid();
    (cyclic.variables as Array<Record<string, unknown>>)[0] = { name: "v", default: cyclic };
    expect(failure(cyclic)[0]).toMatchObject({
      code: "not-json",
      path: "variables.0.default",
      message: expect.stringContaining("circular"),
    });
    expect(failure({ ...valid(), version: 1n })[0]).toMatchObject({ code: "not-json", path: "version" });
  });

  it("hostile objects: throwing getters, toJSON and proxies", () => {
    const getter = Object.defineProperty(valid(), "nodes", {
      enumerable: true,
      get() {
        throw new Error("no nodes for you");
      },
    });
    expect(failure(getter)).toEqual([
      expect.objectContaining({ code: "unreadable-document", message: expect.stringContaining("no nodes for you") }),
    ]);
    expect(
      failure({
        toJSON: () => {
          throw "plain string";
        },
      })[0]?.code,
    ).toBe("unreadable-document");
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new TypeError("trap");
        },
      },
    );
    expect(failure(proxy)[0]?.code).toBe("unreadable-document");
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    expect(failure(revocable.proxy)[0]?.code).toBe("unreadable-document");
  });
});

describe("locateJsonError", () => {
  it("agrees with JSON.parse on valid documents", () => {
    for (const text of [seedText, JSON.stringify(valid(), null, 2), '"\\u00e9\\n"', "-0.5e+3", " [ ] ", "{}"]) {
      expect(locateJsonError(text)).toBeNull();
    }
  });
});

describe("exportFlowDocument", () => {
  it("writes pretty JSON with keys in schema order, whatever the order in memory", () => {
    // (Keys inside JSON values, such as a variable's default, are data: their order is kept.)
    const flow = ok(valid()).flow;
    const shuffled = JSON.parse(JSON.stringify(flow), (_key, value) =>
      value && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    ) as FlowDocument;
    const text = exportFlowDocument(shuffled);
    expect(text).toBe(exportFlowDocument(flow));
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n").slice(0, 4)).toEqual(["{", '  "version": 1,', '  "nodes": [', "    {"]);
    expect(Object.keys(JSON.parse(text))).toEqual([
      "version",
      "nodes",
      "edges",
      "variables",
      "globalActions",
      "settings",
    ]);
    const [first] = JSON.parse(text).nodes;
    expect(Object.keys(first)).toEqual(["id", "type", "position", "data"]);
    expect(Object.keys(JSON.parse(text).edges[0])).toEqual(["id", "source", "sourceHandle", "target"]);
    const hook = JSON.parse(text).nodes[3];
    expect(Object.keys(hook.data)).toEqual([
      "method",
      "url",
      "headers",
      "body",
      "timeoutMs",
      "retries",
      "responseMappings",
    ]);
  });

  it("round-trips through parseFlowDocument to an equal document", () => {
    for (const source of [valid(), seedText]) {
      const flow = ok(source).flow;
      const text = exportFlowDocument(flow);
      const again = ok(text);
      expect(again.flow).toEqual(flow);
      expect(again.migratedFrom).toBeNull();
      expect(exportFlowDocument(again.flow)).toBe(text);
    }
  });

  it("exports drafts that the schema would refuse, without throwing", () => {
    const draft = {
      ...ok(valid()).flow,
      nodes: [{ id: "x", type: "message", position: { x: 0, y: 0 }, data: { text: 1 } }],
    };
    expect(() => exportFlowDocument(draft as unknown as FlowDocument)).not.toThrow();
  });
});

describe("the migrated seed runs in the engine", () => {
  const ports: FlowPorts = { clock: { now: () => 0 }, random: { next: () => 0.5 } };

  it("greets, offers the project types, then asks the project details", async () => {
    const flow = flowDocumentSchema.parse(ok(seedText).flow);
    const first = await runTurn({ flow, state: initialState(), input: { type: "start" }, ports });
    expect(first.events.map((e) => e.type)).toEqual(["message", "choices"]);
    expect(first.events[1]).toMatchObject({
      options: expect.arrayContaining([{ id: "software", label: "Software Development" }]),
    });
    const second = await runTurn({ flow, state: first.state, input: { type: "choice", optionId: "software" }, ports });
    expect(second.state.vars.welcome_assessment).toBe("software");
    expect(second.events).toContainEqual(
      expect.objectContaining({ type: "input-request", field: expect.objectContaining({ name: "project_name" }) }),
    );
  });
});
