import type { FlowDocument } from "../document/schema.ts";
import type { JsonValue } from "../engine/json.ts";
import { parseFlowKey } from "./keys.ts";

interface NodeParts {
  type?: JsonValue;
  name?: JsonValue;
  position?: JsonValue;
  data: [string, JsonValue][];
}

const isRecord = (value: JsonValue): value is Record<string, JsonValue> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Ids in the hint's order first, then the others in the order they were first seen. */
function orderByHint<T>(entries: Map<string, T>, hintIds: readonly string[] = []): [string, T][] {
  const hinted = new Set(hintIds.filter((id) => entries.has(id)));
  const rest = [...entries.keys()].filter((id) => !hinted.has(id));
  return [...hinted, ...rest].map((id) => [id, entries.get(id) as T]);
}

/**
 * Builds a document back from its flat map. A node exists only when its type key does; keys of a node
 * without one are dropped. Values are not checked: a value of the wrong shape is kept as it is, so
 * `flowDocumentSchema` rejects it rather than it being quietly repaired. Array order follows `orderHint`
 * where it has the item, new items follow in the map's order.
 */
export function unflattenFlow(flat: ReadonlyMap<string, JsonValue>, orderHint?: FlowDocument): FlowDocument {
  const nodes = new Map<string, NodeParts>();
  const edges = new Map<string, JsonValue>();
  const variables = new Map<string, JsonValue>();
  const globalActions = new Map<string, JsonValue>();
  const settings: [string, JsonValue][] = [];
  for (const [key, value] of flat) {
    const parsed = parseFlowKey(key);
    if (!parsed || value === null) continue;
    if (parsed.kind === "node") {
      const parts = nodes.get(parsed.id) ?? { data: [] };
      nodes.set(parsed.id, parts);
      if (parsed.part === "data") parts.data.push([parsed.field, value]);
      else parts[parsed.part] = value;
    } else if (parsed.kind === "edge") edges.set(parsed.id, value);
    else if (parsed.kind === "variable") variables.set(parsed.name, value);
    else if (parsed.kind === "globalAction") globalActions.set(parsed.id, value);
    else settings.push([parsed.field, value]);
  }
  const nodeOrder = orderHint?.nodes?.map((node) => node.id);
  const edgeOrder = orderHint?.edges?.map((edge) => edge.id);
  const variableOrder = orderHint?.variables?.map((variable) => variable.name);
  const globalActionOrder = orderHint?.globalActions?.map((action) => action.id);
  const document = {
    version: 1,
    nodes: orderByHint(nodes, nodeOrder)
      .filter(([, parts]) => parts.type !== undefined)
      .map(([id, { type, name, position, data }]) => ({
        id,
        type,
        ...(name === undefined ? {} : { name }),
        position,
        // fromEntries defines own properties, so a field named "__proto__" cannot change the prototype.
        data: Object.fromEntries(data),
      })),
    // The key names the item: a different id or name inside the value loses.
    edges: orderByHint(edges, edgeOrder).map(([id, edge]) => (isRecord(edge) ? { ...edge, id } : edge)),
    variables: orderByHint(variables, variableOrder).map(([name, variable]) =>
      isRecord(variable) ? { ...variable, name } : variable,
    ),
    globalActions: orderByHint(globalActions, globalActionOrder).map(([id, action]) =>
      isRecord(action) ? { ...action, id } : action,
    ),
    settings: Object.fromEntries(settings),
  };
  return document as unknown as FlowDocument;
}
