import { type CollaborationSpec, collaborationTemplate } from "./collaboration-flow.ts";

/** Seed 004, mcp_collaboration_flows: product_launch_coordination. */
export const PRODUCT_LAUNCH_COORDINATION: CollaborationSpec = {
  flowName: "product_launch_coordination",
  description: "End-to-end product launch coordination across all business functions",
  participatingExperts: [
    "project-management",
    "marketing-sales",
    "finance-accountant",
    "art-design",
    "legal-consultant",
  ],
  workflow: [
    { step: 1, expert: "project-management", action: "launch_project_initiation" },
    { step: 2, expert: "marketing-sales", action: "go_to_market_strategy" },
    { step: 3, expert: "art-design", action: "product_visual_identity" },
    { step: 4, expert: "legal-consultant", action: "intellectual_property_protection" },
    { step: 5, expert: "finance-accountant", action: "pricing_and_revenue_projections" },
  ],
  // Not in the seed: chosen for the catalogue card and the brief question.
  previewEmoji: "🛍️",
  themeColors: { primary: "#2E86AB", accent: "#E91E63" },
  briefLabel: "Describe the product you are launching and its target market.",
};

export const productLaunchCoordination = collaborationTemplate(PRODUCT_LAUNCH_COORDINATION);
