import { humanHandoffNode } from "../nodes/human-handoff/node.ts";
import type { FlowIssue } from "../validation/issue.ts";

/**
 * Version 0 is the format of the flows written before the flow language: `conversation_flows.flow_definition`
 * in the first database design. A document is v0 when it has `start_node` and no `version`:
 *
 * { "start_node": "welcome",
 *   "nodes": [{ "id", "type", "name", "config": {…}, "connections": [{ "target", "condition" }] }],
 *   "conditions": { "name": "js expression" },
 *   "global_actions": { "name": { "keywords": [...], "target": "node" } } }
 *
 * The migration keeps every step and every path it can express, and reports what it could not as warnings.
 * It never invents steps: a target that is not in the document stays an edge to a missing node, which the
 * importer reports.
 */

export interface MigrationContext {
  /** Something the migration changed or could not carry over. */
  report(issue: FlowIssue): void;
}

type Json = Record<string, unknown>;

interface Connection {
  target: unknown;
  condition: string;
}

interface NodeOut {
  id: string;
  type: string;
  name?: string;
  position: { x: number; y: number };
  data: Json;
}

interface EdgeOut {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
}

const VARIABLE = /^[A-Za-z_]\w{0,63}$/;
const GRID = { x: 320, y: 180 };

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return String(value);
  return undefined;
}

function finite(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function intIn(value: unknown, min: number, max: number): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

function numberIn(value: unknown, min: number, max: number): number | undefined {
  return typeof value === "number" && value >= min && value <= max ? value : undefined;
}

/** Turns any text into an id: letters, digits, _ and -, 64 at most. */
function toId(raw: string, fallback: string): string {
  const cleaned = raw
    .replace(/[^A-Za-z0-9_-]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 64);
  return cleaned || fallback;
}

function toVariable(raw: string, fallback: string): string {
  let cleaned = raw
    .replace(/\W+/g, "_")
    .replace(/^_+(?=.)|_+$/g, "")
    .slice(0, 64);
  if (/^\d/.test(cleaned)) cleaned = `_${cleaned}`.slice(0, 64);
  return VARIABLE.test(cleaned) ? cleaned : fallback;
}

/** Hands out unique ids, adding _2, _3… to repeats. */
class Ids {
  private readonly used = new Set<string>();
  constructor(reserved: string[] = []) {
    for (const id of reserved) this.used.add(id);
  }
  has(id: string): boolean {
    return this.used.has(id);
  }
  take(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) {
      const suffix = `_${n}`;
      id = `${base.slice(0, 64 - suffix.length)}${suffix}`;
    }
    this.used.add(id);
    return id;
  }
}

/** Normalised old type: "AI-Response" → "ai_response". */
function typeKey(type: unknown): string {
  return typeof type === "string"
    ? type
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, "_")
    : "";
}

const ERROR_CONDITION = /error|fail|timeout|exception/i;
const TRUE_CONDITION = /^(true|yes|match(ed)?|pass(ed)?|met|success|then)$/i;
const FALSE_CONDITION = /^(false|no|else|otherwise|default|always|not_met|fallback)$/i;

export function migrateV0ToV1(raw: unknown, context?: MigrationContext): unknown {
  const doc: Json = isRecord(raw) ? raw : {};
  const warn = (code: string, message: string, nodeId?: string) =>
    context?.report({ severity: "warning", code, message, ...(nodeId ? { nodeId } : {}) });

  const rawNodes: unknown[] = Array.isArray(doc.nodes) ? doc.nodes : [];
  if (doc.nodes !== undefined && !Array.isArray(doc.nodes))
    warn("migration-dropped", 'The old flow\'s "nodes" is not a list, so no steps were imported.');

  // Ids first, so connections can be resolved whatever the order of the steps.
  const nodeIds = new Ids();
  const oldToNew = new Map<string, string>();
  const steps = rawNodes.map((value, index) => {
    const node: Json = isRecord(value) ? value : {};
    const oldId = scalarText(node.id);
    const id = nodeIds.take(toId(oldId ?? "", `step_${index + 1}`));
    if (oldId !== undefined && !oldToNew.has(oldId)) oldToNew.set(oldId, id);
    if (oldId === undefined)
      warn("migration-renamed", `Step ${index + 1} of the old flow has no id; it is now "${id}".`, id);
    else if (id !== oldId)
      warn(
        "migration-renamed",
        `Step "${oldId}" is now "${id}" (ids use letters, digits, _ or -, 64 at most, and are unique).`,
        id,
      );
    return { node, id, index };
  });
  const startId = nodeIds.take("start");

  /** Old target → node id; unknown targets keep their (cleaned) name so the importer can report them. */
  const resolve = (target: unknown): string | null => {
    const name = scalarText(target);
    if (name === undefined || name.trim() === "") return null;
    return oldToNew.get(name) ?? toId(name, "missing");
  };

  const nodes: NodeOut[] = [{ id: startId, type: "start", name: "Start", position: { x: 0, y: 0 }, data: {} }];
  const edges: EdgeOut[] = [];
  const connect = (source: string, sourceHandle: string, target: string) =>
    edges.push({ id: `e${edges.length + 1}`, source, sourceHandle, target });

  const startTarget = resolve(doc.start_node);
  if (startTarget) connect(startId, "next", startTarget);
  else warn("migration-dropped", 'The old flow\'s "start_node" names no step, so the start node leads nowhere yet.');

  const conditions: Json = isRecord(doc.conditions) ? doc.conditions : {};
  const usedConditions = new Set<string>();

  for (const { node, id, index } of steps) {
    const row = index + 1;
    const position = { x: 0, y: row * GRID.y };
    const config: Json = isRecord(node.config) ? node.config : {};
    const oldType = typeof node.type === "string" ? node.type : "";
    const label = text(node.name) ?? scalarText(node.id) ?? `step ${index + 1}`;
    const name = text(node.name)?.slice(0, 120);
    const describe = `Step "${label}" (${oldType || "no type"})`;

    const connections: Connection[] = [];
    if (Array.isArray(node.connections)) {
      for (const c of node.connections) {
        if (isRecord(c)) connections.push({ target: c.target, condition: scalarText(c.condition) ?? "" });
        else if (typeof c === "string") connections.push({ target: c, condition: "" });
      }
    }
    if (typeof node.next === "string") connections.push({ target: node.next, condition: "" });

    /** Config keys each converter reads; the rest are reported as not carried over. */
    const used = new Set<string>();
    const read = (key: string): unknown => {
      used.add(key);
      return config[key];
    };
    const add = (type: string, data: Json, at = position, nodeId = id, nodeName = name) =>
      nodes.push({ id: nodeId, type, ...(nodeName ? { name: nodeName } : {}), position: at, data });
    const dropConnections = (list: Connection[], why: string) => {
      for (const c of list) {
        warn(
          "migration-dropped",
          `${describe}: the connection to "${scalarText(c.target) ?? "?"}"${c.condition ? ` (condition "${c.condition}")` : ""} was not imported: ${why}.`,
          id,
        );
      }
    };
    /** Single-output steps: the first connection is the path on; others cannot be expressed. */
    const connectOne = (handle: string, list: Connection[]) => {
      const [first, ...rest] = list;
      if (first) {
        const target = resolve(first.target);
        if (target) connect(id, handle, target);
        else dropConnections([first], "it names no step");
      }
      dropConnections(rest, "only one path leaves this step");
    };
    /** AI and webhook steps: connections whose condition mentions an error follow the error output. */
    const connectWithError = (okHandle: string, errorHandle: string) => {
      const errors = connections.filter((c) => ERROR_CONDITION.test(c.condition));
      connectOne(
        okHandle,
        connections.filter((c) => !errors.includes(c)),
      );
      connectOne(errorHandle, errors);
    };
    const unsupported = (why?: string) => {
      add("message", { text: `Unsupported step ${oldType || "(no type)"}: ${label}` });
      warn(
        "unsupported-step",
        `${describe} has no equivalent${why ? ` (${why})` : ""}; it became a message saying so. Replace it with a node that does the same.`,
        id,
      );
      connectOne("next", connections);
      used.clear();
      for (const key of Object.keys(config)) used.add(key);
    };

    switch (typeKey(node.type)) {
      case "message":
      case "text":
      case "text_message": {
        const delay = intIn(read("delay"), 0, 10_000);
        read("typing_indicator");
        const image = text(read("image_url")) ?? text(read("image"));
        const data: Json = { text: text(read("message")) ?? text(read("text")) ?? "" };
        if (image && /^https?:\/\//i.test(image)) data.imageUrl = image;
        else if (image) warn("migration-dropped", `${describe}: the image "${image}" is not an http(s) URL.`, id);
        if (delay !== undefined) data.typingDelayMs = delay;
        add("message", data);
        const replies = read("quick_replies");
        if (Array.isArray(replies) && replies.length > 0) {
          // The old message carried its buttons; now a quick reply follows the message. The message's
          // connection is where the conversation goes after any choice (or a typed answer).
          const choicesId = nodeIds.take(toId(`${id}_choices`, "choices"));
          const { options, targets, dropped } = quickReplyOptions(replies);
          const choices: Json = { prompt: "", options, allowFreeText: true };
          if (VARIABLE.test(id)) choices.variable = id;
          add(
            "quick-reply",
            choices,
            { x: GRID.x, y: row * GRID.y },
            choicesId,
            name ? `${name} (choices)`.slice(0, 120) : undefined,
          );
          connect(id, "next", choicesId);
          const [after, ...rest] = connections;
          const afterTarget = after ? resolve(after.target) : null;
          options.forEach((option, i) => {
            const target = resolve(targets[i]) ?? afterTarget;
            if (target) connect(choicesId, String(option.id), target);
          });
          if (afterTarget) connect(choicesId, "fallback", afterTarget);
          dropConnections(rest, "only one path leaves a message");
          if (dropped.length)
            warn(
              "migration-dropped",
              `${describe}: the quick replies' ${dropped.join(", ")} were not carried over.`,
              id,
            );
        } else connectOne("next", connections);
        break;
      }

      case "quick_reply":
      case "quick_replies":
      case "buttons":
      case "choice":
      case "menu": {
        const rawOptions = read("options") ?? read("quick_replies");
        const { options, targets, dropped } = quickReplyOptions(Array.isArray(rawOptions) ? rawOptions : []);
        const data: Json = {
          prompt: text(read("message")) ?? text(read("prompt")) ?? text(read("question")) ?? "",
          options,
          allowFreeText: read("allow_free_text") !== false,
        };
        const variable = text(read("variable")) ?? text(read("save_to"));
        if (variable && VARIABLE.test(variable)) data.variable = variable;
        else if (VARIABLE.test(id)) data.variable = id;
        add("quick-reply", data);
        const [after, ...rest] = connections;
        const afterTarget = after ? resolve(after.target) : null;
        options.forEach((option, i) => {
          const target = resolve(targets[i]) ?? afterTarget;
          if (target) connect(id, String(option.id), target);
        });
        if (afterTarget) connect(id, "fallback", afterTarget);
        dropConnections(rest, "only one fallback path leaves a quick reply");
        if (dropped.length)
          warn("migration-dropped", `${describe}: the options' ${dropped.join(", ")} were not carried over.`, id);
        break;
      }

      case "data_collection":
      case "collect_data":
      case "form":
      case "input": {
        const rawFields = read("fields");
        const names = new Ids();
        const fields = (Array.isArray(rawFields) ? rawFields : []).map((value, i) =>
          collectField(value, i, names, (message) => warn("migration-changed", `${describe}: ${message}`, id)),
        );
        const data: Json = { fields };
        const intro = text(read("message")) ?? text(read("intro"));
        if (intro) data.intro = intro;
        if (read("mode") === "form" || read("display") === "form") data.mode = "form";
        add("collect-data", data);
        connectOne("next", connections);
        break;
      }

      case "ai_analysis":
      case "analysis": {
        const instructions = text(read("analysis_prompt")) ?? text(read("prompt")) ?? text(read("instructions")) ?? "";
        const names = new Ids();
        const fields = analysisFields(read("output_format"), names, (message) =>
          warn("migration-changed", `${describe}: ${message}`, id),
        );
        const data: Json = { model: text(read("model")) ?? "", instructions, fields };
        const temperature = numberIn(read("temperature"), 0, 2);
        if (temperature !== undefined) data.temperature = temperature;
        const maxTokens = intIn(read("max_tokens"), 1, 32_000);
        if (maxTokens !== undefined) data.maxTokens = maxTokens;
        add("ai-analysis", data);
        if (instructions && !/\{\{[^}]+\}\}/.test(instructions)) {
          warn(
            "migration-review",
            `${describe}: old analyses saw every answer collected so far; name the answers it needs in its instructions with {{placeholders}}, e.g. {{project_name}}.`,
            id,
          );
        }
        connectWithError("next", "error");
        break;
      }

      case "ai":
      case "ai_response":
      case "ai_step":
      case "ai_chat":
      case "llm":
      case "gpt": {
        const data: Json = { model: text(read("model")) ?? "" };
        const system = text(read("system_prompt")) ?? text(read("system")) ?? text(read("instructions"));
        if (system !== undefined) data.systemPrompt = system;
        const prompt = text(read("prompt")) ?? text(read("message"));
        if (prompt) data.prompt = prompt;
        const temperature = numberIn(read("temperature"), 0, 2);
        if (temperature !== undefined) data.temperature = temperature;
        const maxTokens = intIn(read("max_tokens"), 1, 32_000);
        if (maxTokens !== undefined) data.maxTokens = maxTokens;
        const saveTo = text(read("save_to")) ?? text(read("save_as")) ?? text(read("variable"));
        if (saveTo && VARIABLE.test(saveTo)) data.saveTo = saveTo;
        add("ai-step", data);
        connectWithError("next", "error");
        break;
      }

      case "human_handoff":
      case "handoff":
      case "human":
      case "escalation":
      case "agent_handoff":
      case "live_agent": {
        const message = text(read("message"));
        const data: Json = { message: message?.trim() ? message : humanHandoffNode.defaults().message };
        const reason = text(read("reason"));
        if (reason) data.reason = reason;
        add("human-handoff", data);
        dropConnections(connections, "a person takes over after a handoff");
        break;
      }

      case "end":
      case "end_conversation":
      case "close":
      case "goodbye": {
        const message = text(read("message"));
        add("end", message ? { message } : {});
        dropConnections(connections, "the conversation ends here");
        break;
      }

      case "jump":
      case "goto":
      case "redirect": {
        const explicit = read("target") ?? read("node");
        const target = resolve(explicit ?? connections[0]?.target);
        if (!target) {
          unsupported("it names no step to jump to");
          break;
        }
        add("jump", { targetNodeId: target });
        dropConnections(explicit === undefined ? connections.slice(1) : connections, "a jump has no output");
        break;
      }

      case "webhook":
      case "api_call":
      case "http_request":
      case "api": {
        const url = text(read("url")) ?? text(read("endpoint"));
        if (!url) {
          unsupported("it has no URL");
          break;
        }
        const data: Json = { url };
        const method = text(read("method"))?.toUpperCase();
        if (method && ["GET", "POST", "PUT", "PATCH", "DELETE"].includes(method)) data.method = method;
        const headers = read("headers");
        if (isRecord(headers))
          data.headers = Object.entries(headers).map(([header, value]) => ({
            name: header,
            value: scalarText(value) ?? JSON.stringify(value),
          }));
        const body = read("body");
        if (typeof body === "string") data.body = body;
        else if (body !== undefined) data.body = JSON.stringify(body, null, 2);
        add("webhook", data);
        connectWithError("success", "failure");
        break;
      }

      case "condition":
      case "branch":
      case "if": {
        const ref = text(read("condition")) ?? text(read("expression")) ?? text(read("if"));
        let expression = ref;
        if (ref !== undefined && typeof conditions[ref] === "string") {
          usedConditions.add(ref);
          expression = conditions[ref] as string;
        }
        let branch = expression === undefined ? null : conditionBranch(expression);
        if (!branch && expression === undefined) {
          const rule = plainRule(read("variable"), read("operator"), read("value"));
          if (rule) branch = { combinator: "and", rules: [rule] };
        }
        if (!branch) {
          unsupported(expression ? `"${expression}" cannot be expressed as rules` : "it has no condition");
          break;
        }
        const branchLabel = (ref ?? name ?? "Condition holds").slice(0, 120) || "Condition holds";
        add("condition", { branches: [{ id: "true", label: branchLabel, ...branch }] });
        const matches = connections.filter((c) => TRUE_CONDITION.test(c.condition) || (ref && c.condition === ref));
        const otherwise = connections.filter((c) => !matches.includes(c) && FALSE_CONDITION.test(c.condition));
        connectOne("true", matches);
        connectOne("else", otherwise);
        dropConnections(
          connections.filter((c) => !matches.includes(c) && !otherwise.includes(c)),
          "its condition is neither true nor false",
        );
        break;
      }

      default:
        unsupported();
    }

    const ignored = Object.keys(config).filter((key) => !used.has(key));
    if (ignored.length)
      warn("migration-dropped", `${describe}: the old settings ${ignored.join(", ")} were not carried over.`, id);
  }

  const globalActions = migrateGlobalActions(doc.global_actions, resolve, warn);

  const unusedConditions = Object.keys(conditions).filter((key) => !usedConditions.has(key));
  if (unusedConditions.length)
    warn("migration-dropped", `The old named conditions ${unusedConditions.join(", ")} were not carried over.`);
  const known = new Set(["start_node", "nodes", "global_actions", "conditions", "version"]);
  const extra = Object.keys(doc).filter((key) => !known.has(key));
  if (extra.length) warn("migration-dropped", `The old flow's ${extra.join(", ")} were not carried over.`);

  return { version: 1, nodes, edges, variables: [], globalActions };
}

interface OptionOut {
  id: string;
  label: string;
  value?: string;
}

function quickReplyOptions(list: unknown[]): { options: OptionOut[]; targets: unknown[]; dropped: string[] } {
  const ids = new Ids(["fallback"]);
  const options: OptionOut[] = [];
  const targets: unknown[] = [];
  const dropped = new Set<string>();
  list.forEach((item, i) => {
    const record: Json = isRecord(item) ? item : {};
    const label = scalarText(item) ?? text(record.text) ?? text(record.label) ?? text(record.title);
    const value = scalarText(record.value) ?? scalarText(item);
    const shown = label ?? value ?? `Option ${i + 1}`;
    const option: OptionOut = {
      id: ids.take(toId(value ?? shown, `option_${i + 1}`)),
      label: shown,
    };
    if (value !== undefined) option.value = value;
    options.push(option);
    targets.push(record.target ?? record.next);
    for (const key of Object.keys(record))
      if (!["text", "label", "title", "value", "target", "next"].includes(key)) dropped.add(key);
  });
  return { options, targets, dropped: [...dropped] };
}

const FIELD_TYPES: Record<string, string> = {
  text: "text",
  string: "text",
  textarea: "text",
  long_text: "text",
  email: "email",
  number: "number",
  integer: "number",
  numeric: "number",
  phone: "phone",
  tel: "phone",
  telephone: "phone",
  date: "date",
  select: "select",
  dropdown: "select",
  choice: "select",
  radio: "select",
};

function collectField(value: unknown, index: number, names: Ids, note: (message: string) => void): Json {
  const field: Json = isRecord(value) ? value : {};
  const rawName = scalarText(field.name) ?? "";
  const name = names.take(toVariable(rawName, `field_${index + 1}`));
  if (rawName !== name) note(`the field "${rawName || index + 1}" is now "${name}" (a variable name).`);
  const out: Json = { name, label: text(field.label) ?? text(field.question) ?? (rawName || name) };
  const rawType = typeKey(field.type) || "text";
  let type = FIELD_TYPES[rawType];
  if (!type) {
    note(`the field "${name}" had the type "${scalarText(field.type) ?? "?"}", which is now a text field.`);
    type = "text";
  }
  const options = Array.isArray(field.options)
    ? field.options
        .map((o) => scalarText(o) ?? (isRecord(o) ? (text(o.label) ?? text(o.text) ?? scalarText(o.value)) : undefined))
        .filter((o): o is string => o !== undefined && o !== "")
    : [];
  if (type === "select" && options.length === 0) {
    note(`the select field "${name}" has no options, so it is now a text field.`);
    type = "text";
  }
  out.type = type;
  // Old fields were optional unless marked (the seed marks only some "required": true).
  out.required = field.required === true;
  if (type === "select") out.options = options;
  const min = finite(field.min);
  const max = finite(field.max);
  if (min !== undefined) out.min = min;
  if (max !== undefined) out.max = max;
  const placeholder = text(field.placeholder);
  if (placeholder !== undefined) out.placeholder = placeholder;
  const errorMessage = text(field.error_message) ?? text(field.errorMessage);
  if (errorMessage !== undefined) out.errorMessage = errorMessage;
  return out;
}

const OUTPUT_TYPES: Record<string, string> = {
  string: "string",
  text: "string",
  number: "number",
  integer: "number",
  int: "number",
  float: "number",
  boolean: "boolean",
  bool: "boolean",
  array: "array",
  list: "array",
};

function analysisFields(format: unknown, names: Ids, note: (message: string) => void): Json[] {
  const entries: Array<[string, unknown]> = isRecord(format)
    ? Object.entries(format)
    : Array.isArray(format)
      ? format.map((item): [string, unknown] => [scalarText(item) ?? "", "string"])
      : [];
  return entries.map(([rawName, spec], index) => {
    const name = names.take(toVariable(rawName, `field_${index + 1}`));
    if (rawName !== name) note(`the output "${rawName}" is now "${name}" (a variable name).`);
    const rawType = typeKey(isRecord(spec) ? spec.type : spec);
    let type = OUTPUT_TYPES[rawType];
    if (!type) {
      note(`the output "${name}" had the type "${rawType || "?"}", which is now a string.`);
      type = "string";
    }
    const field: Json = { name, type };
    const description = isRecord(spec) ? text(spec.description) : undefined;
    if (description) field.description = description;
    return field;
  });
}

interface Rule {
  variable: string;
  operator: string;
  value?: string;
}

const OPERATORS = new Set([
  "equals",
  "not_equals",
  "contains",
  "greater_than",
  "less_than",
  "is_set",
  "is_not_set",
  "matches",
]);

function plainRule(variable: unknown, operator: unknown, value: unknown): Rule | null {
  if (typeof variable !== "string" || !variable || typeof operator !== "string") return null;
  const op = typeKey(operator);
  if (!OPERATORS.has(op)) return null;
  const rule: Rule = { variable, operator: op };
  const literal = scalarText(value);
  if (literal !== undefined) rule.value = literal;
  return rule;
}

/** Reads a literal of an old JS-like expression: "text", 'text', 12, true, false, null. */
function literal(raw: string): { value: string | null } | null {
  const s = raw.trim();
  const quoted = /^"([^"\\]*)"$|^'([^'\\]*)'$/.exec(s);
  if (quoted) return { value: quoted[1] ?? quoted[2] ?? "" };
  if (/^-?\d+(\.\d+)?$/.test(s) || s === "true" || s === "false") return { value: s };
  if (s === "null" || s === "undefined") return { value: null };
  return null;
}

function clause(raw: string): Rule | null {
  const s = raw
    .trim()
    .replace(/^\((.*)\)$/, "$1")
    .trim();
  if (/^[A-Za-z_]\w*$/.test(s)) return { variable: s, operator: "is_set" };
  const negated = /^!\s*([A-Za-z_]\w*)$/.exec(s);
  if (negated?.[1]) return { variable: negated[1], operator: "is_not_set" };
  const match = /^([A-Za-z_]\w*)\s*(===|!==|==|!=|>|<)\s*(.+)$/.exec(s);
  if (!match) return null;
  const [, variable, op, rest] = match as unknown as [string, string, string, string];
  const lit = literal(rest);
  if (!lit) return null;
  if (lit.value === null || (lit.value === "" && (op === "===" || op === "==" || op === "!==" || op === "!="))) {
    if (op === "===" || op === "==") return { variable, operator: "is_not_set" };
    if (op === "!==" || op === "!=") return { variable, operator: "is_set" };
    return null;
  }
  if (op === "===" || op === "==") return { variable, operator: "equals", value: lit.value };
  if (op === "!==" || op === "!=") return { variable, operator: "not_equals", value: lit.value };
  if (!/^-?\d+(\.\d+)?$/.test(lit.value)) return null;
  return { variable, operator: op === ">" ? "greater_than" : "less_than", value: lit.value };
}

/** `a == "x" && b > 3` → rules; null when the expression mixes && and || or uses anything else. */
export function conditionBranch(expression: string): { combinator: "and" | "or"; rules: Rule[] } | null {
  const hasAnd = expression.includes("&&");
  const hasOr = expression.includes("||");
  if (hasAnd && hasOr) return null;
  const parts = expression.split(hasOr ? "||" : "&&");
  if (parts.length > 20) return null;
  const rules: Rule[] = [];
  for (const part of parts) {
    const rule = clause(part);
    if (!rule) return null;
    rules.push(rule);
  }
  return rules.length ? { combinator: hasOr ? "or" : "and", rules } : null;
}

function migrateGlobalActions(
  raw: unknown,
  resolve: (target: unknown) => string | null,
  warn: (code: string, message: string) => void,
): Json[] {
  const entries: Array<[string, unknown]> = isRecord(raw)
    ? Object.entries(raw)
    : Array.isArray(raw)
      ? raw.map((item, i): [string, unknown] => [
          (isRecord(item) ? (scalarText(item.name) ?? scalarText(item.id)) : undefined) ?? `action_${i + 1}`,
          item,
        ])
      : [];
  if (raw !== undefined && !isRecord(raw) && !Array.isArray(raw))
    warn("migration-dropped", 'The old flow\'s "global_actions" is neither an object nor a list; none were imported.');
  const ids = new Ids();
  const out: Json[] = [];
  for (const [name, value] of entries) {
    const action: Json = isRecord(value) ? value : {};
    const words = (list: unknown) =>
      Array.isArray(list) ? list.map(scalarText).filter((w): w is string => w !== undefined && w.trim() !== "") : [];
    const keywords = words(action.keywords);
    const examples = words(action.intents ?? action.examples ?? action.phrases);
    const target = resolve(action.target ?? action.node);
    if (!target) {
      warn("migration-dropped", `The global action "${name}" names no step to go to, so it was not imported.`);
      continue;
    }
    if (keywords.length === 0 && examples.length === 0) {
      warn("migration-dropped", `The global action "${name}" has no keywords, so it was not imported.`);
      continue;
    }
    out.push({
      id: ids.take(toId(name, "action")),
      label: name.slice(0, 120),
      trigger: keywords.length ? { kind: "keyword", keywords } : { kind: "intent", examples },
      target,
    });
  }
  return out;
}
