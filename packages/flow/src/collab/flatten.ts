import type { FlowDocument } from "../document/schema.ts";
import { type JsonValue, toJsonValue } from "../engine/json.ts";
import { edgeKey, globalActionKey, nodeDataKey, nodeKey, settingsKey, variableKey } from "./keys.ts";

/** The document as a flat map of keys to JSON values; see keys.ts for the keys. */
export type FlatFlow = Map<string, JsonValue>;

/**
 * Flattens a document. Values are JSON copies (undefined fields dropped), so they compare equal to values
 * that went through the network and never share objects with the document.
 */
export function flattenFlow(doc: FlowDocument): FlatFlow {
  const flat: FlatFlow = new Map();
  const put = (key: string, value: unknown) => {
    // null stands for "absent" in changes, so an absent value is never stored as a key.
    const json = value === undefined ? null : toJsonValue(value);
    if (json !== null) flat.set(key, json);
  };
  for (const node of doc.nodes ?? []) {
    put(nodeKey(node.id, "type"), node.type);
    put(nodeKey(node.id, "name"), node.name);
    put(nodeKey(node.id, "position"), node.position);
    for (const [field, value] of Object.entries(node.data ?? {})) put(nodeDataKey(node.id, field), value);
  }
  for (const edge of doc.edges ?? []) {
    put(edgeKey(edge.id), { source: edge.source, sourceHandle: edge.sourceHandle, target: edge.target });
  }
  for (const variable of doc.variables ?? []) put(variableKey(variable.name), variable);
  for (const { id, ...action } of doc.globalActions ?? []) put(globalActionKey(id), action);
  for (const [field, value] of Object.entries(doc.settings ?? {})) put(settingsKey(field), value);
  return flat;
}
