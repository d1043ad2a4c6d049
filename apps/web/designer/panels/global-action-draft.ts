import { type FlowChange, type GlobalAction, globalActionSchema, type JsonValue } from "@pixel/flow";
import { friendlyMessage } from "./form-model.ts";

export type TriggerKind = GlobalAction["trigger"]["kind"];

/** The global action editor's inputs; keywords or examples are one per line. */
export interface ActionDraft {
  label: string;
  kind: TriggerKind;
  phrases: string;
  target: string;
}

export type ActionErrors = Partial<Record<keyof ActionDraft, string[]>>;

export const EMPTY_ACTION_DRAFT: ActionDraft = { label: "", kind: "keyword", phrases: "", target: "" };

export function draftOfAction(action: GlobalAction): ActionDraft {
  const phrases = action.trigger.kind === "keyword" ? action.trigger.keywords : action.trigger.examples;
  return { label: action.label ?? "", kind: action.trigger.kind, phrases: phrases.join("\n"), target: action.target };
}

/** Non-blank lines, trimmed. */
export function splitLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * The action the draft describes, or the errors per input: the schema's (lengths, at least one phrase), and a
 * target that is missing or not a node of the flow.
 */
export function checkAction(
  id: string,
  draft: ActionDraft,
  nodeIds: ReadonlySet<string>,
): { action: GlobalAction | null; errors: ActionErrors } {
  const errors: ActionErrors = {};
  const add = (key: keyof ActionDraft, message: string) => {
    const list = errors[key] ?? [];
    if (!list.includes(message)) list.push(message);
    errors[key] = list;
  };
  const phrases = splitLines(draft.phrases);
  const label = draft.label.trim();
  const candidate = {
    id,
    ...(label ? { label } : {}),
    trigger:
      draft.kind === "keyword"
        ? { kind: "keyword" as const, keywords: phrases }
        : { kind: "intent" as const, examples: phrases },
    target: draft.target,
  };
  if (!draft.target) add("target", "Choose the node to jump to.");
  else if (!nodeIds.has(draft.target)) add("target", "This node is not in the flow any more: choose another.");

  const result = globalActionSchema.safeParse(candidate);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [key, , index] = issue.path;
      if (key === "label") add("label", friendlyMessage(issue.message));
      else if (key === "trigger") {
        if (typeof index === "number") add("phrases", `Line ${index + 1}: ${friendlyMessage(issue.message)}`);
        else if (phrases.length === 0)
          add("phrases", draft.kind === "keyword" ? "Add at least one keyword." : "Add at least one example.");
        else add("phrases", friendlyMessage(issue.message));
      } else if (key === "target") {
        if (draft.target) add("target", friendlyMessage(issue.message));
      } else add("label", friendlyMessage(issue.message));
    }
  }
  return Object.keys(errors).length ? { action: null, errors } : { action: candidate as GlobalAction, errors };
}

/** An action as its flat key stores it: without its id (the key holds it), JSON only. */
export function actionJson(action: GlobalAction): JsonValue {
  const { id: _id, ...rest } = action;
  return JSON.parse(JSON.stringify(rest)) as JsonValue;
}

export function actionChange(original: GlobalAction | null, next: GlobalAction): FlowChange {
  return {
    key: `globalAction/${next.id}`,
    before: original ? actionJson(original) : null,
    after: actionJson(next),
  };
}

export function removeActionChange(action: GlobalAction): FlowChange {
  return { key: `globalAction/${action.id}`, before: actionJson(action), after: null };
}

/** "Keywords: menu, start over" or "Intent: “talk to someone” and 2 more", for the list. */
export function triggerSummary(action: GlobalAction): string {
  if (action.trigger.kind === "keyword") return `Keywords: ${action.trigger.keywords.join(", ")}`;
  const [first = "", ...rest] = action.trigger.examples;
  return rest.length ? `Intent: “${first}” and ${rest.length} more` : `Intent: “${first}”`;
}
