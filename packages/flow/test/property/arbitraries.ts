import fc from "fast-check";
import {
  type FlowDocument,
  type FlowDocumentInput,
  type FlowState,
  flowDocumentSchema,
  NODE_DEFINITIONS,
  nodeDefinition,
  type TurnInput,
} from "../../src/index.ts";
import type { AiStepData } from "../../src/nodes/ai-step/node.ts";
import type { CollectDataData } from "../../src/nodes/collect-data/node.ts";
import type { QuickReplyData } from "../../src/nodes/quick-reply/node.ts";

/** Small vocabularies, so generated inputs often hit option labels, keywords, field names and variables. */
export const VARIABLES = ["name", "email", "score", "answer", "topic", "count", "status", "reply"] as const;
const TEXTS = [
  "Hello!",
  "Hi {{name}}",
  "Your score is {{score}}",
  "You said {{last_message}}",
  "{{topic}} / {{status}}",
  "{{undeclared}}",
  "",
  "**bold** {{answer.detail}}",
];
const LABELS = ["Yes", "No", "Sales", "Support", "Pricing", "Talk to a human", "1", "Ça va"];
export const KEYWORDS = ["human", "agent", "restart", "menu", "price"];
const INTENTS = ["I want to talk to a human", "start over please", "what is the price"];
const EXIT_PHRASES = ["bye", "done", "back to menu"];
const MODELS = ["openai:gpt-4o-mini", "anthropic:claude-sonnet", "fast", "", " "];
const REGEXES = ["^yes$", "\\d+", "^(sales|support)$", "(", "[a-", "a{2,}", ""];
const EXPRESSIONS = [
  "0",
  "score + 1",
  "count * 2",
  'if score > 7 then "hot" else "cold"',
  "round(score / 3)",
  "-score",
  "score / 0",
  "max(score, count)",
  'name == "Ada"',
  "1 +",
  "score *",
  "abs(-0)",
  "toString",
  "constructor + 1",
];
const URLS = [
  "https://example.com/hooks/lead",
  "https://api.example.com/orders/{{answer}}?email={{email}}",
  "http://localhost:8080/{{name}}",
  "{{answer}}",
  "ftp://example.com/file",
  "not a url",
];
const COMPARE_VALUES = ["yes", "no", "7", "0", "", "sales", "-1.5"];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
/** Now and then a name that is also a property of every JavaScript object. */
const variable = fc.oneof(
  { weight: 12, arbitrary: pick(VARIABLES) },
  { weight: 1, arbitrary: pick(["toString", "valueOf", "hasOwnProperty"]) },
);
const text = pick(TEXTS);

type NodeSpec = { type: string; data: Record<string, unknown> };

const message = fc.record(
  {
    text,
    imageUrl: pick(["https://example.com/cat.png", "http://img.example.com/a.jpg"]),
    typingDelayMs: fc.integer({ min: 0, max: 3_000 }),
  },
  { requiredKeys: ["text"] },
);

const quickReply = fc.record(
  {
    prompt: text,
    options: fc.uniqueArray(
      fc.record(
        { id: pick(["o1", "o2", "o3", "o4", "o5"]), label: pick(LABELS), value: pick(["yes", "no", "", "sales"]) },
        { requiredKeys: ["id", "label"] },
      ),
      { selector: (o) => o.id, minLength: 1, maxLength: 4 },
    ),
    allowFreeText: fc.boolean(),
    variable,
  },
  { requiredKeys: ["prompt", "options", "allowFreeText"] },
);

const collectField = fc
  .record(
    {
      name: variable,
      label: pick(["Your email?", "Your name?", "How many?", "When?", "Phone?", "Pick one"]),
      type: pick(["text", "email", "number", "phone", "date", "select"] as const),
      required: fc.boolean(),
      options: fc.array(pick(LABELS), { minLength: 1, maxLength: 3 }),
      min: fc.integer({ min: -10, max: 10 }),
      span: fc.integer({ min: 0, max: 100 }),
      placeholder: pick(["you@example.com", ""]),
      errorMessage: pick(["That does not look right.", "Try again"]),
    },
    { requiredKeys: ["name", "label", "type", "required", "span"] },
  )
  .map(({ span, ...field }) => {
    const out: Record<string, unknown> = { ...field };
    if (field.type === "select" && !field.options) out.options = ["Red", "Blue"];
    if (field.min !== undefined && span % 3 === 0) out.max = field.min + span;
    return out;
  });

const collectData = fc.record(
  {
    intro: text,
    fields: fc.uniqueArray(collectField, { selector: (f) => f.name, minLength: 1, maxLength: 3 }),
    mode: pick(["conversational", "form"] as const),
  },
  { requiredKeys: ["fields", "mode"] },
);

const rule = fc
  .record({
    variable: pick([...VARIABLES, "last_message"]),
    operator: pick([
      "equals",
      "not_equals",
      "contains",
      "greater_than",
      "less_than",
      "is_set",
      "is_not_set",
      "matches",
    ] as const),
    compare: pick(COMPARE_VALUES),
    regex: pick(REGEXES),
  })
  .map(({ compare, regex, ...r }) => ({ ...r, value: r.operator === "matches" ? regex : compare }));

const condition = fc.record({
  branches: fc.uniqueArray(
    fc.record({
      id: pick(["b1", "b2", "b3", "yes", "no"]),
      label: pick(LABELS),
      combinator: pick(["and", "or"] as const),
      rules: fc.array(rule, { minLength: 1, maxLength: 3 }),
    }),
    { selector: (b) => b.id, minLength: 1, maxLength: 3 },
  ),
});

const setVariable = fc.record({
  assignments: fc.array(
    fc
      .record({
        variable,
        mode: pick(["literal", "expression"] as const),
        literal: text,
        expression: pick(EXPRESSIONS),
      })
      .map(({ literal, expression, ...a }) => ({ ...a, value: a.mode === "literal" ? literal : expression })),
    { minLength: 1, maxLength: 3 },
  ),
});

const aiStep = fc.record(
  {
    model: pick(MODELS),
    fallbackModels: fc.array(pick(["openai:gpt-4o", "smart"]), { maxLength: 2 }),
    systemPrompt: text,
    prompt: text,
    temperature: fc.double({ min: 0, max: 2, noNaN: true }),
    maxTokens: fc.integer({ min: 1, max: 4_000 }),
    historyWindow: fc.integer({ min: 0, max: 20 }),
    saveTo: variable,
    mode: pick(["once", "chat"] as const),
    exitPhrases: fc.array(pick(EXIT_PHRASES), { maxLength: 2 }),
  },
  { requiredKeys: ["model", "mode"] },
);

const aiAnalysis = fc.record(
  {
    model: pick(MODELS),
    instructions: pick(["Classify {{last_message}}", "Score the lead {{name}}", "Analyse"]),
    fields: fc.uniqueArray(
      fc.record(
        {
          name: pick(["category", "score", "urgent", "tags", "summary"]),
          type: pick(["string", "number", "boolean", "array"] as const),
          description: pick(["", "One word."]),
          variable,
          enum: fc.array(pick(["low", "high", "sales"]), { minLength: 1, maxLength: 3 }),
        },
        { requiredKeys: ["name", "type"] },
      ),
      { selector: (f) => f.name, minLength: 1, maxLength: 3 },
    ),
    temperature: fc.double({ min: 0, max: 2, noNaN: true }),
    maxTokens: fc.integer({ min: 1, max: 4_000 }),
  },
  { requiredKeys: ["model", "instructions", "fields"] },
);

const webhook = fc.record(
  {
    method: pick(["GET", "POST", "PUT", "PATCH", "DELETE"] as const),
    url: pick(URLS),
    headers: fc.array(
      fc.record({
        name: pick(["Content-Type", "X-Token", "Authorization"]),
        value: pick(["application/json", "{{email}}", ""]),
      }),
      { maxLength: 2 },
    ),
    body: pick(['{"email": "{{email}}"}', "", "plain {{name}}"]),
    timeoutMs: fc.integer({ min: 100, max: 60_000 }),
    retries: fc.integer({ min: 0, max: 2 }),
    responseMappings: fc.array(
      fc.record({ path: pick(["data.order.status", "items.0", "", "missing.deep.path", "status"]), variable }),
      { maxLength: 3 },
    ),
    statusVariable: variable,
  },
  { requiredKeys: ["method", "url"] },
);

const expertHandoff = fc.record(
  {
    name: pick(["Sales expert", "Support", "Coach"]),
    systemPrompt: pick(["You sell {{topic}}.", "You help."]),
    model: pick(MODELS),
    message: text,
  },
  { requiredKeys: ["name", "systemPrompt", "model"] },
);

const humanHandoff = fc.record(
  { message: pick(["Connecting you with {{name}}'s team.", "Please hold on."]), reason: pick(["angry", "asked"]) },
  { requiredKeys: ["message"] },
);

const end = fc.record({ message: text }, { requiredKeys: [] });

const DATA: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  message,
  "quick-reply": quickReply,
  "collect-data": collectData,
  condition,
  "set-variable": setVariable,
  "ai-step": aiStep,
  "ai-analysis": aiAnalysis,
  webhook,
  "expert-handoff": expertHandoff,
  "human-handoff": humanHandoff,
  jump: fc.constant({ targetNodeId: "placeholder" }),
  end,
  /** A few extra starts come from the "broken" generator only. */
  start: fc.constant({}),
};

/** Questions come up more often, so conversations last long enough to reach their answers. */
const WEIGHTS: Record<string, number> = { "quick-reply": 3, "collect-data": 3, message: 2 };

/** Each type's data: generated, or the definition's own defaults now and then. */
const nodeData: fc.Arbitrary<NodeSpec> = fc.oneof(
  ...NODE_DEFINITIONS.filter((d) => d.type !== "start").map((definition) => ({
    weight: WEIGHTS[definition.type] ?? 1,
    arbitrary: fc
      .tuple(DATA[definition.type] as fc.Arbitrary<Record<string, unknown>>, fc.integer({ min: 0, max: 9 }))
      .map(([data, dice]) => ({
        type: definition.type,
        data: dice === 0 ? (definition.defaults() as Record<string, unknown>) : data,
      })),
  })),
);

/** Where each output leads (an index into the nodes), or null for an output left unconnected. */
const wiring = fc.array(fc.option(fc.nat(), { freq: 8, nil: null }), { minLength: 7, maxLength: 7 });

const spec = fc.record({
  node: nodeData,
  wiring,
  jump: fc.nat(),
  name: fc.option(pick(["Menu", "Ask email"]), { nil: undefined }),
});

const variableDeclaration = fc.record(
  {
    name: variable,
    type: pick(["string", "number", "boolean", "date", "json"] as const),
    default: fc.jsonValue({ maxDepth: 2 }),
    description: pick(["A variable."]),
  },
  { requiredKeys: ["name"] },
);

const globalAction = fc.record(
  {
    label: pick(["Human", "Restart"]),
    trigger: fc.oneof(
      fc.record({
        kind: fc.constant("keyword" as const),
        keywords: fc.uniqueArray(pick(KEYWORDS), { minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        kind: fc.constant("intent" as const),
        examples: fc.uniqueArray(pick(INTENTS), { minLength: 1, maxLength: 2 }),
      }),
    ),
    target: fc.nat(),
  },
  { requiredKeys: ["trigger", "target"] },
);

export interface FlowOptions {
  minNodes?: number;
  maxNodes?: number;
}

/**
 * A schema-valid flow of 2–60 nodes of every type: a start node first, then random nodes whose real
 * outputs connect to random nodes (or stay unconnected), random jumps, global actions and variables.
 */
export function validFlow({ minNodes = 2, maxNodes = 60 }: FlowOptions = {}): fc.Arbitrary<FlowDocument> {
  return fc
    .record({
      start: wiring,
      // "medium" size, so long flows (up to 60 nodes) come up as often as short ones.
      specs: fc.array(spec, { minLength: minNodes - 1, maxLength: maxNodes - 1, size: "medium" }),
      variables: fc.uniqueArray(variableDeclaration, { selector: (v) => v.name, maxLength: 5 }),
      globalActions: fc.array(globalAction, { maxLength: 3 }),
      language: pick(["en", "fr", "pt-BR"]),
      typingDelayMs: fc.integer({ min: 0, max: 2_000 }),
      stepBudget: fc.integer({ min: 10, max: 200 }),
    })
    .map(({ start, specs, variables, globalActions, ...settings }) => {
      const ids = ["start", ...specs.map((_, i) => `n${i + 1}`)];
      const target = (n: number) => ids[n % ids.length] as string;
      const all = [{ node: { type: "start", data: {} }, wiring: start, jump: 0, name: undefined }, ...specs];
      const nodes = all.map((s, i) => ({
        id: ids[i] as string,
        type: s.node.type,
        ...(s.name ? { name: s.name } : {}),
        position: { x: i * 200, y: (i % 5) * 120 },
        data: s.node.type === "jump" ? { targetNodeId: target(s.jump) } : s.node.data,
      }));
      const edges: FlowDocumentInput["edges"] = [];
      all.forEach((s, i) => {
        const definition = nodeDefinition(s.node.type);
        // Generated data has every field outputs depend on, so the raw data gives the real outputs.
        const outputs = definition?.outputs(nodes[i]?.data) ?? [];
        outputs.forEach((output, k) => {
          const to = s.wiring[k % s.wiring.length];
          if (to === null || to === undefined) return;
          edges.push({ id: `e${edges.length}`, source: ids[i] as string, sourceHandle: output.id, target: target(to) });
        });
      });
      return flowDocumentSchema.parse({
        version: 1,
        nodes,
        edges,
        variables,
        globalActions: globalActions.map((a, i) => ({ ...a, id: `g${i}`, target: target(a.target) })),
        settings,
      } satisfies FlowDocumentInput);
    });
}

/** Turns a valid flow into a schema-valid but broken one, saying which breakage was applied. */
export type Breakage =
  | "remove-start"
  | "extra-start"
  | "dangling-edge"
  | "unknown-handle"
  | "duplicate-output"
  | "duplicate-node-id"
  | "duplicate-edge-id"
  | "jump-nowhere"
  | "global-action-nowhere"
  | "tight-loop";

export const BREAKAGES: readonly Breakage[] = [
  "remove-start",
  "extra-start",
  "dangling-edge",
  "unknown-handle",
  "duplicate-output",
  "duplicate-node-id",
  "duplicate-edge-id",
  "jump-nowhere",
  "global-action-nowhere",
  "tight-loop",
];

function breakFlow(flow: FlowDocument, breakage: Breakage, n: number): FlowDocument {
  const copy = structuredClone(flow);
  const someNode = () => copy.nodes[n % copy.nodes.length] as FlowDocument["nodes"][number];
  let added = 0;
  const edge = (source: string, target: string, sourceHandle = "next") => {
    added += 1;
    return { id: `${breakage}-${added}`, source, target, sourceHandle };
  };
  /** Makes the start lead to `target`: retargets its first "next" edge, or adds one. */
  const startInto = (target: string) => {
    const first = copy.edges.find((e) => e.source === "start" && e.sourceHandle === "next");
    if (first) first.target = target;
    else copy.edges.push(edge("start", target));
  };
  switch (breakage) {
    case "remove-start": {
      const removed = new Set(copy.nodes.filter((x) => x.type === "start").map((x) => x.id));
      copy.nodes = copy.nodes.filter((x) => !removed.has(x.id));
      break;
    }
    case "extra-start":
      copy.nodes.push({ id: "start2", type: "start", position: { x: 0, y: 0 }, data: {} });
      copy.edges.push(edge("start2", someNode().id));
      break;
    case "dangling-edge":
      copy.edges.push(n % 2 ? edge(someNode().id, "ghost", "next") : edge("ghost", someNode().id));
      break;
    case "unknown-handle":
      copy.edges.push(edge(someNode().id, someNode().id, "no-such-output"));
      break;
    case "duplicate-output":
      copy.edges.push(edge("start", someNode().id), edge("start", someNode().id));
      break;
    case "duplicate-node-id":
      copy.nodes.push({ ...structuredClone(someNode()), position: { x: 1, y: 1 } });
      break;
    case "duplicate-edge-id":
      copy.edges.push(edge("start", someNode().id), edge("start", someNode().id));
      copy.edges.push({ ...(copy.edges[0] as FlowDocument["edges"][number]) });
      break;
    case "jump-nowhere":
      copy.nodes.push({ id: "lost", type: "jump", position: { x: 0, y: 0 }, data: { targetNodeId: "nowhere" } });
      startInto("lost");
      break;
    case "global-action-nowhere":
      copy.globalActions.push({ id: "gx", trigger: { kind: "keyword", keywords: ["human"] }, target: "nowhere" });
      break;
    case "tight-loop":
      copy.nodes.push(
        { id: "spin1", type: "message", position: { x: 0, y: 0 }, data: { text: "Again" } },
        {
          id: "spin2",
          type: "set-variable",
          position: { x: 0, y: 0 },
          data: { assignments: [{ variable: "count", mode: "expression", value: "count + 1" }] },
        },
      );
      copy.edges.push(edge("spin1", "spin2"), edge("spin2", "spin1"));
      startInto("spin1");
      break;
  }
  return flowDocumentSchema.parse(copy);
}

const NEEDS_START: readonly Breakage[] = ["extra-start", "unknown-handle", "duplicate-output", "duplicate-node-id"];

export function brokenFlow(): fc.Arbitrary<{ flow: FlowDocument; breakages: Breakage[] }> {
  return fc
    .tuple(validFlow({ maxNodes: 30 }), fc.uniqueArray(pick(BREAKAGES), { minLength: 1, maxLength: 3 }), fc.nat())
    .map(([flow, chosen, n]) => {
      // Removing the start goes last, and drops breakages that need a start node to be seen.
      const breakages = chosen.includes("remove-start")
        ? [...chosen.filter((b) => !NEEDS_START.includes(b) && b !== "remove-start"), "remove-start" as const]
        : chosen;
      return { flow: breakages.reduce((f, b, i) => breakFlow(f, b, n + i), flow), breakages };
    });
}

/** A flow whose start leads straight into a loop that never waits: every opening turn hits the budget. */
export function loopingFlow(): fc.Arbitrary<FlowDocument> {
  return validFlow({ maxNodes: 15 }).map((flow) => {
    const looping = breakFlow(flow, "tight-loop", 0);
    // Any budget shows it; small ones keep the suite quick.
    looping.settings.stepBudget = Math.min(looping.settings.stepBudget, 60);
    return looping;
  });
}

const GENERIC_TEXTS = [
  "yes",
  "no",
  "42",
  "0",
  "-0",
  "2",
  "7.5",
  "ada@example.com",
  "not an email",
  "+1 555 123 4567",
  "2026-02-30",
  "2026-12-31",
  "",
  "   ",
  "I want to talk to a human please",
  "{{name}}",
];

/** Inputs a user could send to this flow: starts, restarts, texts (labels, keywords…), choices and forms. */
export function turnInput(flow: FlowDocument): fc.Arbitrary<TurnInput> {
  const options: string[] = [];
  const optionIds = ["nope"];
  const fieldNames = ["email"];
  const phrases: string[] = [];
  for (const node of flow.nodes) {
    if (node.type === "quick-reply")
      for (const o of (node.data as QuickReplyData).options) {
        options.push(o.label, o.value ?? o.label);
        optionIds.push(o.id);
      }
    if (node.type === "collect-data")
      for (const f of (node.data as CollectDataData).fields) {
        fieldNames.push(f.name);
        options.push(...(f.options ?? []));
      }
    if (node.type === "ai-step") phrases.push(...(node.data as AiStepData).exitPhrases);
  }
  for (const action of flow.globalActions)
    phrases.push(...(action.trigger.kind === "keyword" ? action.trigger.keywords : action.trigger.examples));
  const texts = [...GENERIC_TEXTS, ...options, ...phrases];
  const formValue = fc.oneof(pick(texts), fc.constantFrom(0, -0, 3, 42.5, -7, 1e21), fc.constant(null));
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<TurnInput>({ type: "start" }) },
    { weight: 1, arbitrary: fc.constant<TurnInput>({ type: "restart" }) },
    {
      weight: 5,
      arbitrary: fc
        .oneof({ weight: 4, arbitrary: pick(texts) }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) })
        .map((t): TurnInput => ({ type: "text", text: t })),
    },
    { weight: 2, arbitrary: pick(optionIds).map((id): TurnInput => ({ type: "choice", optionId: id })) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.tuple(pick(fieldNames), formValue), { maxLength: 4 })
        .map((entries): TurnInput => ({ type: "form", values: Object.fromEntries(entries) })),
    },
  );
}

/**
 * An input decided when it is sent: a plausible answer to whatever the conversation waits for (the
 * option, a valid or invalid field value, an exit phrase…). `n` picks among the candidates.
 */
export interface Reply {
  type: "reply";
  n: number;
}
export type ScriptedInput = TurnInput | Reply;

function fieldAnswers(field: {
  type: string;
  options?: string[];
  min?: number;
  max?: number;
}): Array<string | number | null> {
  switch (field.type) {
    case "email":
      return ["ada@example.com", "ADA@Example.org", "not-an-email", ""];
    case "number":
      return ["42", "-0", -0, 0, field.min ?? 1, (field.max ?? 10) + 1, "1,000", "abc", 1e21, null];
    case "phone":
      return ["+1 555 123 4567", "12", "(020) 7946 0958"];
    case "date":
      return ["2026-12-31", "2026-02-30", "tomorrow", "March 3, 2026"];
    case "select":
      return [...(field.options ?? []), "1", "99", "nothing"];
    default:
      return ["Ada Lovelace", "", "   ", "x".repeat(2_001)];
  }
}

export function resolveReply(flow: FlowDocument, state: FlowState, reply: Reply): TurnInput {
  const at = <T>(values: readonly T[]): T => values[reply.n % values.length] as T;
  const waiting = state.waiting ? flow.nodes.find((n) => n.id === state.waiting?.nodeId) : undefined;
  const candidates: TurnInput[] = [];
  if (state.status !== "waiting" || !waiting) {
    candidates.push({ type: "start" }, { type: "text", text: "hello" });
    for (const action of flow.globalActions)
      candidates.push({
        type: "text",
        text: at(action.trigger.kind === "keyword" ? action.trigger.keywords : action.trigger.examples),
      });
  } else if (waiting.type === "quick-reply") {
    const { options } = waiting.data as QuickReplyData;
    const option = at(options);
    const index = options.indexOf(option) + 1;
    candidates.push(
      { type: "choice", optionId: option.id },
      { type: "text", text: option.label.toUpperCase() },
      { type: "text", text: String(index) },
      { type: "text", text: option.value ?? "something else" },
      { type: "text", text: "none of these" },
    );
  } else if (waiting.type === "collect-data") {
    const { fields, mode } = waiting.data as CollectDataData;
    const index = typeof state.waiting?.data.field === "number" ? state.waiting.data.field : 0;
    const field = fields[index] ?? at(fields);
    const answer = at(fieldAnswers(field));
    const values = Object.fromEntries(fields.map((f, i) => [f.name, at(fieldAnswers(f).slice(i % 2))]));
    if (mode === "form") candidates.push({ type: "form", values }, { type: "form", values: {} });
    else
      candidates.push(
        { type: "form", values },
        typeof answer === "string"
          ? { type: "text", text: answer }
          : { type: "form", values: { [field.name]: answer } },
      );
  } else if (waiting.type === "ai-step") {
    const phrases = (waiting.data as AiStepData).exitPhrases;
    candidates.push({ type: "text", text: "tell me more" }, { type: "choice", optionId: "continue" });
    if (phrases.length) candidates.push({ type: "text", text: ` ${at(phrases).toUpperCase()} ` });
  }
  candidates.push({ type: "restart" });
  return at(
    candidates.length > 2 ? candidates.slice(0, -1).concat(reply.n % 9 === 0 ? candidates.slice(-1) : []) : candidates,
  );
}

/** A flow with 1–8 inputs to send it (fixed ones and scripted replies) and a seed for the fake ports. */
export function conversation(flow: fc.Arbitrary<FlowDocument> = validFlow()) {
  return flow.chain((document) =>
    fc.record({
      flow: fc.constant(document),
      inputs: fc.array(
        fc.oneof<fc.Arbitrary<ScriptedInput>[]>(
          turnInput(document),
          fc.nat().map((n): Reply => ({ type: "reply", n })),
          fc.nat().map((n): Reply => ({ type: "reply", n })),
        ),
        { minLength: 1, maxLength: 8 },
      ),
      seed: fc.integer(),
    }),
  );
}
