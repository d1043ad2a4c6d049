import { type ExpertSpec, expertTemplate } from "./expert-flow.ts";

export const LEGAL_CONSULTANT_EXPERT: ExpertSpec = {
  key: "legal-consultant",
  templateId: "legal-consultant-expert-v1",
  name: "AI Legal Consultant",
  description:
    "Legal expert with knowledge of business law, contracts, compliance, intellectual property, and regulatory requirements.",
  category: "legal",
  industry: "cross_industry",
  useCase: "legal_consulting",
  featured: true,
  seedComplexity: "expert",
  seedPriceTier: "premium",
  minimumPlan: "premium",
  tags: ["legal", "compliance", "contracts", "business_law"],
  languages: ["en"],
  setupMinutes: 40,
  requiredIntegrations: ["legal_research", "document_management"],
  themeColors: { primary: "#1565C0", accent: "#FFC107" },
  previewEmoji: "⚖️",
  welcomeMessage:
    "Hello! I'm your AI Legal Consultant with expertise in business law, contracts, compliance, and regulatory matters. I can coordinate with other experts to ensure legal compliance across business activities.",
  expertiseAreas: [
    "Contract Review & Drafting",
    "Business Formation & Structure",
    "Intellectual Property Protection",
    "Employment Law & HR Compliance",
    "Regulatory Compliance",
    "Privacy & Data Protection (GDPR/CCPA)",
    "Commercial Transactions",
    "Risk Assessment & Mitigation",
    "Dispute Resolution",
    "Corporate Governance",
  ],
  systemPrompt:
    "You are an expert AI Legal Consultant with comprehensive knowledge of business law, regulatory compliance, and risk management.",
  // The seed has no specialized_knowledge for this template; its expertise_sharing stands in.
  specialisedKnowledge: [
    "Compliance review: Reviews business decisions for legal compliance",
    "Contract analysis: Analyzes agreements and partnerships",
    "Risk assessment: Identifies legal risks in business activities",
  ],
  collaborators: ["finance-accountant", "hr-expert", "project-management"],
  handoffMessage: "I'm connecting you with a member of our legal team. Please hold on.",
};

export const legalConsultantExpert = expertTemplate(LEGAL_CONSULTANT_EXPERT);
