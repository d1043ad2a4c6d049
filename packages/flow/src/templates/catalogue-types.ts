import type { FlowDocument } from "../document/schema.ts";

/**
 * One catalogue entry: the template's metadata (mapped from seed 004's `chatbot_templates`,
 * `mcp_collaboration_flows` and `conversation_flows` rows) and its flow document.
 */
export interface TemplateSeed {
  /** Stable catalogue id: the seed's template_id / flow_name without the "-v1" suffix, in kebab case. */
  slug: string;
  name: string;
  description: string;
  category: string;
  industry: string;
  useCase: string;
  tags: string[];
  version: "1.0.0";
  featured: boolean;
  premium: boolean;
  complexity: "beginner" | "intermediate" | "advanced";
  priceTier: "free" | "pro" | "enterprise";
  setupMinutes: number;
  requiredIntegrations: string[];
  languages: string[];
  defaultLanguage: string;
  previewEmoji: string;
  themeColors: { primary: string; accent: string };
  seoTitle: string;
  seoDescription: string;
  kind: "expert" | "collaboration" | "assessment";
  flow: FlowDocument;
}

/** The seed's complexity_level ("expert", "advanced") on our three-step scale: both are "advanced". */
export function complexityOf(seed: string): TemplateSeed["complexity"] {
  if (seed === "beginner" || seed === "basic") return "beginner";
  if (seed === "intermediate") return "intermediate";
  return "advanced";
}

/**
 * The seed's minimum_plan on our tiers (the seed has no "free" plan): standard → free,
 * professional → pro, premium / enterprise → enterprise.
 */
export function priceTierOf(minimumPlan: string): TemplateSeed["priceTier"] {
  if (minimumPlan === "standard") return "free";
  if (minimumPlan === "professional") return "pro";
  return "enterprise";
}

/** SEO description: the description cut at a word boundary to 160 characters. */
export function seoDescriptionOf(description: string): string {
  if (description.length <= 160) return description;
  const cut = description.slice(0, 157);
  return `${cut.slice(0, cut.lastIndexOf(" "))}...`;
}
