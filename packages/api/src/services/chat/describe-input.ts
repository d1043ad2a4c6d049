import type { FlowDocument, FlowState, TurnInput } from "@pixel/flow";

/** The text of an input that does not depend on the conversation's state (all but quick-reply choices); else undefined. */
export function stateFreeText(input: TurnInput): string | null | undefined {
  if (input.type === "choice") return undefined;
  return describeInput(input, null);
}

/** The user's input as a message text: what they typed, the label of the button they chose, their form answers. */
export function describeInput(
  input: TurnInput,
  context: { flow: FlowDocument; state: FlowState } | null,
): string | null {
  switch (input.type) {
    case "text":
      return input.text;
    case "choice": {
      const node = context?.flow.nodes.find((n) => n.id === context.state.waiting?.nodeId);
      const options =
        node?.type === "quick-reply" ? (node.data as { options: { id: string; label: string }[] }).options : [];
      return options.find((o) => o.id === input.optionId)?.label ?? input.optionId;
    }
    case "form":
      return Object.values(input.values)
        .filter((v) => v !== null && v !== "")
        .map(String)
        .join(", ");
    default:
      return null;
  }
}
