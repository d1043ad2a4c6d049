import { dataOf, describeNode, outputKey, type Rule } from "../context.ts";
import type { FlowIssue } from "../issue.ts";

/**
 * Outputs left unconnected end the conversation when taken. For a quick-reply option that is an error
 * (the user clicks a button and nothing happens); for any other output a warning.
 */
export const connectionsRule: Rule = (context) => {
  const issues: FlowIssue[] = [];
  for (const info of context.nodes) {
    const { node } = info;
    const quickReply = dataOf(info, "quick-reply");
    const options = new Map(quickReply?.options.map((o, i) => [o.id, i]));
    for (const output of info.outputs) {
      if (context.edgesByOutput.has(outputKey(node.id, output.id))) continue;
      const option = options.get(output.id);
      if (option !== undefined) {
        issues.push({
          severity: "error",
          code: "unconnected-option",
          message: `Option "${output.label}" of ${describeNode(info)} is not connected: choosing it would end the conversation. Connect it to the next step.`,
          nodeId: node.id,
          path: `nodes.${info.index}.data.options.${option}`,
        });
        continue;
      }
      issues.push({
        severity: "warning",
        code: "unconnected-output",
        message: `Output "${output.label}" (${output.id}) of ${describeNode(info)} is not connected: the conversation would end there.`,
        nodeId: node.id,
        path: `nodes.${info.index}`,
      });
    }
  }
  return issues;
};
