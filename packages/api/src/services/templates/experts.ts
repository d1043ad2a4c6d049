import type { TemplateDetail } from "./types.ts";

type Expert = TemplateDetail["experts"][number];

const MAX_EXPERTS = 12;
const MAX_DESCRIPTION = 240;

interface LooseNode {
  type?: unknown;
  name?: unknown;
  data?: { name?: unknown; systemPrompt?: unknown };
}

function nodesOf(flow: unknown): LooseNode[] {
  if (!flow || typeof flow !== "object") return [];
  const nodes = (flow as { nodes?: unknown }).nodes;
  return Array.isArray(nodes) ? (nodes.filter((n) => n && typeof n === "object") as LooseNode[]) : [];
}

/** The persona's first paragraph (the seeds append knowledge lists and focus areas after a blank line). */
function personaOf(systemPrompt: unknown): string {
  if (typeof systemPrompt !== "string") return "";
  return (systemPrompt.trim().split(/\n\s*\n/)[0] ?? "").replace(/\s+/g, " ").trim();
}

/** The first sentence, at most MAX_DESCRIPTION characters. */
function summary(text: string): string | null {
  if (!text) return null;
  const sentence = text.match(/^.+?[.!?](?=\s|$)/)?.[0] ?? text;
  return sentence.length <= MAX_DESCRIPTION ? sentence : `${sentence.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…`;
}

/**
 * "You are an experienced, PMP-certified project manager. …" → "Experienced, PMP-certified project manager";
 * "You are a senior project manager who specialises in risk management." → "Senior project manager (risk management)".
 */
function roleOf(persona: string): string | null {
  const role = persona.match(/^you are (?:an? |the )?(.+?)(?:[.;:!]|\s(?:who|with|that|and you)\s|$)/i)?.[1]?.trim();
  if (!role || role.length > 80) return null;
  const speciality = persona.match(/\bwho speciali[sz]es in (.+?)(?:[.;:!]|$)/i)?.[1]?.trim();
  const name = role.charAt(0).toUpperCase() + role.slice(1);
  return speciality && speciality.length <= 60 ? `${name} (${speciality})` : name;
}

/**
 * The expert personas of a flow, for the template page's "Expertise": each expert-handoff node's expert
 * (collaboration flows), else the distinct personas of its AI steps — one persona is the template's own expert
 * (the expert templates), several are named after the role their prompt gives them (the assessment flow).
 */
export function expertsOfFlow(flow: unknown, templateName: string): Expert[] {
  const nodes = nodesOf(flow);
  const experts: Expert[] = [];
  const seen = new Set<string>();
  for (const node of nodes) {
    if (node.type !== "expert-handoff" || typeof node.data?.name !== "string") continue;
    const name = node.data.name.trim();
    if (!name || seen.has(name)) continue;
    seen.add(name);
    experts.push({ name, description: summary(personaOf(node.data.systemPrompt)) });
  }
  if (experts.length > 0) return experts.slice(0, MAX_EXPERTS);

  const personas: { persona: string; nodeName: string | null }[] = [];
  for (const node of nodes) {
    if (node.type !== "ai-step") continue;
    const persona = personaOf(node.data?.systemPrompt);
    if (!persona || personas.some((p) => p.persona === persona)) continue;
    personas.push({ persona, nodeName: typeof node.name === "string" ? node.name : null });
  }
  if (personas.length === 1) {
    return [{ name: templateName, description: summary(personas[0]?.persona ?? "") }];
  }
  return personas.slice(0, MAX_EXPERTS).map(({ persona, nodeName }) => ({
    name: roleOf(persona) ?? nodeName ?? templateName,
    description: summary(persona),
  }));
}
