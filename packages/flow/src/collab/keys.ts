import { flowSettingsSchema } from "../document/schema.ts";
import type { JsonValue } from "../engine/json.ts";

/** Node, edge and global action ids, as the document schema allows them. */
const ID = "[A-Za-z0-9_-]{1,64}";
/** Variable names and data fields: identifiers, so a key never holds a "/" or an odd character. */
const NAME = "[A-Za-z_]\\w{0,63}";
const SETTINGS_FIELDS = Object.keys(flowSettingsSchema.shape).join("|");

export const MAX_FLOW_KEY_LENGTH = 300;

export const FLOW_KEY_PATTERN = new RegExp(
  `^(?:node/${ID}/(?:type|name|position|data/${NAME})|edge/${ID}|variable/${NAME}|globalAction/${ID}|settings/(?:${SETTINGS_FIELDS}))$`,
);

/** What a flat key points at. */
export type FlowKey =
  | { kind: "node"; id: string; part: "type" | "name" | "position" }
  | { kind: "node"; id: string; part: "data"; field: string }
  | { kind: "edge"; id: string }
  | { kind: "variable"; name: string }
  | { kind: "globalAction"; id: string }
  | { kind: "settings"; field: string };

export const nodeKey = (id: string, part: "type" | "name" | "position") => `node/${id}/${part}`;
export const nodeDataKey = (id: string, field: string) => `node/${id}/data/${field}`;
export const nodePrefix = (id: string) => `node/${id}/`;
export const edgeKey = (id: string) => `edge/${id}`;
export const variableKey = (name: string) => `variable/${name}`;
export const globalActionKey = (id: string) => `globalAction/${id}`;
export const settingsKey = (field: string) => `settings/${field}`;

/** Reads a key; undefined when it is not one of the flat document's keys. */
export function parseFlowKey(key: string): FlowKey | undefined {
  if (key.length > MAX_FLOW_KEY_LENGTH || !FLOW_KEY_PATTERN.test(key)) return undefined;
  const [kind, id = "", part, field = ""] = key.split("/");
  switch (kind) {
    case "node":
      return part === "data" ? { kind, id, part, field } : { kind, id, part: part as "type" | "name" | "position" };
    case "edge":
    case "globalAction":
      return { kind, id };
    case "variable":
      return { kind, name: id };
    default:
      return { kind: "settings", field: id };
  }
}

/** The node a key belongs to, if it is a node key. */
export function nodeIdOf(key: string): string | undefined {
  const parsed = parseFlowKey(key);
  return parsed?.kind === "node" ? parsed.id : undefined;
}

/** The node ids an edge/<id> value names; a value of the wrong shape names none (the schema rejects it later). */
export function edgeEndpoints(edge: JsonValue | undefined): string[] {
  if (typeof edge !== "object" || edge === null || Array.isArray(edge)) return [];
  return [edge.source, edge.target].filter((id): id is string => typeof id === "string");
}
