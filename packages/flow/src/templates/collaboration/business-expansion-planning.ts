import { type CollaborationSpec, collaborationTemplate } from "./collaboration-flow.ts";

/** Seed 004, mcp_collaboration_flows: business_expansion_planning. */
export const BUSINESS_EXPANSION_PLANNING: CollaborationSpec = {
  flowName: "business_expansion_planning",
  description: "Comprehensive business expansion with legal, financial, and operational analysis",
  participatingExperts: ["project-management", "finance-accountant", "legal-consultant", "hr-people-ops"],
  workflow: [
    { step: 1, expert: "project-management", action: "expansion_project_planning" },
    { step: 2, expert: "finance-accountant", action: "financial_feasibility_analysis" },
    { step: 3, expert: "legal-consultant", action: "regulatory_compliance_review" },
    { step: 4, expert: "hr-people-ops", action: "staffing_and_organizational_planning" },
  ],
  // Not in the seed: chosen for the catalogue card and the brief question.
  previewEmoji: "🌍",
  themeColors: { primary: "#2E86AB", accent: "#4CAF50" },
  briefLabel: "Describe the expansion: your business today and where you want to grow.",
};

export const businessExpansionPlanning = collaborationTemplate(BUSINESS_EXPANSION_PLANNING);
