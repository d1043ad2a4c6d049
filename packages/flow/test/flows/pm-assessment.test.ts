import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type FlowDocument, flowDocumentSchema, validateFlow } from "../../src/index.ts";
import { Conversation, FakeAi, fakePorts, messages, ofType, single, types, usage } from "../helpers/index.ts";

const raw = JSON.parse(readFileSync(new URL("../fixtures/pm-assessment.flow.json", import.meta.url), "utf8"));
const flow: FlowDocument = flowDocumentSchema.parse(raw);

const RECOMMENDATION = {
  recommended_methodology: "Agile (Scrum)",
  reasoning: "Requirements are expected to change and a software team of 12 works well in short sprints.",
  next_steps: ["Appoint a product owner", "Write the initial backlog", "Plan sprint 1"],
  templates_offered: ["Project charter", "Product backlog", "Sprint plan"],
};

const TYPES_OF_PROJECT = [
  { id: "software", label: "Software Development" },
  { id: "marketing", label: "Marketing Campaign" },
  { id: "construction", label: "Construction" },
  { id: "event", label: "Event Planning" },
  { id: "other", label: "Other" },
];

/** A conversation on the PM flow whose state goes through JSON between turns, as a database would. */
function pmConversation(ai = new FakeAi()) {
  return { chat: new Conversation(flow, fakePorts({ ai })), ai };
}

/** Start, pick a project type, and answer the five project questions. */
async function answerProjectDetails(chat: Conversation) {
  await chat.start();
  await chat.choose("software");
  for (const answer of ["Customer Portal Relaunch", "3-6 months", "12", "$50K-$250K"]) await chat.say(answer);
  return chat.say("Some changes expected");
}

describe("PM assessment flow (seed 004, pm-project-assessment-v1)", () => {
  it("is a valid document with no validation errors", () => {
    expect(raw.version).toBe(1);
    const { errors, warnings } = validateFlow(flow);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    const aiNodes = flow.nodes.filter((node) => node.type === "ai-step" || node.type === "ai-analysis");
    expect(aiNodes.map((node) => node.id)).toEqual([
      "methodology_recommendation",
      "charter_draft",
      "planning_guidance",
      "methodology_explanation",
      "risk_identification",
      "stakeholder_analysis",
    ]);
    for (const node of aiNodes) expect((node.data as { model: string }).model).toBe("openai:gpt-4o-mini");
  });

  it("assesses a software project, recommends a methodology and drafts a charter", async () => {
    const ai = new FakeAi()
      .object({ object: RECOMMENDATION, usage: usage(420, 160, "gpt-4o-mini") })
      .text({ chunks: ["# Project Charter\n", "Customer Portal Relaunch", " charter."], usage: usage(900, 600) });
    const { chat } = pmConversation(ai);

    // 1. Welcome and project type.
    let turn = await chat.start();
    expect(turn).toEqual([
      {
        type: "message",
        nodeId: "welcome_assessment",
        text: "Let's assess your project and recommend the best management approach.",
        typingDelayMs: 600,
      },
      {
        type: "choices",
        nodeId: "project_type_question",
        prompt: "What type of project are you starting?",
        options: TYPES_OF_PROJECT,
        allowFreeText: true,
      },
    ]);

    // 2. "Software Development" → project details, first question.
    turn = await chat.choose("software");
    expect(turn).toEqual([
      { type: "variables-set", nodeId: "project_type_question", values: { project_type: "Software Development" } },
      {
        type: "message",
        nodeId: "project_details",
        text: "Great, a Software Development project. A few quick questions so I can recommend an approach.",
        typingDelayMs: 600,
      },
      {
        type: "input-request",
        nodeId: "project_details",
        field: {
          name: "project_name",
          label: "Project Name",
          type: "text",
          required: true,
          placeholder: "e.g. Customer portal relaunch",
        },
      },
    ]);

    // 3. One field at a time.
    turn = await chat.say("Customer Portal Relaunch");
    expect(single(turn, "variables-set").values).toEqual({ project_name: "Customer Portal Relaunch" });
    expect(single(turn, "input-request").field).toEqual({
      name: "timeline",
      label: "Expected Timeline",
      type: "select",
      required: true,
      options: ["< 1 month", "1-3 months", "3-6 months", "6-12 months", "> 1 year"],
    });

    turn = await chat.say("3-6 months");
    expect(single(turn, "variables-set").values).toEqual({ timeline: "3-6 months" });
    expect(single(turn, "input-request").field).toMatchObject({ name: "team_size", type: "number", min: 1, max: 1000 });

    // 4. An invalid team size is asked again, with the reason.
    turn = await chat.say("lots");
    expect(turn).toEqual([
      {
        type: "input-request",
        nodeId: "project_details",
        field: expect.objectContaining({ name: "team_size" }),
        error: "Team Size must be a number.",
      },
    ]);
    turn = await chat.say("0");
    expect(single(turn, "input-request")).toMatchObject({
      field: { name: "team_size" },
      error: "Team Size must be at least 1.",
    });
    expect(chat.state.waiting).toEqual({ nodeId: "project_details", data: { field: 2, attempts: 2 } });
    expect(chat.vars.team_size).toBeUndefined();

    turn = await chat.say("12");
    expect(single(turn, "variables-set").values).toEqual({ team_size: 12 });
    expect(single(turn, "input-request").field).toMatchObject({
      name: "budget_range",
      options: ["< $10K", "$10K-$50K", "$50K-$250K", "$250K-$1M", "> $1M"],
    });

    turn = await chat.say("3"); // the third option
    expect(single(turn, "variables-set").values).toEqual({ budget_range: "$50K-$250K" });
    expect(single(turn, "input-request").field).toMatchObject({
      name: "requirements_stability",
      label: "How stable are your requirements?",
      options: ["Very stable", "Mostly stable", "Some changes expected", "Highly uncertain"],
    });
    expect(ai.objectRequests).toEqual([]);

    // 5. The last answer runs the analysis, which writes its variables, then the offer is made.
    turn = await chat.say("some changes expected");
    expect(types(turn)).toEqual(["variables-set", "variables-set", "ai-usage", "choices"]);
    expect(ofType(turn, "variables-set").map((e) => [e.nodeId, e.values])).toEqual([
      ["project_details", { requirements_stability: "Some changes expected" }],
      ["methodology_recommendation", RECOMMENDATION],
    ]);
    expect(single(turn, "ai-usage")).toMatchObject({ nodeId: "methodology_recommendation", usage: { tokensIn: 420 } });
    const offer = single(turn, "choices");
    expect(offer).toEqual({
      type: "choices",
      nodeId: "charter_creation_offer",
      prompt:
        "Great! Based on your project, I recommend Agile (Scrum). Requirements are expected to change and a software team of 12 works well in short sprints. Would you like me to help you create a project charter?",
      options: [
        { id: "create_charter", label: "Yes, create charter" },
        { id: "skip_charter", label: "Skip to planning" },
        { id: "methodology_details", label: "Tell me more about methodology" },
      ],
      allowFreeText: false,
    });
    expect(offer.prompt).toContain("Agile (Scrum)");

    // What the model was asked.
    expect(ai.objectRequests).toHaveLength(1);
    const analysis = ai.objectRequests[0];
    expect(analysis?.modelPreference).toEqual({ model: "openai:gpt-4o-mini" });
    expect(analysis?.prompt).toMatch(/^Based on project type, timeline, team size, and requirements stability/);
    for (const fact of [
      "Project name: Customer Portal Relaunch",
      "Project type: Software Development",
      "Expected timeline: 3-6 months",
      "Team size: 12",
      "Budget range: $50K-$250K",
      "Requirements stability: Some changes expected",
      "Waterfall indicators: stable requirements, regulatory environment, large team, long timeline.",
      "Agile indicators: changing requirements, software project, small team, short iterations.",
      "Hybrid indicators: mixed requirements, multiple teams, complex project, phased approach.",
    ]) {
      expect(analysis?.prompt).toContain(fact);
    }
    expect(analysis?.prompt).not.toContain("{{");
    expect(analysis?.schema).toEqual({
      type: "object",
      properties: {
        recommended_methodology: { type: "string", description: expect.any(String) },
        reasoning: { type: "string", description: expect.any(String) },
        next_steps: { type: "array", items: { type: "string" }, description: expect.any(String) },
        templates_offered: { type: "array", items: { type: "string" }, description: expect.any(String) },
      },
      required: ["recommended_methodology", "reasoning", "next_steps", "templates_offered"],
      additionalProperties: false,
    });

    // 6. "Yes, create charter" → the charter questions.
    turn = await chat.say("Yes, create charter");
    expect(turn).toEqual([
      { type: "variables-set", nodeId: "charter_creation_offer", values: { charter_choice: "create_charter" } },
      {
        type: "message",
        nodeId: "charter_creation",
        text: "Let's draft a project charter for Customer Portal Relaunch. Three short questions.",
        typingDelayMs: 600,
      },
      {
        type: "input-request",
        nodeId: "charter_creation",
        field: {
          name: "charter_objective",
          label: "What is the main objective of the project?",
          type: "text",
          required: true,
        },
      },
    ]);
    turn = await chat.say("Launch the new self-service portal by the end of Q3");
    expect(single(turn, "input-request").field.name).toBe("charter_sponsor");
    turn = await chat.say("Dana Reyes, VP Customer Experience");
    expect(single(turn, "input-request").field.name).toBe("charter_success_criteria");

    // 7. The last answer streams the charter draft, saves it, and ends.
    turn = await chat.say("60% of tickets self-served within three months of launch");
    expect(types(turn)).toEqual([
      "variables-set",
      "text-start",
      "text-delta",
      "text-delta",
      "text-delta",
      "text-end",
      "variables-set",
      "message",
      "end",
    ]);
    const start = single(turn, "text-start");
    expect(start).toEqual({ type: "text-start", nodeId: "charter_draft", messageId: expect.any(String) });
    expect(ofType(turn, "text-delta").map((e) => e.delta)).toEqual([
      "# Project Charter\n",
      "Customer Portal Relaunch",
      " charter.",
    ]);
    expect(single(turn, "text-end")).toEqual({
      type: "text-end",
      nodeId: "charter_draft",
      messageId: start.messageId,
      text: "# Project Charter\nCustomer Portal Relaunch charter.",
      status: "complete",
      usage: usage(900, 600),
    });
    expect(ofType(turn, "variables-set").at(-1)?.values).toEqual({
      project_charter: "# Project Charter\nCustomer Portal Relaunch charter.",
    });
    expect(messages(turn)).toEqual([
      'That\'s your draft charter for Customer Portal Relaunch. Type "restart" any time to assess another project.',
    ]);
    expect(single(turn, "end")).toEqual({ type: "end", nodeId: "charter_done", reason: "end-node" });

    const charter = ai.textRequests[0];
    expect(ai.textRequests).toHaveLength(1);
    expect(charter).toMatchObject({
      nodeId: "charter_draft",
      modelPreference: { model: "openai:gpt-4o-mini", fallbacks: [] },
      system: expect.stringContaining("PMP-certified project manager"),
    });
    for (const fact of [
      'Draft a one-page project charter for "Customer Portal Relaunch".',
      "Methodology: Agile (Scrum)",
      "Objective: Launch the new self-service portal by the end of Q3",
      "Sponsor: Dana Reyes, VP Customer Experience",
      "Success criteria: 60% of tickets self-served within three months of launch",
      "Next steps identified: Appoint a product owner, Write the initial backlog, Plan sprint 1",
    ]) {
      expect(charter?.prompt).toContain(fact);
    }
    // The driver's history reaches the model, cut to the step's window of 6.
    expect(charter?.history).toHaveLength(6);
    expect(charter?.history.at(-1)).toEqual({ role: "user", text: "Dana Reyes, VP Customer Experience" });

    expect(chat.state.status).toBe("ended");
    expect(chat.vars).toMatchObject({
      project_type: "Software Development",
      project_name: "Customer Portal Relaunch",
      timeline: "3-6 months",
      team_size: 12,
      budget_range: "$50K-$250K",
      requirements_stability: "Some changes expected",
      ...RECOMMENDATION,
      charter_choice: "create_charter",
      project_charter: "# Project Charter\nCustomer Portal Relaunch charter.",
    });
    expect(ai.pending).toBe(0);
  });

  it("a concern raised mid-assessment jumps to risk identification", async () => {
    const ai = new FakeAi().text("Main risk: scope creep. Mitigation: a change board.");
    const { chat } = pmConversation(ai);
    await chat.start();
    await chat.choose("software");
    await chat.say("Customer Portal Relaunch");

    const turn = await chat.say("I see a big risk here");
    expect(types(turn)).toEqual(["text-start", ...Array(8).fill("text-delta"), "text-end", "variables-set", "choices"]);
    expect(single(turn, "text-start").nodeId).toBe("risk_identification");
    expect(single(turn, "text-end").text).toBe("Main risk: scope creep. Mitigation: a change board.");
    expect(single(turn, "variables-set").values).toEqual({
      risk_notes: "Main risk: scope creep. Mitigation: a change board.",
    });
    expect(single(turn, "choices")).toMatchObject({
      nodeId: "side_topic_menu",
      options: [
        { id: "assess", label: "Assess a project" },
        { id: "person", label: "Talk to a person" },
        { id: "done", label: "That's all, thanks" },
      ],
    });
    // The concern was not taken as the answer to the pending question.
    expect(chat.vars.timeline).toBeUndefined();
    const request = ai.textRequests[0];
    expect(request?.prompt).toContain('The user raised a concern: "I see a big risk here"');
    expect(request?.prompt).toContain("name Customer Portal Relaunch; type Software Development");
    expect(request?.system).toMatch(/risk management/);

    // Back to the assessment: the questions start again, the answers so far are kept.
    const back = await chat.choose("assess");
    expect(types(back)).toEqual(["message", "choices"]);
    expect(chat.vars.project_name).toBe("Customer Portal Relaunch");
    expect(chat.state.waiting?.nodeId).toBe("project_type_question");
  });

  it("team questions go to stakeholder analysis, 'help' to a person, 'restart' starts over", async () => {
    const ai = new FakeAi().text("Sponsor, product owner, support lead.");
    const { chat } = pmConversation(ai);
    await chat.start();
    await chat.choose("marketing");

    let turn = await chat.say("Who are the key stakeholders?");
    expect(single(turn, "text-start").nodeId).toBe("stakeholder_analysis");
    expect(single(turn, "choices").nodeId).toBe("side_topic_menu");

    turn = await chat.say("I need help");
    expect(turn).toEqual([
      {
        type: "handoff",
        nodeId: "human_handoff",
        message: "I'm connecting you with a project management specialist. Please hold on.",
        reason: "The user asked for a person",
      },
      { type: "end", nodeId: "human_handoff", reason: "handoff" },
    ]);
    expect(chat.state.status).toBe("handoff");
    expect(await chat.say("the risk is our team")).toEqual([]);

    turn = await chat.say("restart");
    expect(types(turn)).toEqual(["message", "choices"]);
    expect(chat.state).toMatchObject({ status: "waiting", vars: { last_message: "restart" } });
    expect(chat.vars.project_type).toBeUndefined();
    expect(ai.textRequests).toHaveLength(1);
  });

  it("explains the methodology, comes back to the offer, then gives planning guidance", async () => {
    const ai = new FakeAi().object(RECOMMENDATION).text("Scrum works in sprints.").text("Plan two-week sprints.");
    const { chat } = pmConversation(ai);
    await answerProjectDetails(chat);

    let turn = await chat.choose("methodology_details");
    expect(single(turn, "text-start").nodeId).toBe("methodology_explanation");
    expect(single(turn, "choices").nodeId).toBe("charter_creation_offer");
    expect(chat.vars.methodology_notes).toBe("Scrum works in sprints.");
    expect(ai.textRequests[0]?.prompt).toContain("Explain Agile (Scrum)");

    turn = await chat.say("Skip to planning");
    expect(single(turn, "text-start").nodeId).toBe("planning_guidance");
    expect(messages(turn)).toEqual([
      'Good luck with Customer Portal Relaunch! Type "restart" any time to assess another project.',
    ]);
    expect(chat.state.status).toBe("ended");
    expect(ai.textRequests[1]?.prompt).toContain("Templates available: Project charter, Product backlog, Sprint plan.");
  });

  it("an unknown answer to the offer is asked again", async () => {
    const { chat } = pmConversation(new FakeAi().object(RECOMMENDATION));
    await answerProjectDetails(chat);
    const turn = await chat.say("maybe later");
    expect(messages(turn)).toEqual(["Please choose one of the options."]);
    expect(single(turn, "choices").nodeId).toBe("charter_creation_offer");
  });

  it("a typed project type of its own is kept", async () => {
    const { chat } = pmConversation();
    await chat.start();
    const turn = await chat.say("Research study");
    expect(single(turn, "variables-set").values).toEqual({ project_type: "Research study" });
    expect(single(turn, "input-request").field.name).toBe("project_name");
  });

  it("a failed analysis offers a retry, which can succeed", async () => {
    const ai = new FakeAi().object({ fail: "model overloaded" }).object(RECOMMENDATION);
    const { chat } = pmConversation(ai);
    let turn = await answerProjectDetails(chat);
    expect(single(turn, "error")).toMatchObject({ code: "ai-failed", nodeId: "methodology_recommendation" });
    expect(single(turn, "choices").nodeId).toBe("analysis_failed");
    turn = await chat.choose("retry");
    expect(single(turn, "choices").prompt).toContain("I recommend Agile (Scrum).");
  });

  it("without an AI port, a side question apologises and offers what next", async () => {
    const chat = new Conversation(flow, fakePorts());
    await chat.start();
    const turn = await chat.say("what are the main concerns?");
    expect(single(turn, "error").code).toBe("ai-unavailable");
    expect(messages(turn)).toEqual(["Sorry, I can't answer that right now."]);
    expect(single(turn, "choices").nodeId).toBe("side_topic_menu");
    expect(messages(await chat.choose("done"))).toEqual(["Good luck with your project!"]);
  });
});
