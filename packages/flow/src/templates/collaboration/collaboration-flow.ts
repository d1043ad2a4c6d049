import type { FlowDocument } from "../../document/schema.ts";
import { FlowBuilder, humanise, snake } from "../build.ts";
import { seoDescriptionOf, type TemplateSeed } from "../catalogue-types.ts";
import { ART_DESIGN_EXPERT } from "../experts/art-design-expert.ts";
import { DIGITAL_BUSINESS_THINK_TANK } from "../experts/digital-business-think-tank.ts";
import {
  ESCALATION_KEYWORDS,
  EXPERT_MODEL,
  type ExpertSpec,
  personaPrompt,
  RESTART_KEYWORDS,
} from "../experts/expert-flow.ts";
import { FINANCE_ACCOUNTANT_EXPERT } from "../experts/finance-accountant-expert.ts";
import { HR_PEOPLE_OPS_EXPERT } from "../experts/hr-people-ops-expert.ts";
import { LEGAL_CONSULTANT_EXPERT } from "../experts/legal-consultant-expert.ts";
import { MARKETING_SALES_EXPERT } from "../experts/marketing-sales-expert.ts";
import { PERSONAL_ASSISTANT_EXPERT } from "../experts/personal-assistant-expert.ts";
import { PROJECT_MANAGEMENT_EXPERT } from "../experts/project-management-expert.ts";

/** The seed's expert keys (as used in mcp_collaboration_flows) → the expert templates. */
export const EXPERTS_BY_KEY: Readonly<Record<string, ExpertSpec>> = Object.fromEntries(
  [
    FINANCE_ACCOUNTANT_EXPERT,
    PERSONAL_ASSISTANT_EXPERT,
    MARKETING_SALES_EXPERT,
    ART_DESIGN_EXPERT,
    PROJECT_MANAGEMENT_EXPERT,
    LEGAL_CONSULTANT_EXPERT,
    HR_PEOPLE_OPS_EXPERT,
    DIGITAL_BUSINESS_THINK_TANK,
  ].map((spec) => [spec.key, spec]),
);

/** One row of seed 004's `mcp_collaboration_flows`. */
export interface CollaborationSpec {
  flowName: string;
  description: string;
  participatingExperts: string[];
  workflow: Array<{ step: number; expert: string; action: string }>;
  collaborationPoints?: Array<{ experts: string[]; sync_on: string }>;
  /** Not in the seed: chosen for the catalogue. */
  previewEmoji: string;
  themeColors: { primary: string; accent: string };
  briefLabel: string;
}

function expert(key: string): ExpertSpec {
  const spec = EXPERTS_BY_KEY[key];
  if (!spec) throw new Error(`Unknown expert "${key}"`);
  return spec;
}

/** The variable holding a step's output: the seed's action name. */
export function stepVariable(action: string): string {
  return snake(action, 60);
}

/**
 * welcome → collect the brief → for each workflow step: expert handoff (skipped when the same expert
 * continues) → AI step that reads {{brief}} and every earlier step's output and saves its own → summary →
 * end. "human", "agent"… → human handoff; "restart" → start.
 */
export function collaborationFlow(spec: CollaborationSpec): FlowDocument {
  const b = new FlowBuilder();
  const names = spec.participatingExperts.map((key) => expert(key).name);
  b.add("start", "start", {}, { col: 0, row: 0 });
  b.add(
    "welcome",
    "message",
    {
      text: `${spec.description}.\n\nYour team for this: ${names.join(", ")}. Each expert builds on the work of the previous one.`,
    },
    { col: 1, row: 0 },
    "Welcome",
  );
  b.add(
    "collect_brief",
    "collect-data",
    {
      mode: "conversational",
      fields: [
        { name: "brief", label: spec.briefLabel, type: "text", required: true },
        {
          name: "constraints",
          label: "Any budget, timeline or other constraints we should know about? (optional)",
          type: "text",
          required: false,
        },
      ],
    },
    { col: 2, row: 0 },
    "Brief",
  );
  b.chain("start", "welcome", "collect_brief");
  b.variable("brief", "string", "What the user wants the experts to work on.");
  b.variable("constraints", "string", "Budget, timeline or other constraints (optional).");

  b.add("ai_failed", "message", { text: "Sorry, the experts can't answer right now." }, { col: 2, row: 2 });
  b.add(
    "failed_end",
    "end",
    { message: 'Type "restart" to try again, or "human" to talk to a person.' },
    { col: 3, row: 2 },
  );
  b.chain("ai_failed", "failed_end");

  let previous = "collect_brief";
  let currentExpert = "";
  const done: Array<{ expert: ExpertSpec; action: string; variable: string }> = [];
  const steps = [...spec.workflow].sort((x, y) => x.step - y.step);
  steps.forEach((step, i) => {
    const col = 3 + i;
    const who = expert(step.expert);
    if (step.expert !== currentExpert) {
      const handoffId = `step${step.step}_handoff`;
      b.add(
        handoffId,
        "expert-handoff",
        {
          name: who.name,
          systemPrompt: personaPrompt(who),
          model: EXPERT_MODEL,
          message: `${who.name} here. Step ${step.step}: ${humanise(step.action)}.`,
        },
        { col, row: 0 },
        who.name,
      );
      b.connect(previous, handoffId);
      previous = handoffId;
      currentExpert = step.expert;
    }
    const variable = stepVariable(step.action);
    const earlier = done.length
      ? `\n\nWork of the experts before you:\n${done.map((d) => `## ${humanise(d.action)} (${d.expert.name})\n{{${d.variable}}}`).join("\n\n")}`
      : "";
    const syncs = (spec.collaborationPoints ?? [])
      .filter((p) => p.experts.includes(step.expert) || p.experts.includes("all"))
      .map((p) => {
        const others = p.experts.filter((e) => e !== step.expert && e !== "all").map((e) => expert(e).name);
        return `- ${humanise(p.sync_on)}${others.length ? ` (with ${others.join(", ")})` : " (with all experts)"}`;
      });
    const sync = syncs.length ? `\n\nCollaboration points to align on:\n${syncs.join("\n")}` : "";
    const aiId = `step${step.step}_${snake(step.action, 50)}`;
    b.add(
      aiId,
      "ai-step",
      {
        model: EXPERT_MODEL,
        systemPrompt: `You are step ${step.step} of ${steps.length} in the "${humanise(spec.flowName)}" collaboration: ${spec.description}. Build on the earlier experts' work, do not repeat it, and keep to your own speciality.`,
        prompt: `Your task: ${humanise(step.action)}.\n\nThe user's brief: {{brief}}\nConstraints: {{constraints}}${earlier}${sync}\n\nGive your part as concise markdown with concrete recommendations.`,
        temperature: 0.7,
        maxTokens: 1_500,
        historyWindow: 0,
        saveTo: variable,
        mode: "once",
      },
      { col, row: 1 },
      humanise(step.action),
    );
    b.variable(variable, "string", `Output of step ${step.step} (${who.name}).`);
    b.connect(previous, aiId).connect(aiId, "ai_failed", "error");
    previous = aiId;
    done.push({ expert: who, action: step.action, variable });
  });

  const summaryCol = 3 + steps.length;
  b.add(
    "summary",
    "ai-step",
    {
      model: EXPERT_MODEL,
      systemPrompt:
        "You coordinate a team of AI business experts. Combine their work into one clear, unified recommendation.",
      prompt: `Summarise the collaboration "${humanise(spec.flowName)}" for the user.\n\nThe brief: {{brief}}\nConstraints: {{constraints}}\n\n${done.map((d) => `## ${humanise(d.action)} (${d.expert.name})\n{{${d.variable}}}`).join("\n\n")}\n\nWrite a unified recommendation with the key decisions, a short action plan in order, and open questions.`,
      temperature: 0.5,
      maxTokens: 1_500,
      historyWindow: 0,
      saveTo: "collaboration_summary",
      mode: "once",
    },
    { col: summaryCol, row: 1 },
    "Unified recommendation",
  );
  b.variable("collaboration_summary", "string", "The unified recommendation.");
  b.add(
    "finished",
    "end",
    { message: 'That\'s the full plan from the team. Type "restart" to start a new brief.' },
    { col: summaryCol + 1, row: 1 },
  );
  b.connect(previous, "summary").connect("summary", "finished").connect("summary", "ai_failed", "error");

  b.add(
    "human_handoff",
    "human-handoff",
    {
      message: "I'm connecting you with a person from our team. Please hold on.",
      reason: "The user asked for a person",
    },
    { col: summaryCol + 1, row: 2 },
    "Escalation",
  );
  b.keywordAction("restart", "Start over", RESTART_KEYWORDS, "start");
  b.keywordAction("escalation", "Talk to a person", ESCALATION_KEYWORDS, "human_handoff");
  return b.build();
}

export function collaborationTemplate(spec: CollaborationSpec): TemplateSeed {
  const name = humanise(spec.flowName)
    .split(" ")
    .map((w) => (w === "and" || w === "to" ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(" ");
  return {
    slug: spec.flowName.replace(/_/g, "-"),
    // The seed's flow_name is an identifier; the catalogue name is it in title case.
    name,
    description: spec.description,
    // Not in the seed: collaboration rows have no category, industry, plan or setup time.
    category: "multi_expert_collaboration",
    industry: "cross_industry",
    useCase: spec.flowName,
    tags: ["collaboration", "multi_expert", ...spec.participatingExperts],
    version: "1.0.0",
    featured: false,
    premium: true,
    complexity: "advanced",
    priceTier: "enterprise",
    setupMinutes: 15 + 5 * spec.workflow.length,
    requiredIntegrations: [],
    languages: ["en"],
    defaultLanguage: "en",
    previewEmoji: spec.previewEmoji,
    themeColors: spec.themeColors,
    seoTitle: `${name} | Multi-expert AI collaboration template`,
    seoDescription: seoDescriptionOf(spec.description),
    kind: "collaboration",
    flow: collaborationFlow(spec),
  };
}
