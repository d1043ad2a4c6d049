import type { NodeDefinition } from "../engine/node-definition.ts";
import { aiAnalysisNode } from "./ai-analysis/node.ts";
import { aiStepNode } from "./ai-step/node.ts";
import { collectDataNode } from "./collect-data/node.ts";
import { conditionNode } from "./condition/node.ts";
import { endNode } from "./end/node.ts";
import { expertHandoffNode } from "./expert-handoff/node.ts";
import { humanHandoffNode } from "./human-handoff/node.ts";
import { jumpNode } from "./jump/node.ts";
import { messageNode } from "./message/node.ts";
import { quickReplyNode } from "./quick-reply/node.ts";
import { setVariableNode } from "./set-variable/node.ts";
import { startNode } from "./start/node.ts";
import { webhookNode } from "./webhook/node.ts";

/** Every node type, one line each. The order is the palette's. */
export const NODE_DEFINITIONS = [
  startNode,
  messageNode,
  quickReplyNode,
  collectDataNode,
  conditionNode,
  setVariableNode,
  aiStepNode,
  aiAnalysisNode,
  webhookNode,
  expertHandoffNode,
  humanHandoffNode,
  jumpNode,
  endNode,
] as const;

export type NodeType = (typeof NODE_DEFINITIONS)[number]["type"];

const byType = new Map<string, NodeDefinition<unknown>>(
  NODE_DEFINITIONS.map((d) => [d.type, d as unknown as NodeDefinition<unknown>]),
);

export function nodeDefinition(type: string): NodeDefinition<unknown> | undefined {
  return byType.get(type);
}
