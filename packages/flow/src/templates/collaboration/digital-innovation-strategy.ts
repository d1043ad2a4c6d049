import { type CollaborationSpec, collaborationTemplate } from "./collaboration-flow.ts";

/** Seed 004, mcp_collaboration_flows: digital_innovation_strategy. */
export const DIGITAL_INNOVATION_STRATEGY: CollaborationSpec = {
  flowName: "digital_innovation_strategy",
  description: "Comprehensive digital innovation and transformation strategy development",
  participatingExperts: [
    "digital-business-think-tank",
    "project-management",
    "finance-accountant",
    "marketing-sales",
    "art-design",
  ],
  workflow: [
    { step: 1, expert: "digital-business-think-tank", action: "innovation_opportunity_assessment" },
    { step: 2, expert: "digital-business-think-tank", action: "technology_trend_analysis_and_recommendations" },
    { step: 3, expert: "finance-accountant", action: "digital_investment_roi_analysis" },
    { step: 4, expert: "marketing-sales", action: "digital_market_positioning_strategy" },
    { step: 5, expert: "art-design", action: "digital_experience_design" },
    { step: 6, expert: "project-management", action: "digital_transformation_roadmap" },
  ],
  collaborationPoints: [
    { experts: ["digital-business-think-tank", "finance-accountant"], sync_on: "investment_priorities" },
    { experts: ["digital-business-think-tank", "marketing-sales"], sync_on: "market_opportunity" },
    { experts: ["digital-business-think-tank", "art-design"], sync_on: "user_experience_innovation" },
  ],
  // Not in the seed: chosen for the catalogue card and the brief question.
  previewEmoji: "💡",
  themeColors: { primary: "#FF6B35", accent: "#004E89" },
  briefLabel: "Describe your business and what you want digital innovation to change.",
};

export const digitalInnovationStrategy = collaborationTemplate(DIGITAL_INNOVATION_STRATEGY);
