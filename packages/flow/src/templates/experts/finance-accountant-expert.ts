import type { NodeDataInput } from "../build.ts";
import { type ExpertSpec, expertTemplate } from "./expert-flow.ts";

/** Seed 004 conversation_flows.financial_analysis: "data_gathering" comes before the analysis. */
const FINANCIAL_DATA: NodeDataInput["collect-data"] = {
  intro: "A few quick questions first so the analysis fits your business.",
  mode: "conversational",
  fields: [
    {
      name: "business_type",
      label: "What type of business do you run?",
      type: "text",
      required: true,
      placeholder: "e.g. SaaS startup, retail store, consultancy",
    },
    {
      name: "revenue_range",
      label: "What is your annual revenue range?",
      type: "select",
      required: true,
      options: ["< $100K", "$100K-$1M", "$1M-$10M", "$10M-$50M", "> $50M"],
    },
    {
      name: "financial_goals",
      label: "What are your main financial goals?",
      type: "text",
      required: true,
      placeholder: "e.g. improve cash flow, cut costs, prepare for funding",
    },
  ],
};

/** Seed 004 conversation_flows.tax_planning: "situation_assessment" comes first. */
const TAX_SITUATION: NodeDataInput["collect-data"] = {
  intro: "Let's start with a quick assessment of your tax situation.",
  mode: "conversational",
  fields: [
    {
      name: "entity_type",
      label: "How is your business structured?",
      type: "select",
      required: true,
      options: ["Sole proprietorship", "Partnership", "LLC", "S corporation", "C corporation", "Non-profit", "Other"],
    },
    {
      name: "tax_jurisdiction",
      label: "Where does the business file taxes (country / state)?",
      type: "text",
      required: true,
    },
    {
      name: "tax_concern",
      label: "What tax question or goal is on your mind?",
      type: "text",
      required: true,
    },
  ],
};

export const FINANCE_ACCOUNTANT_EXPERT: ExpertSpec = {
  key: "finance-accountant",
  templateId: "finance-accountant-expert-v1",
  name: "AI Finance & Accounting Expert",
  description:
    "CPA-level expertise in accounting, financial analysis, tax planning, budgeting, and compliance. Integrates with QuickBooks, Xero, and financial planning tools.",
  category: "financial_services",
  industry: "cross_industry",
  useCase: "accounting_finance",
  featured: true,
  seedComplexity: "expert",
  seedPriceTier: "premium",
  minimumPlan: "professional",
  tags: ["accounting", "finance", "tax", "budgeting", "cpa", "financial_analysis"],
  languages: ["en"],
  setupMinutes: 30,
  requiredIntegrations: ["accounting_software", "banking"],
  themeColors: { primary: "#2E7D32", accent: "#4CAF50" },
  previewEmoji: "📊",
  welcomeMessage:
    "Hi! I'm your AI Finance & Accounting Expert with CPA-level knowledge. I can help with bookkeeping, financial analysis, tax planning, budgeting, and compliance. I can also coordinate with other business experts for comprehensive solutions.",
  expertiseAreas: [
    "General Ledger Management",
    "Financial Statement Preparation",
    "Tax Planning & Compliance",
    "Budgeting & Forecasting",
    "Cash Flow Analysis",
    "Cost Accounting",
    "Audit Preparation",
    "Financial Ratio Analysis",
    "Investment Analysis",
    "Risk Assessment",
  ],
  systemPrompt:
    "You are a CPA-level AI Finance & Accounting Expert with deep knowledge of GAAP, tax regulations, financial analysis, and business finance. Provide accurate, compliant financial guidance and collaborate with other business experts through MCP coordination when needed.",
  specialisedKnowledge: [
    "GAAP and IFRS standards",
    "Tax regulations (Federal, State, International)",
    "Financial statement analysis",
    "Cost accounting methodologies",
    "Investment and valuation principles",
  ],
  collaborators: ["marketing-sales", "project-management", "legal", "hr"],
  dataCollection: {
    "Tax Planning & Compliance": TAX_SITUATION,
    "Budgeting & Forecasting": FINANCIAL_DATA,
    "Cash Flow Analysis": FINANCIAL_DATA,
    "Financial Ratio Analysis": FINANCIAL_DATA,
    "Investment Analysis": FINANCIAL_DATA,
  },
  handoffMessage: "I'm connecting you with a finance specialist from our team. Please hold on.",
};

export const financeAccountantExpert = expertTemplate(FINANCE_ACCOUNTANT_EXPERT);
