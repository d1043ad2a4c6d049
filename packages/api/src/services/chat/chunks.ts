import type { FlowEvent, PixelChatDataParts, PixelChatMetadata } from "@pixel/flow";
import type { UIMessageChunk } from "ai";

export type PixelChunk = UIMessageChunk<PixelChatMetadata, PixelChatDataParts>;

export interface ChunkMapper {
  /** The UI message stream chunks for one engine event. */
  map(event: FlowEvent): PixelChunk[];
}

/**
 * Turns engine events into AI SDK UI message stream chunks. Static messages become one text part each;
 * AI answers stream as they come. With `trace`, the designer's preview also gets what the engine did.
 */
export function createChunkMapper(options: { trace: boolean; newId: () => string }): ChunkMapper {
  let lastNodeId: string | null = null;
  const trace = (data: PixelChatDataParts["trace"]): PixelChunk[] =>
    options.trace ? [{ type: "data-trace", data, transient: true }] : [];

  return {
    map(event) {
      const chunks: PixelChunk[] = [];
      const nodeId = "nodeId" in event ? event.nodeId : undefined;
      if (nodeId && nodeId !== lastNodeId) {
        lastNodeId = nodeId;
        chunks.push(...trace({ kind: "node", nodeId }));
      }
      switch (event.type) {
        case "message": {
          const id = options.newId();
          if (event.expert) chunks.push(...expertChunk(event.nodeId, event.expert));
          chunks.push(
            { type: "text-start", id },
            { type: "text-delta", id, delta: event.text },
            { type: "text-end", id },
          );
          break;
        }
        case "text-start":
          chunks.push({ type: "text-start", id: event.messageId });
          break;
        case "text-delta":
          chunks.push({ type: "text-delta", id: event.messageId, delta: event.delta });
          break;
        case "text-end":
          chunks.push({ type: "text-end", id: event.messageId });
          if (event.usage) {
            chunks.push(...trace({ kind: "ai", nodeId: event.nodeId, usage: event.usage, status: event.status }));
          }
          break;
        case "choices":
          chunks.push({
            type: "data-choices",
            data: {
              nodeId: event.nodeId,
              options: event.options,
              allowFreeText: event.allowFreeText,
              ...(event.prompt ? { prompt: event.prompt } : {}),
            },
          });
          break;
        case "input-request":
          chunks.push({
            type: "data-input",
            data: { nodeId: event.nodeId, field: event.field, ...(event.error ? { error: event.error } : {}) },
          });
          break;
        case "expert-change":
          chunks.push({
            type: "data-expert",
            data: {
              nodeId: event.nodeId,
              name: event.expert.name,
              ...(event.expert.model ? { model: event.expert.model } : {}),
            },
          });
          break;
        case "handoff":
          chunks.push({
            type: "data-handoff",
            data: { nodeId: event.nodeId, message: event.message, ...(event.reason ? { reason: event.reason } : {}) },
          });
          break;
        case "variables-set":
          chunks.push(...trace({ kind: "variables", nodeId: event.nodeId, values: event.values }));
          break;
        case "ai-usage":
          chunks.push(...trace({ kind: "ai", nodeId: event.nodeId, usage: event.usage, status: "complete" }));
          break;
        case "webhook-result":
          chunks.push(
            ...trace({
              kind: "webhook",
              nodeId: event.nodeId,
              ok: event.ok,
              ...(event.status !== undefined ? { status: event.status } : {}),
              ...(event.error ? { error: event.error } : {}),
            }),
          );
          break;
        case "error":
          chunks.push({
            type: "data-error",
            data: { code: event.code, message: event.message, ...(event.nodeId ? { nodeId: event.nodeId } : {}) },
          });
          break;
        case "end":
          chunks.push({ type: "data-end", data: { reason: event.reason } });
          break;
      }
      return chunks;
    },
  };
}

function expertChunk(nodeId: string, name: string): PixelChunk[] {
  return [{ type: "data-expert", data: { nodeId, name } }];
}
