import { type CollaborationSpec, collaborationTemplate } from "./collaboration-flow.ts";

/** Seed 004, mcp_collaboration_flows: emerging_technology_adoption. */
export const EMERGING_TECHNOLOGY_ADOPTION: CollaborationSpec = {
  flowName: "emerging_technology_adoption",
  description: "Strategic assessment and implementation of emerging technologies",
  participatingExperts: [
    "digital-business-think-tank",
    "finance-accountant",
    "legal-consultant",
    "hr-people-ops",
    "project-management",
  ],
  workflow: [
    { step: 1, expert: "digital-business-think-tank", action: "technology_assessment_and_feasibility" },
    { step: 2, expert: "digital-business-think-tank", action: "competitive_advantage_analysis" },
    { step: 3, expert: "finance-accountant", action: "technology_investment_analysis" },
    { step: 4, expert: "legal-consultant", action: "regulatory_and_compliance_review" },
    { step: 5, expert: "hr-people-ops", action: "skills_gap_analysis_and_training_plan" },
    { step: 6, expert: "project-management", action: "technology_implementation_roadmap" },
  ],
  // Not in the seed: chosen for the catalogue card and the brief question.
  previewEmoji: "🤖",
  themeColors: { primary: "#1A759F", accent: "#FF6B35" },
  briefLabel: "Which technology are you considering, and for what part of your business?",
};

export const emergingTechnologyAdoption = collaborationTemplate(EMERGING_TECHNOLOGY_ADOPTION);
