import { type CollaborationSpec, collaborationTemplate } from "./collaboration-flow.ts";

/** Seed 004, mcp_collaboration_flows: startup_ideation_to_launch. */
export const STARTUP_IDEATION_TO_LAUNCH: CollaborationSpec = {
  flowName: "startup_ideation_to_launch",
  description: "Complete startup development from idea validation to market launch",
  participatingExperts: [
    "digital-business-think-tank",
    "personal-assistant",
    "finance-accountant",
    "marketing-sales",
    "legal-consultant",
    "project-management",
  ],
  workflow: [
    { step: 1, expert: "personal-assistant", action: "requirements_gathering_and_coordination" },
    { step: 2, expert: "digital-business-think-tank", action: "idea_validation_and_market_analysis" },
    { step: 3, expert: "digital-business-think-tank", action: "business_model_design_and_innovation" },
    { step: 4, expert: "legal-consultant", action: "business_structure_and_ip_protection" },
    { step: 5, expert: "finance-accountant", action: "financial_planning_and_funding_strategy" },
    { step: 6, expert: "marketing-sales", action: "go_to_market_strategy_development" },
    { step: 7, expert: "project-management", action: "launch_execution_planning" },
  ],
  // Not in the seed: chosen for the catalogue card and the brief question.
  previewEmoji: "🦄",
  themeColors: { primary: "#FF6B35", accent: "#6366F1" },
  briefLabel: "Describe your startup idea: the problem, who has it and your solution.",
};

export const startupIdeationToLaunch = collaborationTemplate(STARTUP_IDEATION_TO_LAUNCH);
