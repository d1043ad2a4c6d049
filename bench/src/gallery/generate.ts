/**
 * 1,000 gallery templates that look like a real catalogue: names and descriptions built from domain
 * vocabulary (so search terms hit some templates and not others, and ranking has work to do), categories,
 * industries, use cases, tags, languages, complexity, price tiers, ratings and usage spread unevenly, a few
 * organization-only, draft and archived rows. Deterministic (seeded), so runs compare.
 */
import type { TemplateSeed } from "@pixel/flow";

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Domain {
  category: string;
  industries: string[];
  useCases: string[];
  subjects: string[];
  tasks: string[];
  tags: string[];
  integrations: string[];
}

const DOMAINS: Domain[] = [
  {
    category: "customer_support",
    industries: ["ecommerce", "saas", "telecom", "retail"],
    useCases: ["customer_support", "faq", "returns"],
    subjects: ["Help Desk", "Support", "Returns", "Order Tracking", "Warranty"],
    tasks: [
      "answers order status questions",
      "handles returns and refunds",
      "resolves billing disputes",
      "troubleshoots common product issues",
      "escalates angry customers to a human agent",
    ],
    tags: ["support", "faq", "orders", "refunds", "tickets", "live_chat"],
    integrations: ["zendesk", "shopify", "freshdesk", "intercom"],
  },
  {
    category: "sales",
    industries: ["saas", "real_estate", "automotive", "b2b_services"],
    useCases: ["lead_generation", "lead_qualification", "appointment_booking"],
    subjects: ["Lead", "Sales", "Demo Booking", "Quote", "Pipeline"],
    tasks: [
      "qualifies inbound leads with budget and timeline questions",
      "books product demos into the sales calendar",
      "prepares quotes from a price list",
      "follows up on abandoned carts",
      "scores prospects for the sales team",
    ],
    tags: ["sales", "leads", "crm", "qualification", "demo", "pipeline"],
    integrations: ["hubspot", "salesforce", "pipedrive", "calendly"],
  },
  {
    category: "marketing",
    industries: ["agency", "ecommerce", "media", "cross_industry"],
    useCases: ["campaign_planning", "content_creation", "social_media"],
    subjects: ["Campaign", "Content", "Social Media", "Newsletter", "Brand Voice"],
    tasks: [
      "drafts social media posts in the brand voice",
      "plans email newsletter campaigns",
      "suggests blog topics from keyword research",
      "writes product descriptions for online stores",
      "summarises campaign performance for stakeholders",
    ],
    tags: ["marketing", "content", "social_media", "email", "seo", "branding"],
    integrations: ["mailchimp", "buffer", "google_analytics", "canva"],
  },
  {
    category: "finance_accounting",
    industries: ["accounting", "banking", "insurance", "cross_industry"],
    useCases: ["bookkeeping", "tax", "invoicing", "budgeting"],
    subjects: ["Invoice", "Bookkeeping", "Tax", "Expense", "Budget", "Cash Flow"],
    tasks: [
      "chases unpaid invoices politely",
      "explains VAT and sales tax rules",
      "categorises expenses from receipts",
      "forecasts monthly cash flow",
      "prepares year-end tax checklists for freelancers",
    ],
    tags: ["finance", "invoices", "tax", "accounting", "budget", "expenses"],
    integrations: ["quickbooks", "xero", "stripe", "excel"],
  },
  {
    category: "hr_people",
    industries: ["cross_industry", "staffing", "enterprise"],
    useCases: ["onboarding", "recruiting", "employee_faq"],
    subjects: ["Onboarding", "Recruiting", "Benefits", "Leave Request", "Interview"],
    tasks: [
      "onboards new hires with a first-week checklist",
      "screens job applicants with structured questions",
      "answers questions about benefits and leave policies",
      "schedules interviews with hiring managers",
      "collects anonymous employee feedback",
    ],
    tags: ["hr", "onboarding", "recruiting", "benefits", "interviews", "policies"],
    integrations: ["workday", "bamboohr", "greenhouse", "slack"],
  },
  {
    category: "legal",
    industries: ["legal_services", "cross_industry", "real_estate"],
    useCases: ["contract_review", "compliance", "intake"],
    subjects: ["Contract", "Compliance", "Legal Intake", "Privacy", "NDA"],
    tasks: [
      "reviews contracts for risky clauses",
      "explains GDPR obligations in plain language",
      "collects client intake details before a consultation",
      "drafts simple non-disclosure agreements",
      "tracks compliance deadlines",
    ],
    tags: ["legal", "contracts", "compliance", "gdpr", "privacy", "nda"],
    integrations: ["docusign", "clio", "google_drive"],
  },
  {
    category: "healthcare",
    industries: ["clinics", "dental", "pharmacy", "wellness"],
    useCases: ["appointment_booking", "patient_intake", "faq"],
    subjects: ["Dental", "Clinic", "Patient Intake", "Pharmacy", "Wellness Coach"],
    tasks: [
      "books dental appointments and sends reminders",
      "collects symptoms before a consultation",
      "answers pharmacy opening hours and refill questions",
      "guides patients through insurance paperwork",
      "coaches healthy habits with weekly check-ins",
    ],
    tags: ["healthcare", "appointments", "patients", "reminders", "insurance", "wellness"],
    integrations: ["google_calendar", "twilio", "epic"],
  },
  {
    category: "education",
    industries: ["schools", "universities", "online_learning"],
    useCases: ["tutoring", "admissions", "course_faq"],
    subjects: ["Tutor", "Admissions", "Course", "Homework Helper", "Language Coach"],
    tasks: [
      "tutors students in algebra step by step",
      "answers admissions questions about deadlines and fees",
      "quizzes learners on vocabulary",
      "recommends courses from a catalogue",
      "explains homework without giving away the answer",
    ],
    tags: ["education", "tutoring", "students", "courses", "quizzes", "languages"],
    integrations: ["moodle", "google_classroom", "zoom"],
  },
  {
    category: "hospitality",
    industries: ["restaurants", "hotels", "travel", "bakery"],
    useCases: ["reservations", "ordering", "concierge"],
    subjects: ["Restaurant", "Hotel Concierge", "Bakery Order", "Travel Planner", "Table Booking"],
    tasks: [
      "takes table reservations and special requests",
      "recommends dishes with allergen information",
      "plans city itineraries for hotel guests",
      "takes cake and bread orders for pickup",
      "rebooks cancelled flights and trains",
    ],
    tags: ["hospitality", "reservations", "restaurants", "travel", "orders", "menu"],
    integrations: ["opentable", "google_maps", "square"],
  },
  {
    category: "it_operations",
    industries: ["saas", "enterprise", "cross_industry"],
    useCases: ["it_helpdesk", "incident_response", "devops"],
    subjects: ["IT Helpdesk", "Incident", "Password Reset", "DevOps", "Security"],
    tasks: [
      "resets passwords after verifying identity",
      "triages incidents and pages the on-call engineer",
      "answers VPN and laptop setup questions",
      "summarises deployment logs",
      "walks employees through phishing reports",
    ],
    tags: ["it", "helpdesk", "incidents", "security", "devops", "passwords"],
    integrations: ["jira", "pagerduty", "okta", "github"],
  },
  {
    category: "real_estate",
    industries: ["real_estate", "property_management"],
    useCases: ["lead_generation", "tenant_support", "viewings"],
    subjects: ["Property", "Tenant", "Viewing", "Mortgage", "Listing"],
    tasks: [
      "schedules property viewings",
      "answers tenant maintenance requests",
      "estimates mortgage payments",
      "matches buyers with listings by budget and area",
      "collects rental applications",
    ],
    tags: ["real_estate", "property", "tenants", "mortgage", "listings", "viewings"],
    integrations: ["zillow", "google_calendar", "docusign"],
  },
  {
    category: "productivity",
    industries: ["cross_industry", "consulting"],
    useCases: ["personal_assistant", "meeting_notes", "project_management"],
    subjects: ["Meeting", "Personal Assistant", "Project Planner", "Task", "Research"],
    tasks: [
      "turns meeting notes into action items",
      "plans projects with milestones and owners",
      "drafts replies to routine emails",
      "researches competitors and summarises findings",
      "keeps a daily priority list",
    ],
    tags: ["productivity", "meetings", "projects", "tasks", "research", "email"],
    integrations: ["notion", "google_workspace", "microsoft_365", "trello"],
  },
];

const ADJECTIVES = ["Smart", "Friendly", "Expert", "Quick", "24/7", "Multilingual", "Pro", "Simple", "AI", "Virtual"];
const ROLES = ["Assistant", "Bot", "Advisor", "Agent", "Concierge", "Coach", "Helper", "Specialist", "Guide"];
const OPENERS = [
  "A chatbot that",
  "An assistant that",
  "Ready-made flow that",
  "This template",
  "A conversational agent that",
];
const CLOSERS = [
  "Hands over to a person when it cannot help.",
  "Works on your website, in a widget or over the API.",
  "Collects contact details and saves them to your CRM.",
  "Speaks in your brand's tone and keeps answers short.",
  "Includes a summary step for your team.",
  "",
];
const LANGUAGES = ["en", "es", "fr", "de", "pt", "it", "nl", "ja", "pl", "sv"];
const EMOJIS = ["🤖", "💬", "📅", "🧾", "🏠", "🎓", "🍰", "🛒", "⚖️", "🩺", "🛠️", "📈"];
const COMPLEXITIES = ["beginner", "intermediate", "advanced"] as const;
const PRICE_TIERS = ["free", "pro", "enterprise"] as const;

export interface GeneratedTemplate {
  slug: string;
  name: string;
  description: string;
  category: string;
  industry: string;
  useCase: string;
  tags: string[];
  featured: boolean;
  premium: boolean;
  complexity: string;
  priceTier: string;
  setupMinutes: number;
  requiredIntegrations: string[];
  languages: string[];
  defaultLanguage: string;
  previewEmoji: string;
  themeColors: { primary: string; accent: string };
  seoTitle: string;
  seoDescription: string;
  ratingAverage: number;
  ratingCount: number;
  usageCount: number;
  status: "published" | "draft" | "archived";
  visibility: "public" | "organization";
  /** True: owned by the bench's organization (with visibility "organization" most of the time). */
  owned: boolean;
  flow: unknown;
  createdAt: Date;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function some<T>(random: () => number, items: readonly T[], min: number, max: number): T[] {
  const count = min + Math.floor(random() * (max - min + 1));
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as T);
  return out;
}

/** Skewed towards small values: most templates are rarely used, a few very often (as in real galleries). */
function skewed(random: () => number, max: number): number {
  return Math.floor(max * random() ** 4);
}

export function generateTemplates(count: number, flows: readonly TemplateSeed["flow"][], seed = 20261124) {
  const random = rng(seed);
  const start = Date.UTC(2025, 0, 1);
  const templates: GeneratedTemplate[] = [];
  for (let i = 0; i < count; i++) {
    const domain = pick(random, DOMAINS);
    const subject = pick(random, domain.subjects);
    const name = `${pick(random, ADJECTIVES)} ${subject} ${pick(random, ROLES)}`;
    const tasks = some(random, domain.tasks, 2, 3);
    const description =
      `${pick(random, OPENERS)} ${tasks.slice(0, -1).join(", ")} and ${tasks.at(-1)}. ${pick(random, CLOSERS)}`.trim();
    const languages = random() < 0.6 ? ["en"] : ["en", ...some(random, LANGUAGES.slice(1), 1, 3)];
    if (random() < 0.08) languages.shift(); // a few without English at all
    if (languages.length === 0) languages.push(pick(random, LANGUAGES.slice(1)));
    const statusRoll = random();
    const owned = random() < 0.06;
    templates.push({
      slug: `bench-${i.toString().padStart(4, "0")}-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`.slice(0, 100),
      name,
      description,
      category: domain.category,
      industry: pick(random, domain.industries),
      useCase: pick(random, domain.useCases),
      tags: some(random, domain.tags, 2, 5),
      featured: random() < 0.05,
      premium: random() < 0.15,
      complexity: pick(random, COMPLEXITIES),
      priceTier: random() < 0.6 ? "free" : pick(random, PRICE_TIERS),
      setupMinutes: 5 + 5 * Math.floor(random() * 12),
      requiredIntegrations: some(random, domain.integrations, 0, 2),
      languages,
      defaultLanguage: languages[0] as string,
      previewEmoji: pick(random, EMOJIS),
      themeColors: { primary: "#2563EB", accent: "#F59E0B" },
      seoTitle: `${name} | AI chatbot template`,
      seoDescription: description.slice(0, 160),
      ratingCount: skewed(random, 400),
      ratingAverage: 0,
      usageCount: skewed(random, 25_000),
      status: statusRoll < 0.03 ? "draft" : statusRoll < 0.05 ? "archived" : "published",
      visibility: owned && random() < 0.8 ? "organization" : "public",
      owned,
      flow: pick(random, flows),
      createdAt: new Date(start + Math.floor(random() * 600) * 86_400_000),
    });
    const last = templates[templates.length - 1] as GeneratedTemplate;
    last.ratingAverage = last.ratingCount ? Math.round((2.5 + random() * 2.5) * 100) / 100 : 0;
  }
  return templates;
}

/** Searches a visitor might type: common and rare words, phrases, operators, a miss. */
export const SEARCH_TERMS = [
  "customer support",
  "invoice",
  "appointment booking",
  "dental",
  "real estate leads",
  "onboarding new hires",
  '"order tracking"',
  "tax -crypto",
  "marketing or sales",
  "contract review gdpr",
  "bakery cake",
  "password reset vpn",
  "assistant",
  "xylophone",
];

/** The same words for the baseline's to_tsquery (plain AND of the words, the index does the work). */
export function baselineTsquery(term: string): string {
  const words = term
    .toLowerCase()
    .replace(/\bor\b/g, " ")
    .split(/[^a-z0-9-]+/)
    .filter((w) => w && !w.startsWith("-"));
  return words.join(" & ");
}
