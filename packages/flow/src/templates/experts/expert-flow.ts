import type { FlowDocument } from "../../document/schema.ts";
import type { NodeDataInput } from "../build.ts";
import { FlowBuilder, snake } from "../build.ts";
import { complexityOf, priceTierOf, seoDescriptionOf, type TemplateSeed } from "../catalogue-types.ts";

export const EXPERT_MODEL = "openai:gpt-4o-mini";

/**
 * Seed 004's template fields of one expert, as written there. `key` is the short name the seed's
 * collaboration flows use ("finance-accountant"); `dataCollection` lists the areas whose seed
 * conversation flows start by gathering data, with the collect-data node that does it.
 */
export interface ExpertSpec {
  key: string;
  templateId: string;
  name: string;
  description: string;
  category: string;
  industry: string;
  useCase: string;
  featured: boolean;
  /** complexity_level, price_tier and minimum_plan as in the seed. */
  seedComplexity: string;
  seedPriceTier: string;
  minimumPlan: string;
  tags: string[];
  languages: string[];
  setupMinutes: number;
  requiredIntegrations: string[];
  themeColors: { primary: string; accent: string };
  /** Not in the seed: chosen for the catalogue card. */
  previewEmoji: string;
  welcomeMessage: string;
  expertiseAreas: string[];
  systemPrompt: string;
  /** ai_config.specialized_knowledge (and, for the think tank, its thinking_frameworks). */
  specialisedKnowledge: string[];
  extraKnowledge?: { title: string; items: string[] };
  /** mcp_coordination.can_collaborate_with. */
  collaborators: string[];
  dataCollection?: Record<string, NodeDataInput["collect-data"]>;
  /** Not in the seed: what the user is told when escalating to a person. */
  handoffMessage: string;
}

/** Words and phrases that ask for a person. The seed's escalation example uses "human", "agent" and "help";
 * "help" is left out because users ask experts for help all the time. */
export const ESCALATION_KEYWORDS = [
  "human",
  "agent",
  "escalate",
  "speak to someone",
  "talk to someone",
  "talk to a person",
  "real person",
  "operator",
];
export const RESTART_KEYWORDS = ["restart", "start over", "begin again"];
/** In an area's chat, any of these (the whole message) continues to the wrap-up question. */
export const EXIT_PHRASES = ["done", "back", "menu", "that's all", "thats all", "thanks", "thank you", "no thanks"];

/** The expert's persona: the seed's system prompt followed by its specialised knowledge. */
export function personaPrompt(spec: ExpertSpec): string {
  const parts = [spec.systemPrompt];
  if (spec.specialisedKnowledge.length)
    parts.push(`Specialised knowledge:\n${spec.specialisedKnowledge.map((k) => `- ${k}`).join("\n")}`);
  if (spec.extraKnowledge)
    parts.push(`${spec.extraKnowledge.title}:\n${spec.extraKnowledge.items.map((k) => `- ${k}`).join("\n")}`);
  return parts.join("\n\n");
}

/** Ids of the quick-reply options (and of each area's nodes), unique within the template. */
export function areaIds(spec: ExpertSpec): string[] {
  const ids = spec.expertiseAreas.map((area) => snake(area, 40));
  if (new Set(ids).size !== ids.length) throw new Error(`${spec.key}: two expertise areas share an id`);
  return ids;
}

function areaPrompt(area: string, collected: string[]): string {
  const facts = collected.length
    ? `\n\nWhat the user told us:\n${collected.map((name) => `- ${name.replace(/_/g, " ")}: {{${name}}}`).join("\n")}`
    : "";
  return `The user chose "${area}". Their latest message: "{{last_message}}"${facts}\n\nAnswer their latest message with ${area} in mind. If they have not asked a specific question yet, explain in a few lines how you can help with ${area} and ask what they need.`;
}

/**
 * start → welcome → expertise menu → (collect data →) area chat → wrap-up; a typed answer to a menu goes
 * to a general chat; "human", "agent"… anywhere → human handoff; "restart" → start.
 */
export function expertFlow(spec: ExpertSpec): FlowDocument {
  const b = new FlowBuilder();
  const persona = personaPrompt(spec);
  const ids = areaIds(spec);
  const rows = spec.expertiseAreas.length;

  b.add("start", "start", {}, { col: 0, row: 0 });
  b.add("welcome", "message", { text: spec.welcomeMessage }, { col: 1, row: 0 }, "Welcome");
  b.add(
    "area_menu",
    "quick-reply",
    {
      prompt: "Which area would you like help with?",
      options: spec.expertiseAreas.map((area, i) => ({ id: ids[i] as string, label: area })),
      allowFreeText: true,
      variable: "expertise_area",
    },
    { col: 2, row: 0 },
    "Expertise areas",
  );
  b.chain("start", "welcome", "area_menu");
  b.variable("expertise_area", "string", "The expertise area chosen (or the question typed) at the menu.");

  // Shared exits.
  b.add(
    "wrap_up",
    "quick-reply",
    {
      prompt: "Is there anything else I can help you with?",
      options: [
        { id: "another_topic", label: "Another topic" },
        { id: "person", label: "Talk to a person" },
        { id: "done", label: "That's all, thanks" },
      ],
      allowFreeText: true,
    },
    { col: 5, row: 0 },
    "Wrap-up",
  );
  b.add("ai_failed", "message", { text: "Sorry, I can't answer that right now." }, { col: 5, row: 1 });
  b.add(
    "human_handoff",
    "human-handoff",
    { message: spec.handoffMessage, reason: "The user asked for a person" },
    { col: 6, row: 0 },
    "Escalation",
  );
  b.add(
    "goodbye",
    "end",
    { message: 'Thanks for chatting! Type "restart" any time to start again.' },
    { col: 6, row: 1 },
  );
  b.connect("wrap_up", "area_menu", "another_topic")
    .connect("wrap_up", "human_handoff", "person")
    .connect("wrap_up", "goodbye", "done")
    .connect("wrap_up", "general_chat", "fallback")
    .connect("ai_failed", "wrap_up");

  const chatStep = (systemPrompt: string, prompt: string): NodeDataInput["ai-step"] => ({
    model: EXPERT_MODEL,
    systemPrompt,
    prompt,
    temperature: 0.7,
    maxTokens: 1_024,
    historyWindow: 10,
    mode: "chat",
    exitPhrases: EXIT_PHRASES,
  });

  spec.expertiseAreas.forEach((area, i) => {
    const id = ids[i] as string;
    const collect = spec.dataCollection?.[area];
    const aiId = `${id}_chat`;
    const fields = collect ? collect.fields.map((f) => f.name) : [];
    b.add(
      aiId,
      "ai-step",
      chatStep(`${persona}\n\nFocus area: ${area}.`, areaPrompt(area, fields)),
      { col: 4, row: i },
      area,
    );
    if (collect) {
      const collectId = `${id}_data`;
      b.add(collectId, "collect-data", collect, { col: 3, row: i }, `${area}: data gathering`);
      b.connect("area_menu", collectId, id).connect(collectId, aiId);
    } else {
      b.connect("area_menu", aiId, id);
    }
    b.connect(aiId, "wrap_up").connect(aiId, "ai_failed", "error");
  });

  b.add("general_chat", "ai-step", chatStep(persona, "{{last_message}}"), { col: 4, row: rows }, "Typed question");
  b.connect("area_menu", "general_chat", "fallback")
    .connect("general_chat", "wrap_up")
    .connect("general_chat", "ai_failed", "error");

  b.keywordAction("restart", "Start over", RESTART_KEYWORDS, "start");
  b.keywordAction("escalation", "Talk to a person", ESCALATION_KEYWORDS, "human_handoff");
  return b.build();
}

export function expertTemplate(spec: ExpertSpec): TemplateSeed {
  return {
    slug: spec.templateId.replace(/-v\d+$/, ""),
    name: spec.name,
    description: spec.description,
    category: spec.category,
    industry: spec.industry,
    useCase: spec.useCase,
    tags: spec.tags,
    version: "1.0.0",
    featured: spec.featured,
    premium: spec.seedPriceTier === "premium",
    complexity: complexityOf(spec.seedComplexity),
    priceTier: priceTierOf(spec.minimumPlan),
    setupMinutes: spec.setupMinutes,
    requiredIntegrations: spec.requiredIntegrations,
    languages: spec.languages,
    defaultLanguage: spec.languages[0] ?? "en",
    previewEmoji: spec.previewEmoji,
    themeColors: spec.themeColors,
    // Not in the seed: the name plus a short qualifier, and the description cut to 160 characters.
    seoTitle: `${spec.name} | AI chatbot template`,
    seoDescription: seoDescriptionOf(spec.description),
    kind: "expert",
    flow: expertFlow(spec),
  };
}
