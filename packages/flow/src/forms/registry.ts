import { aiAnalysisForm } from "../nodes/ai-analysis/form.ts";
import { aiStepForm } from "../nodes/ai-step/form.ts";
import { collectDataForm } from "../nodes/collect-data/form.ts";
import { conditionForm } from "../nodes/condition/form.ts";
import { endForm } from "../nodes/end/form.ts";
import { expertHandoffForm } from "../nodes/expert-handoff/form.ts";
import { humanHandoffForm } from "../nodes/human-handoff/form.ts";
import { jumpForm } from "../nodes/jump/form.ts";
import { messageForm } from "../nodes/message/form.ts";
import { quickReplyForm } from "../nodes/quick-reply/form.ts";
import type { NodeType } from "../nodes/registry.ts";
import { setVariableForm } from "../nodes/set-variable/form.ts";
import { startForm } from "../nodes/start/form.ts";
import { webhookForm } from "../nodes/webhook/form.ts";
import type { NodeForm } from "./types.ts";

/** The editor form of every node type, one line each. */
// biome-ignore lint/suspicious/noExplicitAny: each form is typed by its own node's data.
export const NODE_FORMS: Record<NodeType, NodeForm<any>> = {
  start: startForm,
  message: messageForm,
  "quick-reply": quickReplyForm,
  "collect-data": collectDataForm,
  condition: conditionForm,
  "set-variable": setVariableForm,
  "ai-step": aiStepForm,
  "ai-analysis": aiAnalysisForm,
  webhook: webhookForm,
  "expert-handoff": expertHandoffForm,
  "human-handoff": humanHandoffForm,
  jump: jumpForm,
  end: endForm,
};

/**
 * Data keys a form deliberately does not show, as dotted paths (list item keys under their list's key). Item ids
 * are outputs' ids that edges point at: `newItem` creates them and the designer keeps them as they are.
 */
export const HIDDEN_KEYS: Partial<Record<NodeType, readonly string[]>> = {
  "quick-reply": ["options.id"],
  condition: ["branches.id"],
};

/** The form of a node type; its summary takes any node data, even partial. */
// biome-ignore lint/suspicious/noExplicitAny: the caller's data is checked by the node's schema, not here.
export function nodeForm(type: string): NodeForm<any> | undefined {
  return Object.hasOwn(NODE_FORMS, type) ? NODE_FORMS[type as NodeType] : undefined;
}
