export {
  FLOW_DOCUMENT_VERSION,
  type FlowDocument,
  type FlowDocumentInput,
  type FlowEdge,
  type FlowNode,
  type FlowVariable,
  flowDocumentSchema,
  type GlobalAction,
} from "./document/schema.ts";
export { compileFlow } from "./engine/compile.ts";
export type { AiUsage, ChoiceOption, FieldSpec, FlowErrorCode, FlowEvent } from "./engine/events.ts";
export { matchGlobalAction } from "./engine/global-actions.ts";
export { type TurnInput, turnInputSchema } from "./engine/input.ts";
export {
  LAST_MESSAGE_VARIABLE,
  RESERVED_VARIABLES,
  runTurn,
  streamTurn,
  type TurnRequest,
  type TurnResult,
} from "./engine/interpreter.ts";
export type { JsonValue } from "./engine/json.ts";
export type { NodeDefinition, OutputHandle, StepOutcome } from "./engine/node-definition.ts";
export {
  type AiPort,
  type FlowPorts,
  type HistoryMessage,
  type HttpPort,
  mathRandom,
  systemClock,
} from "./engine/ports.ts";
export { FLOW_STATE_VERSION, type FlowState, flowStateSchema, initialState, readState } from "./engine/state.ts";
export { renderTemplate, templateVariables } from "./engine/template.ts";
export { NODE_DEFINITIONS, type NodeType, nodeDefinition } from "./nodes/registry.ts";
export type { FlowIssue } from "./validation/issue.ts";
export { type FlowValidation, hasErrors, validateFlow } from "./validation/validate.ts";

// Flow documents: import/export, migrations, JSON Schema.

export {
  exportFlowDocument,
  MAX_PARSE_ISSUES,
  type ParseFlowResult,
  parseFlowDocument,
} from "./document/import-export.ts";
export { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_DEPTH } from "./document/json-input.ts";
export { flowJsonSchema } from "./document/json-schema.ts";
export {
  documentVersion,
  FLOW_MIGRATIONS,
  type FlowMigration,
  type MigrationContext,
  type MigrationResult,
  migrateToCurrent,
} from "./document/migrations.ts";
export type { PixelChatDataParts, PixelChatMetadata, PreviewTraceStep } from "./engine/chat-parts.ts";

// Collaborative editing: flat document keys, changes, three-way merge, undo and version diffs.

export { type ApplyFlowChangesResult, applyFlowChanges, type FlowApplyMode } from "./collab/apply.ts";
export {
  type FlowChange,
  type FlowConflict,
  type FlowConflictReason,
  flowChangeSchema,
  invertChanges,
} from "./collab/change.ts";
export { diffFlows } from "./collab/diff.ts";
export { type FlatFlow, flattenFlow } from "./collab/flatten.ts";
export { FLOW_KEY_PATTERN, type FlowKey, MAX_FLOW_KEY_LENGTH, parseFlowKey } from "./collab/keys.ts";
export { type ConflictResolution, rebaseChanges } from "./collab/rebase.ts";
export { unflattenFlow } from "./collab/unflatten.ts";
export {
  type AddedRemovedChanged,
  compareFlows,
  countChanges,
  type FlowComparison,
  type NodeSummary,
} from "./collab/version-diff.ts";

// Editor forms: how the designer shows each node type.

export { NODE_FORMS, nodeForm } from "./forms/registry.ts";
export type { FormField, NodeForm } from "./forms/types.ts";

// Schemas of the document's parts, for editors that validate one part at a time.

export { flowSettingsSchema, flowVariableSchema, globalActionSchema } from "./document/schema.ts";
export { TEMPLATE_SEEDS, type TemplateSeed } from "./templates/index.ts";
