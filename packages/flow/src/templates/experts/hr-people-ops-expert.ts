import { type ExpertSpec, expertTemplate } from "./expert-flow.ts";

export const HR_PEOPLE_OPS_EXPERT: ExpertSpec = {
  key: "hr-people-ops",
  templateId: "hr-people-ops-expert-v1",
  name: "AI HR & People Operations Expert",
  description:
    "Human resources expert specializing in talent management, employee relations, compliance, performance management, and organizational development.",
  category: "human_resources",
  industry: "cross_industry",
  useCase: "hr_people_ops",
  featured: true,
  seedComplexity: "expert",
  seedPriceTier: "premium",
  minimumPlan: "premium",
  tags: ["hr", "people_operations", "talent_management", "compliance"],
  languages: ["en"],
  setupMinutes: 30,
  requiredIntegrations: ["hr_system", "recruiting_platform"],
  themeColors: { primary: "#4CAF50", accent: "#FF5722" },
  previewEmoji: "🧑‍🤝‍🧑",
  welcomeMessage:
    "Hi! I'm your AI HR & People Operations Expert. I specialize in talent management, employee relations, compliance, and organizational development. I can work with legal experts for employment compliance.",
  expertiseAreas: [
    "Recruitment & Talent Acquisition",
    "Performance Management & Reviews",
    "Employee Relations & Engagement",
    "Compensation & Benefits Planning",
    "Training & Development Programs",
    "HR Compliance & Employment Law",
    "Organizational Development",
    "Workplace Policies & Procedures",
    "Conflict Resolution",
    "Succession Planning",
  ],
  systemPrompt:
    "You are an expert AI HR & People Operations specialist with comprehensive knowledge of talent management, employment law, and organizational development.",
  // The seed has no specialized_knowledge for this template; its expertise_sharing stands in.
  specialisedKnowledge: [
    "Compliance validation: Works with legal for employment law compliance",
    "Budget planning: Coordinates with finance for compensation planning",
    "Resource allocation: Supports PM with team staffing and skills assessment",
  ],
  collaborators: ["legal-consultant", "finance-accountant", "project-management"],
  handoffMessage: "I'm connecting you with someone from our HR team. Please hold on.",
};

export const hrPeopleOpsExpert = expertTemplate(HR_PEOPLE_OPS_EXPERT);
