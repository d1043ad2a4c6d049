import type { AiUsage, FlowEvent } from "@pixel/flow";

/** One bot message as stored: its parts, the node that said it and, for AI answers, what it cost. */
export interface AssistantRecord {
  parts: Record<string, unknown>[];
  nodeId: string | null;
  model: string | null;
  provider: string | null;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  latencyMs: number | null;
  status: "complete" | "partial" | "failed";
}

/**
 * Collects what the bot said during a turn, in order, for saving. Static messages and AI answers
 * each become one record; quick replies, input requests and handoffs attach to the message before them.
 */
export class TurnTranscript {
  readonly records: AssistantRecord[] = [];
  private streaming = new Map<string, AssistantRecord>();

  add(event: FlowEvent): void {
    switch (event.type) {
      case "message":
        this.records.push(
          record(event.nodeId, [{ type: "text", text: event.text, ...(event.expert ? { expert: event.expert } : {}) }]),
        );
        break;
      case "text-start": {
        const entry = record(event.nodeId, [
          { type: "text", text: "", ...(event.expert ? { expert: event.expert } : {}) },
        ]);
        entry.status = "partial";
        this.streaming.set(event.messageId, entry);
        this.records.push(entry);
        break;
      }
      case "text-delta": {
        const entry = this.streaming.get(event.messageId);
        const part = entry?.parts[0];
        if (part) part.text = String(part.text) + event.delta;
        break;
      }
      case "text-end": {
        const entry = this.streaming.get(event.messageId);
        if (!entry) break;
        this.streaming.delete(event.messageId);
        (entry.parts[0] as { text: string }).text = event.text;
        entry.status = event.status;
        if (event.usage) applyUsage(entry, event.usage);
        break;
      }
      case "ai-usage": {
        const last = this.records.at(-1);
        if (last && last.nodeId === event.nodeId && !last.model) applyUsage(last, event.usage);
        else this.records.push(applyUsage(record(event.nodeId, []), event.usage));
        break;
      }
      case "choices":
        this.attach(event.nodeId, { type: "data-choices", data: { prompt: event.prompt, options: event.options } });
        break;
      case "input-request":
        this.attach(event.nodeId, { type: "data-input", data: { field: event.field, error: event.error } });
        break;
      case "handoff":
        this.attach(event.nodeId, { type: "data-handoff", data: { message: event.message } });
        break;
      case "error":
        this.attach(event.nodeId ?? null, { type: "data-error", data: { code: event.code, message: event.message } });
        break;
    }
  }

  /** What was said, for the AI steps of later turns. */
  text(): string {
    return this.records
      .flatMap((r) => r.parts.filter((p) => p.type === "text").map((p) => String(p.text)))
      .filter(Boolean)
      .join("\n\n");
  }

  private attach(nodeId: string | null, part: Record<string, unknown>): void {
    const last = this.records.at(-1);
    if (last && (last.nodeId === nodeId || nodeId === null)) last.parts.push(part);
    else this.records.push(record(nodeId, [part]));
  }
}

function record(nodeId: string | null, parts: Record<string, unknown>[]): AssistantRecord {
  return {
    parts,
    nodeId,
    model: null,
    provider: null,
    tokensIn: 0,
    tokensOut: 0,
    costUsd: 0,
    latencyMs: null,
    status: "complete",
  };
}

function applyUsage(entry: AssistantRecord, usage: AiUsage): AssistantRecord {
  entry.model = usage.model;
  entry.provider = usage.provider ?? null;
  entry.tokensIn += usage.tokensIn;
  entry.tokensOut += usage.tokensOut;
  entry.costUsd += usage.costUsd ?? 0;
  entry.latencyMs = usage.latencyMs ?? entry.latencyMs;
  return entry;
}
