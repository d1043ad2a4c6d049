import { FlowBuilder } from "../build.ts";
import type { TemplateSeed } from "../catalogue-types.ts";

/**
 * Our rebuild of seed 004's "Project Assessment and Setup Flow" (conversation_flows, pm-project-assessment-v1):
 * welcome → project type → project details → methodology recommendation (AI analysis) → charter offer, with
 * the charter, planning and methodology branches the seed's options point to, its two global actions
 * (risk, team) and the escalation/restart actions of the seed's flow_definition example.
 */
export function projectAssessmentFlow() {
  const b = new FlowBuilder();
  b.add("start", "start", {}, { col: 1, row: 0 });
  b.add(
    "welcome_assessment",
    "message",
    { text: "Let's assess your project and recommend the best management approach." },
    { col: 1, row: 1 },
    "Project Assessment Welcome",
  );
  b.add(
    "project_type_question",
    "quick-reply",
    {
      prompt: "What type of project are you starting?",
      options: [
        { id: "software", label: "Software Development" },
        { id: "marketing", label: "Marketing Campaign" },
        { id: "construction", label: "Construction" },
        { id: "event", label: "Event Planning" },
        { id: "other", label: "Other" },
      ],
      allowFreeText: true,
      variable: "project_type",
    },
    { col: 1, row: 2 },
    "Project Type",
  );
  b.add(
    "project_details",
    "collect-data",
    {
      intro: "Great, a {{project_type}} project. A few quick questions so I can recommend an approach.",
      mode: "conversational",
      fields: [
        {
          name: "project_name",
          label: "Project Name",
          type: "text",
          required: true,
          placeholder: "e.g. Customer portal relaunch",
        },
        {
          name: "timeline",
          label: "Expected Timeline",
          type: "select",
          required: true,
          options: ["< 1 month", "1-3 months", "3-6 months", "6-12 months", "> 1 year"],
        },
        {
          name: "team_size",
          label: "Team Size",
          type: "number",
          required: true,
          min: 1,
          max: 1000,
          placeholder: "e.g. 8",
        },
        {
          name: "budget_range",
          label: "Budget Range",
          type: "select",
          required: true,
          options: ["< $10K", "$10K-$50K", "$50K-$250K", "$250K-$1M", "> $1M"],
        },
        {
          name: "requirements_stability",
          label: "How stable are your requirements?",
          type: "select",
          required: true,
          options: ["Very stable", "Mostly stable", "Some changes expected", "Highly uncertain"],
        },
      ],
    },
    { col: 1, row: 3 },
    "Project Details Collection",
  );
  b.add(
    "methodology_recommendation",
    "ai-analysis",
    {
      model: "openai:gpt-4o-mini",
      instructions:
        "Based on project type, timeline, team size, and requirements stability, recommend the most suitable project management methodology.\n\nProject details:\n- Project name: {{project_name}}\n- Project type: {{project_type}}\n- Expected timeline: {{timeline}}\n- Team size: {{team_size}}\n- Budget range: {{budget_range}}\n- Requirements stability: {{requirements_stability}}\n\nRecommendation factors:\n- Waterfall indicators: stable requirements, regulatory environment, large team, long timeline.\n- Agile indicators: changing requirements, software project, small team, short iterations.\n- Hybrid indicators: mixed requirements, multiple teams, complex project, phased approach.\n\nRecommend one methodology (for example Waterfall, Agile (Scrum), Agile (Kanban) or Hybrid) and explain in two or three sentences which indicators led to it.\nList three to five concrete next steps, and the templates you can offer (for example project charter, product backlog, Gantt chart, RACI matrix, risk register).",
      fields: [
        {
          name: "recommended_methodology",
          type: "string",
          description: 'The recommended methodology, e.g. "Agile (Scrum)", "Waterfall" or "Hybrid".',
        },
        {
          name: "reasoning",
          type: "string",
          description: "Two or three sentences naming the indicators that led to the recommendation.",
        },
        {
          name: "next_steps",
          type: "array",
          description: "Three to five concrete next steps, each one short sentence.",
        },
        { name: "templates_offered", type: "array", description: "Templates you can provide for this methodology." },
      ],
      temperature: 0.2,
      maxTokens: 1024,
    },
    { col: 1, row: 4 },
    "Methodology Recommendation",
  );
  b.add(
    "analysis_failed",
    "quick-reply",
    {
      prompt: "Sorry, I couldn't prepare a recommendation just now. What would you like to do?",
      options: [
        { id: "retry", label: "Try again" },
        { id: "person", label: "Talk to a person" },
      ],
      allowFreeText: false,
    },
    { col: 2, row: 4 },
    "Analysis Failed",
  );
  b.add(
    "charter_creation_offer",
    "quick-reply",
    {
      prompt:
        "Great! Based on your project, I recommend {{recommended_methodology}}. {{reasoning}} Would you like me to help you create a project charter?",
      options: [
        { id: "create_charter", label: "Yes, create charter", value: "create_charter" },
        { id: "skip_charter", label: "Skip to planning", value: "skip_charter" },
        { id: "methodology_details", label: "Tell me more about methodology", value: "methodology_details" },
      ],
      allowFreeText: false,
      variable: "charter_choice",
    },
    { col: 1, row: 5 },
    "Charter Creation Offer",
  );
  b.add(
    "charter_creation",
    "collect-data",
    {
      intro: "Let's draft a project charter for {{project_name}}. Three short questions.",
      mode: "conversational",
      fields: [
        {
          name: "charter_objective",
          label: "What is the main objective of the project?",
          type: "text",
          required: true,
        },
        {
          name: "charter_sponsor",
          label: "Who is the project sponsor?",
          type: "text",
          required: true,
          placeholder: "Name and role",
        },
        { name: "charter_success_criteria", label: "How will you measure success?", type: "text", required: true },
      ],
    },
    { col: 0, row: 6 },
    "Charter Basics",
  );
  b.add(
    "charter_draft",
    "ai-step",
    {
      model: "openai:gpt-4o-mini",
      fallbackModels: [],
      systemPrompt:
        "You are an experienced, PMP-certified project manager. You give practical, specific advice and write clear markdown.",
      prompt:
        'Draft a one-page project charter for "{{project_name}}".\n\n- Project type: {{project_type}}\n- Methodology: {{recommended_methodology}}\n- Expected timeline: {{timeline}}\n- Team size: {{team_size}}\n- Budget range: {{budget_range}}\n- Requirements stability: {{requirements_stability}}\n- Objective: {{charter_objective}}\n- Sponsor: {{charter_sponsor}}\n- Success criteria: {{charter_success_criteria}}\n- Next steps identified: {{next_steps}}\n\nUse these sections: Purpose and objective; Scope (in and out); Success criteria; Sponsor and key roles; Timeline and milestones; Budget; Assumptions and constraints; Initial risks; Approval.',
      temperature: 0.4,
      maxTokens: 2000,
      historyWindow: 6,
      saveTo: "project_charter",
      mode: "once",
      exitPhrases: [],
    },
    { col: 0, row: 7 },
    "Charter Draft",
  );
  b.add(
    "charter_done",
    "end",
    { message: 'That\'s your draft charter for {{project_name}}. Type "restart" any time to assess another project.' },
    { col: 0, row: 8 },
    "Charter Done",
  );
  b.add(
    "planning_guidance",
    "ai-step",
    {
      model: "openai:gpt-4o-mini",
      fallbackModels: [],
      systemPrompt:
        "You are an experienced, PMP-certified project manager. You give practical, specific advice and write clear markdown.",
      prompt:
        'Give planning guidance for "{{project_name}}", a {{project_type}} project run with {{recommended_methodology}}.\nTimeline: {{timeline}}. Team size: {{team_size}}. Budget range: {{budget_range}}. Requirements: {{requirements_stability}}.\nSuggested next steps: {{next_steps}}. Templates available: {{templates_offered}}.\n\nCover: how to break down the work, the first milestones, the meeting cadence, and what to track each week. Keep it practical and short.',
      temperature: 0.5,
      maxTokens: 1500,
      historyWindow: 6,
      saveTo: "planning_notes",
      mode: "once",
      exitPhrases: [],
    },
    { col: 1, row: 6 },
    "Planning Guidance",
  );
  b.add(
    "planning_done",
    "end",
    { message: 'Good luck with {{project_name}}! Type "restart" any time to assess another project.' },
    { col: 1, row: 7 },
    "Planning Done",
  );
  b.add(
    "methodology_explanation",
    "ai-step",
    {
      model: "openai:gpt-4o-mini",
      fallbackModels: [],
      systemPrompt:
        "You are an experienced, PMP-certified project manager. You give practical, specific advice and write clear markdown.",
      prompt:
        'Explain {{recommended_methodology}} to someone about to run "{{project_name}}" ({{project_type}}, team of {{team_size}}, timeline {{timeline}}).\nWhy it was recommended: {{reasoning}}\n\nDescribe its roles, ceremonies or phases, and artifacts, how it handles changing requirements, and the most common pitfalls. Finish with when a different methodology would fit better.',
      temperature: 0.5,
      maxTokens: 1500,
      historyWindow: 6,
      saveTo: "methodology_notes",
      mode: "once",
      exitPhrases: [],
    },
    { col: 2, row: 6 },
    "Methodology Explanation",
  );
  b.add(
    "back_to_offer",
    "jump",
    { targetNodeId: "charter_creation_offer" },
    { col: 2, row: 7 },
    "Back to Charter Offer",
  );
  b.add(
    "risk_identification",
    "ai-step",
    {
      model: "openai:gpt-4o-mini",
      fallbackModels: [],
      systemPrompt: "You are a senior project manager who specialises in risk management. Be concrete and calm.",
      prompt:
        'The user raised a concern: "{{last_message}}"\n\nWhat is known about the project (some may be empty): name {{project_name}}; type {{project_type}}; methodology {{recommended_methodology}}; timeline {{timeline}}; team size {{team_size}}; budget {{budget_range}}; requirements {{requirements_stability}}.\n\nIdentify the risks behind the concern. For each: likelihood, impact, an early warning sign and a mitigation. End with one question that helps the user prioritise.',
      temperature: 0.4,
      maxTokens: 1200,
      historyWindow: 10,
      saveTo: "risk_notes",
      mode: "once",
      exitPhrases: [],
    },
    { col: 3, row: 2 },
    "Risk Identification",
  );
  b.add(
    "stakeholder_analysis",
    "ai-step",
    {
      model: "openai:gpt-4o-mini",
      fallbackModels: [],
      systemPrompt: "You are a senior project manager who specialises in stakeholder management and team resourcing.",
      prompt:
        'The user asked about their team or stakeholders: "{{last_message}}"\n\nWhat is known about the project (some may be empty): name {{project_name}}; type {{project_type}}; methodology {{recommended_methodology}}; team size {{team_size}}; timeline {{timeline}}.\n\nIdentify the key stakeholders and roles, map them by influence and interest, suggest a RACI split for the main deliverables, and point out resourcing gaps.',
      temperature: 0.4,
      maxTokens: 1200,
      historyWindow: 10,
      saveTo: "stakeholder_notes",
      mode: "once",
      exitPhrases: [],
    },
    { col: 3, row: 3 },
    "Stakeholder Analysis",
  );
  b.add(
    "ai_failed",
    "message",
    { text: "Sorry, I can't answer that right now." },
    { col: 4, row: 3 },
    "AI Unavailable",
  );
  b.add(
    "side_topic_menu",
    "quick-reply",
    {
      prompt: "What would you like to do next?",
      options: [
        { id: "assess", label: "Assess a project" },
        { id: "person", label: "Talk to a person" },
        { id: "done", label: "That's all, thanks" },
      ],
      allowFreeText: false,
    },
    { col: 3, row: 4 },
    "What Next",
  );
  b.add("to_assessment", "jump", { targetNodeId: "welcome_assessment" }, { col: 3, row: 5 }, "To Assessment");
  b.add("goodbye", "end", { message: "Good luck with your project!" }, { col: 4, row: 5 }, "Goodbye");
  b.add(
    "human_handoff",
    "human-handoff",
    {
      message: "I'm connecting you with a project management specialist. Please hold on.",
      reason: "The user asked for a person",
    },
    { col: 4, row: 4 },
    "Human Handoff",
  );
  b.connect("start", "welcome_assessment");
  b.connect("welcome_assessment", "project_type_question");
  b.connect("project_type_question", "project_details", "software");
  b.connect("project_type_question", "project_details", "marketing");
  b.connect("project_type_question", "project_details", "construction");
  b.connect("project_type_question", "project_details", "event");
  b.connect("project_type_question", "project_details", "other");
  b.connect("project_type_question", "project_details", "fallback");
  b.connect("project_details", "methodology_recommendation");
  b.connect("methodology_recommendation", "charter_creation_offer");
  b.connect("methodology_recommendation", "analysis_failed", "error");
  b.connect("analysis_failed", "methodology_recommendation", "retry");
  b.connect("analysis_failed", "human_handoff", "person");
  b.connect("charter_creation_offer", "charter_creation", "create_charter");
  b.connect("charter_creation_offer", "planning_guidance", "skip_charter");
  b.connect("charter_creation_offer", "methodology_explanation", "methodology_details");
  b.connect("charter_creation", "charter_draft");
  b.connect("charter_draft", "charter_done");
  b.connect("charter_draft", "ai_failed", "error");
  b.connect("planning_guidance", "planning_done");
  b.connect("planning_guidance", "ai_failed", "error");
  b.connect("methodology_explanation", "back_to_offer");
  b.connect("methodology_explanation", "ai_failed", "error");
  b.connect("risk_identification", "side_topic_menu");
  b.connect("risk_identification", "ai_failed", "error");
  b.connect("stakeholder_analysis", "side_topic_menu");
  b.connect("stakeholder_analysis", "ai_failed", "error");
  b.connect("ai_failed", "side_topic_menu");
  b.connect("side_topic_menu", "to_assessment", "assess");
  b.connect("side_topic_menu", "human_handoff", "person");
  b.connect("side_topic_menu", "goodbye", "done");
  b.variable("project_type", "string", "Chosen or typed project type.");
  b.variable("project_name", "string");
  b.variable("timeline", "string");
  b.variable("team_size", "number");
  b.variable("budget_range", "string");
  b.variable("requirements_stability", "string");
  b.variable("recommended_methodology", "string", "From the methodology recommendation.");
  b.variable("reasoning", "string", "Why that methodology.");
  b.variable("next_steps", "json", "List of next steps.");
  b.variable("templates_offered", "json", "List of templates offered.");
  b.variable("charter_choice", "string", "create_charter, skip_charter or methodology_details.");
  b.variable("charter_objective", "string");
  b.variable("charter_sponsor", "string");
  b.variable("charter_success_criteria", "string");
  b.variable("project_charter", "string", "The drafted charter.");
  b.variable("planning_notes", "string");
  b.variable("methodology_notes", "string");
  b.variable("risk_notes", "string");
  b.variable("stakeholder_notes", "string");
  b.keywordAction("restart", "Start over", ["restart", "begin again", "start over"], "start");
  b.keywordAction(
    "risk_assessment",
    "Risk assessment",
    ["risk", "risks", "problem", "problems", "issue", "issues", "concern", "concerns"],
    "risk_identification",
  );
  b.keywordAction(
    "team_help",
    "Team and stakeholders",
    ["team", "teams", "people", "stakeholder", "stakeholders", "resource", "resources"],
    "stakeholder_analysis",
  );
  b.keywordAction("escalation", "Talk to a person", ["human", "agent", "help"], "human_handoff");
  return b.build();
}

export const projectAssessment: TemplateSeed = {
  slug: "pm-project-assessment",
  name: "Project Assessment and Setup Flow",
  description: "Intelligent flow for assessing new projects and recommending methodologies",
  // The seed's flow row has no category, industry, plan or look: those of the Project Management Expert
  // template it belongs to are used, and the rest chosen.
  category: "business_productivity",
  industry: "cross_industry",
  useCase: "project_management",
  tags: ["project_management", "methodology", "project_charter", "assessment"],
  version: "1.0.0",
  featured: true,
  premium: false,
  complexity: "intermediate",
  priceTier: "free",
  setupMinutes: 10,
  requiredIntegrations: [],
  languages: ["en"],
  defaultLanguage: "en",
  previewEmoji: "🧭",
  themeColors: { primary: "#2E86AB", accent: "#F18F01" },
  seoTitle: "Project Assessment and Setup Flow | AI chatbot template",
  seoDescription: "Intelligent flow for assessing new projects and recommending methodologies",
  kind: "assessment",
  flow: projectAssessmentFlow(),
};
