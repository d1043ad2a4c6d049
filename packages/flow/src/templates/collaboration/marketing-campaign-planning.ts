import { type CollaborationSpec, collaborationTemplate } from "./collaboration-flow.ts";

/** Seed 004, mcp_collaboration_flows: marketing_campaign_planning. */
export const MARKETING_CAMPAIGN_PLANNING: CollaborationSpec = {
  flowName: "marketing_campaign_planning",
  description: "Complete marketing campaign development with budget analysis and creative assets",
  participatingExperts: ["marketing-sales", "finance-accountant", "art-design", "project-management"],
  workflow: [
    { step: 1, expert: "marketing-sales", action: "campaign_strategy_development" },
    { step: 2, expert: "finance-accountant", action: "budget_analysis_and_optimization" },
    { step: 3, expert: "art-design", action: "creative_asset_development" },
    { step: 4, expert: "project-management", action: "campaign_execution_planning" },
  ],
  collaborationPoints: [
    { experts: ["marketing-sales", "finance-accountant"], sync_on: "budget_approval" },
    { experts: ["marketing-sales", "art-design"], sync_on: "creative_brief" },
    { experts: ["project-management", "all"], sync_on: "timeline_coordination" },
  ],
  // Not in the seed: chosen for the catalogue card and the brief question.
  previewEmoji: "📣",
  themeColors: { primary: "#E91E63", accent: "#FF9800" },
  briefLabel: "Describe the campaign: product, audience and goal.",
};

export const marketingCampaignPlanning = collaborationTemplate(MARKETING_CAMPAIGN_PLANNING);
