import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseFlowDocument } from "../../src/document/import-export.ts";
import { conditionBranch, migrateV0ToV1 } from "../../src/document/migrate-v0.ts";
import {
  documentVersion,
  FLOW_MIGRATIONS,
  type FlowMigration,
  migrateToCurrent,
} from "../../src/document/migrations.ts";
import type { FlowDocument, FlowNode } from "../../src/document/schema.ts";
import type { FlowIssue } from "../../src/validation/issue.ts";

const seedText = readFileSync(new URL("../fixtures/seed-004-pm-assessment.v0.json", import.meta.url), "utf8");
const seed = (): Record<string, unknown> => JSON.parse(seedText);

function importOk(input: unknown): { flow: FlowDocument; issues: FlowIssue[]; migratedFrom: number | null } {
  const result = parseFlowDocument(input);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.issues, null, 2)}`);
  return result;
}

function node(flow: FlowDocument, id: string): FlowNode {
  const found = flow.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

function edgesFrom(flow: FlowDocument, source: string): Array<[string, string]> {
  return flow.edges.filter((e) => e.source === source).map((e) => [e.sourceHandle, e.target]);
}

/** A one-step v0 flow around the given node. */
function v0(...nodes: unknown[]): Record<string, unknown> {
  return { start_node: "a", nodes };
}

describe("seed 004: pm-project-assessment-v1 (v0)", () => {
  const { flow, issues, migratedFrom } = importOk(seedText);

  it("is recognised as version 0 and migrated to the current version", () => {
    expect(migratedFrom).toBe(0);
    expect(flow.version).toBe(1);
    expect(migrateToCurrent(seed())).toMatchObject({ from: 0, applied: [1] });
  });

  it("has a start node before start_node, and every old step", () => {
    expect(flow.nodes.map((n) => [n.id, n.type])).toEqual([
      ["start", "start"],
      ["welcome_assessment", "message"],
      ["welcome_assessment_choices", "quick-reply"],
      ["project_details", "collect-data"],
      ["methodology_recommendation", "ai-analysis"],
      ["charter_creation_offer", "quick-reply"],
    ]);
    expect(edgesFrom(flow, "start")).toEqual([["next", "welcome_assessment"]]);
    expect(node(flow, "welcome_assessment").name).toBe("Project Assessment Welcome");
  });

  it("splits the message with quick replies into a message and a quick reply; every choice continues to the connection", () => {
    expect(node(flow, "welcome_assessment").data).toEqual({
      text: "Let's assess your project and recommend the best management approach. What type of project are you starting?",
    });
    const choices = node(flow, "welcome_assessment_choices");
    expect(choices.data).toMatchObject({
      prompt: "",
      allowFreeText: true,
      options: [
        { id: "software", label: "Software Development", value: "software" },
        { id: "marketing", label: "Marketing Campaign", value: "marketing" },
        { id: "construction", label: "Construction", value: "construction" },
        { id: "event", label: "Event Planning", value: "event" },
        { id: "other", label: "Other", value: "other" },
      ],
    });
    expect(edgesFrom(flow, "welcome_assessment")).toEqual([["next", "welcome_assessment_choices"]]);
    expect(edgesFrom(flow, "welcome_assessment_choices")).toEqual([
      ["software", "project_details"],
      ["marketing", "project_details"],
      ["construction", "project_details"],
      ["event", "project_details"],
      ["other", "project_details"],
      ["fallback", "project_details"],
    ]);
  });

  it("maps data_collection to collect-data with its fields", () => {
    expect(node(flow, "project_details").data).toEqual({
      mode: "conversational",
      fields: [
        { name: "project_name", label: "Project Name", type: "text", required: true },
        {
          name: "timeline",
          label: "Expected Timeline",
          type: "select",
          required: false,
          options: ["< 1 month", "1-3 months", "3-6 months", "6-12 months", "> 1 year"],
        },
        { name: "team_size", label: "Team Size", type: "number", required: false, min: 1, max: 1000 },
        {
          name: "budget_range",
          label: "Budget Range",
          type: "select",
          required: false,
          options: ["< $10K", "$10K-$50K", "$50K-$250K", "$250K-$1M", "> $1M"],
        },
        {
          name: "requirements_stability",
          label: "How stable are your requirements?",
          type: "select",
          required: false,
          options: ["Very stable", "Mostly stable", "Some changes expected", "Highly uncertain"],
        },
      ],
    });
    expect(edgesFrom(flow, "project_details")).toEqual([["next", "methodology_recommendation"]]);
  });

  it("maps ai_analysis to ai-analysis: instructions from analysis_prompt, fields from output_format", () => {
    expect(node(flow, "methodology_recommendation").data).toMatchObject({
      model: "",
      instructions:
        "Based on project type, timeline, team size, and requirements stability, recommend the most suitable project management methodology",
      fields: [
        { name: "recommended_methodology", type: "string" },
        { name: "reasoning", type: "string" },
        { name: "next_steps", type: "array" },
        { name: "templates_offered", type: "array" },
      ],
    });
    expect(edgesFrom(flow, "methodology_recommendation")).toEqual([["next", "charter_creation_offer"]]);
  });

  it("maps quick_reply with option targets to one edge per option", () => {
    expect(node(flow, "charter_creation_offer").data).toMatchObject({
      prompt:
        "Great! Based on your project, I recommend {{recommended_methodology}}. {{reasoning}} Would you like me to help you create a project charter?",
      options: [
        { id: "create_charter", label: "Yes, create charter", value: "create_charter" },
        { id: "skip_charter", label: "Skip to planning", value: "skip_charter" },
        { id: "methodology_details", label: "Tell me more about methodology", value: "methodology_details" },
      ],
    });
    expect(edgesFrom(flow, "charter_creation_offer")).toEqual([
      ["create_charter", "charter_creation"],
      ["skip_charter", "planning_guidance"],
      ["methodology_details", "methodology_explanation"],
    ]);
  });

  it("maps global_actions to keyword global actions", () => {
    expect(flow.globalActions).toEqual([
      {
        id: "risk_assessment",
        label: "risk_assessment",
        trigger: { kind: "keyword", keywords: ["risk", "problem", "issue", "concern"] },
        target: "risk_identification_flow",
      },
      {
        id: "team_help",
        label: "team_help",
        trigger: { kind: "keyword", keywords: ["team", "people", "stakeholder", "resource"] },
        target: "stakeholder_analysis_flow",
      },
    ]);
  });

  it("reports each missing target as an error naming it, without inventing nodes", () => {
    const missing = issues.filter((i) => i.code === "missing-target");
    const named = [
      "charter_creation",
      "planning_guidance",
      "methodology_explanation",
      "risk_identification_flow",
      "stakeholder_analysis_flow",
    ];
    expect(missing).toHaveLength(named.length);
    for (const target of named) {
      const issue = missing.find((i) => i.message.includes(`"${target}"`));
      expect(issue, target).toMatchObject({ severity: "error" });
    }
    expect(missing.find((i) => i.message.includes('charter_creation"'))).toMatchObject({
      nodeId: "charter_creation_offer",
      path: expect.stringMatching(/^edges\.\d+\.target$/),
    });
    expect(missing.find((i) => i.message.includes("risk_identification_flow"))).toMatchObject({
      path: "globalActions.0.target",
    });
    for (const target of named) expect(flow.nodes.some((n) => n.id === target)).toBe(false);
  });

  it("warns about what was not carried over", () => {
    const warnings = issues.filter((i) => i.severity === "warning");
    expect(warnings).toContainEqual(
      expect.objectContaining({
        code: "migration-dropped",
        nodeId: "methodology_recommendation",
        message: expect.stringContaining("recommendation_factors"),
      }),
    );
    expect(warnings).toContainEqual(
      expect.objectContaining({ nodeId: "welcome_assessment", message: expect.stringContaining("icon") }),
    );
    expect(warnings).toContainEqual(
      expect.objectContaining({ code: "migration-review", nodeId: "methodology_recommendation" }),
    );
  });

  it("lays nodes out on a grid without overlaps", () => {
    const spots = flow.nodes.map((n) => `${n.position.x},${n.position.y}`);
    expect(new Set(spots).size).toBe(spots.length);
    expect(node(flow, "start").position).toEqual({ x: 0, y: 0 });
  });

  it("does not modify its input", () => {
    const input = seed();
    const copy = structuredClone(input);
    migrateToCurrent(input);
    expect(input).toEqual(copy);
  });
});

describe("version detection and the migration registry", () => {
  it("reads the version of current, old and unknown documents", () => {
    expect(documentVersion({ version: 1, nodes: [] })).toBe(1);
    expect(documentVersion({ start_node: "a", nodes: [] })).toBe(0);
    expect(documentVersion({ version: 0, start_node: "a" })).toBe(0);
    expect(documentVersion({ version: 7 })).toEqual({
      error: expect.objectContaining({
        code: "unsupported-version",
        message: "This flow was made by a newer version (v7); this server reads up to v1.",
        path: "version",
      }),
    });
    expect(documentVersion({ version: "1.0.0" })).toEqual({
      error: expect.objectContaining({ code: "invalid-version", message: expect.stringContaining('"1.0.0"') }),
    });
    expect(documentVersion({ version: "1.0.0", start_node: "a" })).toBe(0);
    expect(documentVersion({ version: -1 })).toMatchObject({ error: { code: "invalid-version" } });
    expect(documentVersion({ version: 1.5 })).toMatchObject({ error: { code: "invalid-version" } });
    expect(documentVersion({ nodes: [] })).toMatchObject({ error: { code: "missing-version" } });
    expect(documentVersion([])).toMatchObject({ error: { code: "not-an-object" } });
  });

  it("leaves current documents alone", () => {
    const doc = { version: 1, nodes: [], edges: [] };
    expect(migrateToCurrent(doc)).toEqual({ doc, from: 1, applied: [], issues: [] });
  });

  it("registers migrations in order, from 0 to the current version", () => {
    expect(FLOW_MIGRATIONS.map((m) => [m.from, m.to])).toEqual([[0, 1]]);
  });

  it("applies a chain of migrations in order", () => {
    const migrations: FlowMigration[] = [
      { from: 1, to: 2, description: "", migrate: (d) => ({ ...(d as object), version: 2, b: true }) },
      { from: 0, to: 1, description: "", migrate: (d) => ({ ...(d as object), version: 1, a: true }) },
    ];
    const result = migrateToCurrent({ version: 0 }, { migrations, current: 2 });
    expect(result).toEqual({ doc: { version: 2, a: true, b: true }, from: 0, applied: [1, 2], issues: [] });
  });

  it("reports a missing or failing migration instead of throwing", () => {
    expect(migrateToCurrent({ version: 0 }, { migrations: [], current: 1 })).toMatchObject({
      error: { code: "migration-failed" },
    });
    const boom: FlowMigration = {
      from: 0,
      to: 1,
      description: "",
      migrate: () => {
        throw new Error("boom");
      },
    };
    expect(migrateToCurrent({ version: 0 }, { migrations: [boom], current: 1 })).toMatchObject({
      error: { code: "migration-failed", message: expect.stringContaining("boom") },
    });
  });
});

describe("v0 → v1: other step types", () => {
  it("ai_response / ai → ai-step, with error connections on the error output", () => {
    const { flow } = importOk(
      v0(
        {
          id: "a",
          type: "ai_response",
          name: "Answer",
          config: { prompt: "Answer {{last_message}}", system_prompt: "Be brief", temperature: 0.3, save_to: "answer" },
          connections: [
            { target: "b", condition: "always" },
            { target: "c", condition: "on_error" },
          ],
        },
        { id: "b", type: "ai", config: {} },
        { id: "c", type: "end", config: { message: "Bye" } },
      ),
    );
    expect(node(flow, "a")).toMatchObject({
      type: "ai-step",
      data: {
        model: "",
        prompt: "Answer {{last_message}}",
        systemPrompt: "Be brief",
        temperature: 0.3,
        saveTo: "answer",
      },
    });
    expect(node(flow, "b")).toMatchObject({ type: "ai-step", data: { prompt: "{{last_message}}" } });
    expect(edgesFrom(flow, "a")).toEqual([
      ["next", "b"],
      ["error", "c"],
    ]);
  });

  it("human_handoff → human-handoff and end → end; their connections are reported, not kept", () => {
    const { flow, issues } = importOk(
      v0(
        { id: "a", type: "human_handoff", config: { reason: "asked" }, connections: [{ target: "b" }] },
        { id: "b", type: "end", config: {} },
      ),
    );
    expect(node(flow, "a")).toMatchObject({
      type: "human-handoff",
      data: { message: expect.stringContaining("connecting you"), reason: "asked" },
    });
    expect(node(flow, "b")).toMatchObject({ type: "end", data: {} });
    expect(edgesFrom(flow, "a")).toEqual([]);
    expect(issues).toContainEqual(expect.objectContaining({ code: "migration-dropped", nodeId: "a" }));
  });

  it("condition → condition when the expression is simple, with true/false connections", () => {
    const { flow } = importOk({
      start_node: "a",
      conditions: { has_email: "email !== null && plan == 'pro'" },
      nodes: [
        {
          id: "a",
          type: "condition",
          config: { condition: "has_email" },
          connections: [
            { target: "b", condition: "true" },
            { target: "c", condition: "false" },
          ],
        },
        { id: "b", type: "end" },
        { id: "c", type: "end" },
      ],
    });
    expect(node(flow, "a")).toMatchObject({
      type: "condition",
      data: {
        branches: [
          {
            id: "true",
            label: "has_email",
            combinator: "and",
            rules: [
              { variable: "email", operator: "is_set" },
              { variable: "plan", operator: "equals", value: "pro" },
            ],
          },
        ],
      },
    });
    expect(edgesFrom(flow, "a")).toEqual([
      ["true", "b"],
      ["else", "c"],
    ]);
  });

  it("condition that cannot be expressed → unsupported message step with a warning", () => {
    const { flow, issues } = importOk(
      v0(
        { id: "a", type: "condition", name: "Hours", config: { condition: "hour >= 9 && hour <= 17" } },
        { id: "b", type: "end" },
      ),
    );
    expect(node(flow, "a")).toMatchObject({ type: "message", data: { text: "Unsupported step condition: Hours" } });
    expect(issues).toContainEqual(
      expect.objectContaining({ severity: "warning", code: "unsupported-step", nodeId: "a" }),
    );
  });

  it("parses simple expressions into rules", () => {
    expect(conditionBranch("score > 7 || vip")).toEqual({
      combinator: "or",
      rules: [
        { variable: "score", operator: "greater_than", value: "7" },
        { variable: "vip", operator: "is_set" },
      ],
    });
    expect(conditionBranch('country != "FR"')).toEqual({
      combinator: "and",
      rules: [{ variable: "country", operator: "not_equals", value: "FR" }],
    });
    expect(conditionBranch("a && b || c")).toBeNull();
    expect(conditionBranch("user.email !== null")).toBeNull();
    expect(conditionBranch("hour >= 9")).toBeNull();
  });

  it("unknown types → a message saying so, keeping the path on, plus a warning", () => {
    const { flow, issues } = importOk(
      v0(
        { id: "a", type: "carousel", name: "Products", config: {}, connections: [{ target: "b" }] },
        { id: "b", type: "end" },
      ),
    );
    expect(node(flow, "a")).toMatchObject({ type: "message", data: { text: "Unsupported step carousel: Products" } });
    expect(edgesFrom(flow, "a")).toEqual([["next", "b"]]);
    expect(issues).toContainEqual(
      expect.objectContaining({
        severity: "warning",
        code: "unsupported-step",
        message: expect.stringContaining("carousel"),
      }),
    );
  });

  it("jump and webhook steps", () => {
    const { flow } = importOk(
      v0(
        {
          id: "a",
          type: "webhook",
          config: { url: "https://example.com/x", method: "get", headers: { "X-Key": "1" } },
          connections: [{ target: "b" }, { target: "c", condition: "failure" }],
        },
        { id: "b", type: "goto", config: { target: "a" } },
        { id: "c", type: "end" },
      ),
    );
    expect(node(flow, "a")).toMatchObject({
      type: "webhook",
      data: { url: "https://example.com/x", method: "GET", headers: [{ name: "X-Key", value: "1" }] },
    });
    expect(edgesFrom(flow, "a")).toEqual([
      ["success", "b"],
      ["failure", "c"],
    ]);
    expect(node(flow, "b")).toMatchObject({ type: "jump", data: { targetNodeId: "a" } });
  });

  it("data_collection field types: synonyms, unknown → text with a warning, select without options → text", () => {
    const { flow, issues } = importOk(
      v0({
        id: "a",
        type: "data_collection",
        config: {
          message: "A few questions",
          fields: [
            { name: "phone", label: "Phone", type: "tel", required: true },
            { name: "colour", label: "Colour", type: "color" },
            { name: "size", label: "Size", type: "dropdown", options: [{ text: "S", value: "s" }, "M"] },
            { name: "plan", label: "Plan", type: "select" },
            { name: "first name", type: "text" },
          ],
        },
      }),
    );
    const data = node(flow, "a").data as { intro: string; fields: Array<Record<string, unknown>> };
    expect(data.intro).toBe("A few questions");
    expect(data.fields.map((f) => [f.name, f.type])).toEqual([
      ["phone", "phone"],
      ["colour", "text"],
      ["size", "select"],
      ["plan", "text"],
      ["first_name", "text"],
    ]);
    expect(data.fields[2]?.options).toEqual(["S", "M"]);
    expect(data.fields[4]?.label).toBe("first name");
    const changed = issues.filter((i) => i.code === "migration-changed").map((i) => i.message);
    expect(changed).toEqual([
      expect.stringContaining('"color"'),
      expect.stringContaining("no options"),
      expect.stringContaining('"first_name"'),
    ]);
  });

  it("ai_analysis output types: number/boolean/unknown", () => {
    const { flow, issues } = importOk(
      v0({
        id: "a",
        type: "ai_analysis",
        config: {
          analysis_prompt: "Score {{lead}}",
          output_format: { score: "number", hot: "boolean", meta: "object" },
        },
      }),
    );
    expect((node(flow, "a").data as { fields: unknown[] }).fields).toEqual([
      { name: "score", type: "number", description: "" },
      { name: "hot", type: "boolean", description: "" },
      { name: "meta", type: "string", description: "" },
    ]);
    expect(issues.some((i) => i.code === "migration-review")).toBe(false);
    expect(issues).toContainEqual(
      expect.objectContaining({ code: "migration-changed", message: expect.stringContaining("object") }),
    );
  });

  it("cleans and de-duplicates ids, and connections follow the renamed step", () => {
    const { flow, issues } = importOk({
      start_node: "first step",
      nodes: [
        { id: "first step", type: "message", config: { message: "1" }, connections: [{ target: "dup" }] },
        { id: "dup", type: "message", config: { message: "2" } },
        { id: "dup", type: "message", config: { message: "3" } },
        { id: "start", type: "message", config: { message: "4" } },
      ],
    });
    expect(flow.nodes.map((n) => [n.id, n.type])).toEqual([
      ["start_2", "start"],
      ["first_step", "message"],
      ["dup", "message"],
      ["dup_2", "message"],
      ["start", "message"],
    ]);
    expect(edgesFrom(flow, "start_2")).toEqual([["next", "first_step"]]);
    expect(edgesFrom(flow, "first_step")).toEqual([["next", "dup"]]);
    expect(issues.filter((i) => i.code === "migration-renamed").map((i) => i.nodeId)).toEqual(["first_step", "dup_2"]);
  });

  it("global actions: intents, arrays, and actions without keywords or target", () => {
    const { flow, issues } = importOk({
      start_node: "a",
      nodes: [{ id: "a", type: "end" }],
      global_actions: [
        { name: "help me", examples: ["I need help"], target: "a" },
        { name: "empty", keywords: [], target: "a" },
        { name: "nowhere", keywords: ["x"] },
      ],
    });
    expect(flow.globalActions).toEqual([
      { id: "help_me", label: "help me", trigger: { kind: "intent", examples: ["I need help"] }, target: "a" },
    ]);
    expect(issues.filter((i) => i.code === "migration-dropped").map((i) => i.message)).toEqual([
      expect.stringContaining('"empty"'),
      expect.stringContaining('"nowhere"'),
    ]);
  });

  it("keeps going on garbage inside an old document", () => {
    const result = migrateV0ToV1({ start_node: 5, nodes: [null, 3, { type: 7 }], global_actions: "x", extra: 1 });
    expect(result).toMatchObject({ version: 1 });
    expect(parseFlowDocument({ start_node: 5, nodes: [null, 3, { type: 7 }], global_actions: "x" }).ok).toBe(true);
  });

  it("a schema problem in a migrated document names the node", () => {
    const result = parseFlowDocument(v0({ id: "a", type: "quick_reply", config: { message: "Pick", options: [] } }));
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({
      code: "invalid-document",
      nodeId: "a",
      path: "nodes.1.data.options",
      message: expect.stringContaining("Add at least one option"),
    });
  });
});
