import { projectAssessment } from "./assessment/project-assessment.ts";
import type { TemplateSeed } from "./catalogue-types.ts";
import { businessExpansionPlanning } from "./collaboration/business-expansion-planning.ts";
import { digitalInnovationStrategy } from "./collaboration/digital-innovation-strategy.ts";
import { emergingTechnologyAdoption } from "./collaboration/emerging-technology-adoption.ts";
import { marketingCampaignPlanning } from "./collaboration/marketing-campaign-planning.ts";
import { productLaunchCoordination } from "./collaboration/product-launch-coordination.ts";
import { startupIdeationToLaunch } from "./collaboration/startup-ideation-to-launch.ts";
import { artDesignExpert } from "./experts/art-design-expert.ts";
import { digitalBusinessThinkTank } from "./experts/digital-business-think-tank.ts";
import { financeAccountantExpert } from "./experts/finance-accountant-expert.ts";
import { hrPeopleOpsExpert } from "./experts/hr-people-ops-expert.ts";
import { legalConsultantExpert } from "./experts/legal-consultant-expert.ts";
import { marketingSalesExpert } from "./experts/marketing-sales-expert.ts";
import { personalAssistantExpert } from "./experts/personal-assistant-expert.ts";
import { projectManagementExpert } from "./experts/project-management-expert.ts";

export type { TemplateSeed } from "./catalogue-types.ts";

/** Seed 004's catalogue: eight expert templates, six multi-expert collaborations and the PM assessment flow. */
export const TEMPLATE_SEEDS: TemplateSeed[] = [
  financeAccountantExpert,
  personalAssistantExpert,
  marketingSalesExpert,
  artDesignExpert,
  projectManagementExpert,
  legalConsultantExpert,
  hrPeopleOpsExpert,
  digitalBusinessThinkTank,
  projectAssessment,
  marketingCampaignPlanning,
  businessExpansionPlanning,
  productLaunchCoordination,
  digitalInnovationStrategy,
  startupIdeationToLaunch,
  emergingTechnologyAdoption,
];
