import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Conversation, FakeAi, fakePorts, ofType, said, single, types } from "../../test/helpers/index.ts";
import { flowDocumentSchema } from "../document/schema.ts";
import type { FieldSpec, FlowEvent } from "../engine/events.ts";
import { TEMPLATE_SEEDS as FROM_PACKAGE } from "../index.ts";
import type { AiStepData } from "../nodes/ai-step/node.ts";
import type { ExpertHandoffData } from "../nodes/expert-handoff/node.ts";
import type { MessageData } from "../nodes/message/node.ts";
import type { QuickReplyData } from "../nodes/quick-reply/node.ts";
import { validateFlow } from "../validation/validate.ts";
import { EXPERTS_BY_KEY } from "./collaboration/collaboration-flow.ts";
import { ESCALATION_KEYWORDS } from "./experts/expert-flow.ts";
import { TEMPLATE_SEEDS, type TemplateSeed } from "./index.ts";

const experts = TEMPLATE_SEEDS.filter((t) => t.kind === "expert");
const collaborations = TEMPLATE_SEEDS.filter((t) => t.kind === "collaboration");
const assessment = TEMPLATE_SEEDS.find((t) => t.kind === "assessment") as TemplateSeed;

/** A valid answer for a field, as a user would type it. */
function answerFor(field: FieldSpec): string {
  switch (field.type) {
    case "select":
      return field.options?.[0] ?? "";
    case "number":
      return String(field.min ?? 1);
    case "email":
      return "ada@example.com";
    case "phone":
      return "+44 20 7946 0958";
    case "date":
      return "2026-03-01";
    default:
      return `Answer to ${field.name}`;
  }
}

/** Answers every input request until the node stops asking; returns the turn that did not ask again. */
async function fillFields(
  chat: Conversation,
  events: FlowEvent[],
): Promise<{ events: FlowEvent[]; answered: string[] }> {
  const answered: string[] = [];
  let turn = events;
  for (let request = ofType(turn, "input-request").at(-1); request; request = ofType(turn, "input-request").at(-1)) {
    expect(request.error).toBeUndefined();
    answered.push(request.field.name);
    turn = await chat.say(answerFor(request.field));
  }
  return { events: turn, answered };
}

describe("template catalogue (seed 004)", () => {
  it("has the eight experts, six collaborations and the assessment flow, exported by the package", () => {
    expect(FROM_PACKAGE).toBe(TEMPLATE_SEEDS);
    expect(experts.map((t) => t.name)).toEqual([
      "AI Finance & Accounting Expert",
      "AI Executive Personal Assistant",
      "AI Marketing & Sales Strategist",
      "AI Creative Design Specialist",
      "AI Project Management Expert",
      "AI Legal Consultant",
      "AI HR & People Operations Expert",
      "AI Digital Business Think Tank",
    ]);
    expect(collaborations.map((t) => t.slug)).toEqual([
      "marketing-campaign-planning",
      "business-expansion-planning",
      "product-launch-coordination",
      "digital-innovation-strategy",
      "startup-ideation-to-launch",
      "emerging-technology-adoption",
    ]);
    expect(assessment.name).toBe("Project Assessment and Setup Flow");
  });

  it("has unique slugs and complete metadata", () => {
    expect(new Set(TEMPLATE_SEEDS.map((t) => t.slug)).size).toBe(TEMPLATE_SEEDS.length);
    for (const t of TEMPLATE_SEEDS) {
      expect(t.slug, t.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const key of [
        "name",
        "description",
        "category",
        "industry",
        "useCase",
        "previewEmoji",
        "seoTitle",
        "seoDescription",
      ] as const) {
        expect(t[key].trim().length, `${t.slug}.${key}`).toBeGreaterThan(0);
      }
      expect(t.version).toBe("1.0.0");
      expect(t.tags.length, t.slug).toBeGreaterThan(0);
      expect(t.languages).toContain(t.defaultLanguage);
      expect(t.setupMinutes).toBeGreaterThan(0);
      expect(t.seoDescription.length).toBeLessThanOrEqual(160);
      expect(t.themeColors.primary).toMatch(/^#[0-9A-F]{6}$/i);
      expect(t.themeColors.accent).toMatch(/^#[0-9A-F]{6}$/i);
      expect(["beginner", "intermediate", "advanced"]).toContain(t.complexity);
      expect(["free", "pro", "enterprise"]).toContain(t.priceTier);
    }
  });

  describe.each(TEMPLATE_SEEDS.map((t) => [t.slug, t] as const))("%s", (_slug, template) => {
    it("is a parsed document that validates without errors", () => {
      expect(flowDocumentSchema.parse(template.flow)).toEqual(template.flow);
      const { errors, warnings } = validateFlow(template.flow);
      expect(errors).toEqual([]);
      // Warnings are allowed; none are expected today. Listed here if any appear.
      expect(warnings.map((w) => `${w.code}: ${w.message}`)).toEqual([]);
      const models = template.flow.nodes.flatMap((n) => (n.type === "ai-step" ? [(n.data as AiStepData).model] : []));
      expect(models.length).toBeGreaterThan(0);
      for (const model of models) expect(model).toBe("openai:gpt-4o-mini");
    });
  });
});

describe.each(experts.map((t) => [t.slug, t] as const))("expert %s end to end", (_slug, template) => {
  const menu = template.flow.nodes.find((n) => n.id === "area_menu");
  const options = menu?.type === "quick-reply" ? (menu.data as QuickReplyData).options : [];

  it("welcomes, offers the expertise areas, answers with the AI and escalates to a person", async () => {
    const ai = new FakeAi()
      .text({ chunks: ["Here is how", " I can help."] })
      .text({ chunks: ["A follow-up", " answer."] });
    const chat = new Conversation(template.flow, fakePorts({ ai }));
    const welcome = template.flow.nodes.find((n) => n.id === "welcome");

    let turn = await chat.start();
    expect(types(turn)).toEqual(["message", "choices"]);
    expect(single(turn, "message").text).toBe(welcome?.type === "message" ? (welcome.data as MessageData).text : "");
    expect(single(turn, "choices").options.length).toBeGreaterThanOrEqual(10);

    // The first area; a collect-data step first when the seed gathers data for it.
    const first = options[0] as { id: string; label: string };
    turn = await chat.choose(first.id);
    expect(chat.vars.expertise_area).toBe(first.label);
    turn = (await fillFields(chat, turn)).events;
    expect(said(turn)).toEqual(["Here is how I can help."]);
    expect(types(turn).filter((t) => t.startsWith("text-"))).toEqual([
      "text-start",
      "text-delta",
      "text-delta",
      "text-end",
    ]);
    expect(ofType(turn, "text-delta").map((e) => e.delta)).toEqual(["Here is how", " I can help."]);
    const request = ai.textRequests[0];
    expect(request?.modelPreference.model).toBe("openai:gpt-4o-mini");
    expect(request?.system).toContain(`Focus area: ${first.label}.`);
    expect(request?.prompt).toContain(first.label);
    expect(chat.state.status).toBe("waiting");

    // Chat mode: the user keeps asking.
    turn = await chat.say("Can you give me an example?");
    expect(said(turn)).toEqual(["A follow-up answer."]);
    expect(ai.textRequests[1]?.prompt).toContain("Can you give me an example?");

    // Escalation from the middle of the chat.
    turn = await chat.say("I'd like to speak to someone please");
    expect(types(turn)).toEqual(["handoff", "end"]);
    expect(single(turn, "handoff").nodeId).toBe("human_handoff");
    expect(chat.state.status).toBe("handoff");
    expect(ai.pending).toBe(0);
  });

  it("leaves an area with an exit phrase and ends from the wrap-up question", async () => {
    const ai = new FakeAi().text("Answer.");
    const chat = new Conversation(template.flow, fakePorts({ ai }));
    await chat.start();
    await fillFields(chat, await chat.choose((options.at(-1) as { id: string }).id));
    let turn = await chat.say("done");
    expect(single(turn, "choices").nodeId).toBe("wrap_up");
    turn = await chat.choose("done");
    expect(types(turn)).toEqual(["message", "end"]);
    expect(chat.state.status).toBe("ended");
  });

  it("answers a typed question in the general chat and escalates on each keyword", async () => {
    const ai = new FakeAi().text("General answer.");
    const chat = new Conversation(template.flow, fakePorts({ ai }));
    await chat.start();
    const turn = await chat.say("What should I ask you first?");
    expect(said(turn)).toEqual(["General answer."]);
    expect(ai.textRequests[0]?.prompt).toBe("What should I ask you first?");
    for (const keyword of ESCALATION_KEYWORDS) {
      const other = new Conversation(template.flow, fakePorts({ ai: new FakeAi() }));
      await other.start();
      expect(types(await other.say(`Please, ${keyword}`)), keyword).toEqual(["handoff", "end"]);
    }
  });
});

describe("finance expert data gathering", () => {
  it("asks business type, revenue range and goals before a financial analysis", async () => {
    const template = experts.find((t) => t.slug === "finance-accountant-expert") as TemplateSeed;
    const ai = new FakeAi().text("Your cash flow looks manageable.");
    const chat = new Conversation(template.flow, fakePorts({ ai }));
    await chat.start();
    let turn = await chat.choose("cash_flow_analysis");
    expect(single(turn, "input-request").field.name).toBe("business_type");
    const filled = await fillFields(chat, turn);
    expect(filled.answered).toEqual(["business_type", "revenue_range", "financial_goals"]);
    turn = filled.events;
    expect(said(turn)).toEqual(["Your cash flow looks manageable."]);
    expect(ai.textRequests[0]?.prompt).toContain("revenue range: < $100K");
    expect(ai.textRequests[0]?.prompt).toContain("business type: Answer to business_type");
  });
});

describe.each(collaborations.map((t) => [t.slug, t] as const))("collaboration %s end to end", (_slug, template) => {
  it("collects the brief, walks the expert chain in the seed's order and summarises", async () => {
    const aiSteps = template.flow.nodes.filter((n) => n.type === "ai-step");
    const ai = new FakeAi();
    aiSteps.forEach((node, i) => {
      ai.text(`Output ${i + 1} from ${node.id}.`);
    });
    const chat = new Conversation(template.flow, fakePorts({ ai }));

    let turn = await chat.start();
    expect(types(turn)).toEqual(["message", "input-request"]);
    expect(single(turn, "message").text).toContain(template.description);
    expect(single(turn, "input-request").field.name).toBe("brief");

    turn = await chat.say("We sell handmade furniture online and want to grow.");
    expect(single(turn, "input-request").field.name).toBe("constraints");
    turn = await chat.say("Budget $50K, six months");

    // The whole chain runs in this turn.
    const changes = ofType(turn, "expert-change").map((e) => e.expert.name);
    const handoffs = template.flow.nodes.flatMap((n) =>
      n.type === "expert-handoff" ? [(n.data as ExpertHandoffData).name] : [],
    );
    expect(changes).toEqual(handoffs);
    expect(changes.length).toBeGreaterThan(0);
    for (const name of changes) expect(Object.values(EXPERTS_BY_KEY).map((e) => e.name)).toContain(name);
    const answers = ofType(turn, "text-end").map((e) => e.text);
    expect(answers).toEqual(aiSteps.map((node, i) => `Output ${i + 1} from ${node.id}.`));
    expect(ofType(turn, "text-end").map((e) => e.nodeId)).toEqual(aiSteps.map((n) => n.id));
    expect(types(turn).slice(-2)).toEqual(["message", "end"]);
    expect(single(turn, "end").reason).toBe("end-node");
    expect(chat.vars.collaboration_summary).toBe(answers.at(-1));

    // Shared context: every step sees the brief; each later step sees the earlier outputs.
    expect(ai.textRequests).toHaveLength(aiSteps.length);
    ai.textRequests.forEach((request, i) => {
      expect(request.prompt).toContain("We sell handmade furniture online and want to grow.");
      expect(request.prompt).toContain("Budget $50K, six months");
      for (let j = 0; j < i; j++) expect(request.prompt).toContain(`Output ${j + 1} from ${aiSteps[j]?.id}.`);
      expect(request.prompt).not.toContain("{{");
    });
    // Each step speaks as its expert.
    const expertSteps = ofType(turn, "text-start").filter((e) => e.nodeId !== "summary");
    expect(expertSteps.every((e) => e.expert !== undefined)).toBe(true);
    expect(ai.pending).toBe(0);
  });

  it("escalates to a person while the brief is collected", async () => {
    const chat = new Conversation(template.flow, fakePorts({ ai: new FakeAi() }));
    await chat.start();
    const turn = await chat.say("Can I talk to a person?");
    expect(types(turn)).toEqual(["handoff", "end"]);
  });
});

describe("Project Assessment and Setup flow", () => {
  it("matches the migrated seed flow (same nodes, data and connections)", () => {
    const migrated = flowDocumentSchema.parse(
      JSON.parse(readFileSync(new URL("../../test/fixtures/pm-assessment.flow.json", import.meta.url), "utf8")),
    );
    const strip = (flow: typeof migrated) => ({
      nodes: flow.nodes.map(({ position: _p, ...node }) => node),
      edges: flow.edges.map((e) => `${e.source}:${e.sourceHandle}->${e.target}`).sort(),
      variables: flow.variables,
      globalActions: flow.globalActions,
    });
    expect(strip(assessment.flow)).toEqual(strip(migrated));
  });

  it("runs: project type, details, recommendation, planning guidance", async () => {
    const ai = new FakeAi()
      .object({
        recommended_methodology: "Agile (Scrum)",
        reasoning: "Requirements will change.",
        next_steps: ["Write the backlog"],
        templates_offered: ["Sprint plan"],
      })
      .text("Plan in two-week sprints.");
    const chat = new Conversation(assessment.flow, fakePorts({ ai }));
    let turn = await chat.start();
    expect(single(turn, "choices").prompt).toBe("What type of project are you starting?");
    turn = await chat.choose("software");
    turn = (await fillFields(chat, turn)).events;
    const offer = single(turn, "choices");
    expect(offer.prompt).toContain("I recommend Agile (Scrum).");
    turn = await chat.choose("skip_charter");
    expect(said(turn)).toEqual([
      "Plan in two-week sprints.",
      'Good luck with Answer to project_name! Type "restart" any time to assess another project.',
    ]);
    expect(single(turn, "end").reason).toBe("end-node");
  });
});
