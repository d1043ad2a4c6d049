import { z } from "zod";
import type { TurnInput } from "../../engine/input.ts";
import { defineNode, type NodeContext, type StepOutcome } from "../../engine/node-definition.ts";
import { templateVariables } from "../../engine/template.ts";

export const aiStepSchema = z.object({
  model: z
    .string()
    .max(200)
    .describe("Model preference, e.g. 'openai:gpt-4o-mini'; empty = the active expert's model."),
  fallbackModels: z
    .array(z.string().min(1).max(200))
    .max(5)
    .default([])
    .describe("Tried in order when the model fails."),
  systemPrompt: z.string().max(20_000).default("").describe("Instructions; added after the active expert's persona."),
  prompt: z
    .string()
    .max(20_000)
    .default("{{last_message}}")
    .describe("What is asked, with {{variable}} placeholders; {{last_message}} is the user's latest message."),
  temperature: z.number().min(0).max(2).default(0.7),
  maxTokens: z.number().int().min(1).max(32_000).default(1_024),
  historyWindow: z.number().int().min(0).max(100).default(10).describe("How many earlier messages the model sees."),
  saveTo: z
    .string()
    .regex(/^[A-Za-z_]\w{0,63}$/)
    .optional()
    .describe("Variable that receives the full answer."),
  mode: z
    .enum(["once", "chat"])
    .default("once")
    .describe("once: answer and continue; chat: keep answering the user's messages until one matches an exit phrase."),
  exitPhrases: z
    .array(z.string().min(1).max(100))
    .max(20)
    .default([])
    .describe("In chat mode, messages that continue the flow."),
});
export type AiStepData = z.infer<typeof aiStepSchema>;

export const UNAVAILABLE_MESSAGE = "AI answers are not available right now.";

function modelOf(ctx: NodeContext<AiStepData>): string {
  return ctx.data.model || ctx.expert?.model || "";
}

async function answer(ctx: NodeContext<AiStepData>): Promise<StepOutcome> {
  const { data } = ctx;
  const messageId = `${ctx.nodeId}:${ctx.ports.clock.now().toString(36)}:${Math.floor(ctx.ports.random.next() * 1e9).toString(36)}`;
  const ai = ctx.ports.ai;
  if (!ai) {
    ctx.emit({ type: "error", nodeId: ctx.nodeId, code: "ai-unavailable", message: UNAVAILABLE_MESSAGE });
    return { kind: "next", handle: "error" };
  }
  const system = [ctx.expert?.systemPrompt, data.systemPrompt]
    .filter(Boolean)
    .map((s) => ctx.render(s as string))
    .join("\n\n");
  const request = {
    nodeId: ctx.nodeId,
    modelPreference: { model: modelOf(ctx), fallbacks: data.fallbackModels },
    system,
    prompt: ctx.render(data.prompt),
    history: data.historyWindow > 0 ? ctx.history.slice(-data.historyWindow) : [],
    temperature: data.temperature,
    maxTokens: data.maxTokens,
  };
  let text = "";
  let started = false;
  let ended = false;
  const start = () => {
    if (started) return;
    ctx.emit({ type: "text-start", nodeId: ctx.nodeId, messageId, ...(ctx.expert ? { expert: ctx.expert.name } : {}) });
    started = true;
  };
  try {
    for await (const chunk of ai.streamText(request)) {
      if (ended) continue;
      if (chunk.type === "delta") {
        start();
        text += chunk.text;
        ctx.emit({ type: "text-delta", nodeId: ctx.nodeId, messageId, delta: chunk.text });
      } else {
        start();
        ended = true;
        ctx.emit({ type: "text-end", nodeId: ctx.nodeId, messageId, text, status: "complete", usage: chunk.usage });
      }
    }
    // A stream that stops without its finish chunk still closes the message it opened.
    if (started && !ended) ctx.emit({ type: "text-end", nodeId: ctx.nodeId, messageId, text, status: "complete" });
  } catch (error) {
    const message = error instanceof Error ? error.message : "The model failed.";
    // After the first token the answer is kept as partial; before it, nothing was said.
    if (started && !ended) ctx.emit({ type: "text-end", nodeId: ctx.nodeId, messageId, text, status: "partial" });
    ctx.emit({ type: "error", nodeId: ctx.nodeId, code: "ai-failed", message });
    if (data.saveTo && text) ctx.setVariables({ [data.saveTo]: text });
    return { kind: "next", handle: "error" };
  }
  if (data.saveTo) ctx.setVariables({ [data.saveTo]: text });
  return data.mode === "chat" ? { kind: "wait" } : { kind: "next" };
}

function wantsToLeave(data: AiStepData, input: TurnInput): boolean {
  if (input.type !== "text") return input.type === "choice";
  const said = input.text.trim().toLowerCase();
  return data.exitPhrases.some((phrase) => said === phrase.trim().toLowerCase());
}

export const aiStepNode = defineNode<AiStepData>({
  type: "ai-step",
  label: "AI step",
  category: "ai",
  description:
    "Asks a model and streams its answer to the user. Uses the active expert's persona, a prompt with {{variables}}, the recent history, and can save the answer to a variable. In chat mode it keeps answering until the user says an exit phrase. Failures follow the 'Error' output.",
  schema: aiStepSchema,
  defaults: () => ({
    model: "openai:gpt-4o-mini",
    fallbackModels: [],
    systemPrompt: "You are a helpful assistant.",
    prompt: "{{last_message}}",
    temperature: 0.7,
    maxTokens: 1_024,
    historyWindow: 10,
    mode: "once",
    exitPhrases: [],
  }),
  outputs: () => [
    { id: "next", label: "Next" },
    { id: "error", label: "Error" },
  ],
  waitsForInput: (data) => data.mode === "chat",
  references: (data) => ({
    reads: [...new Set([...templateVariables(data.prompt), ...templateVariables(data.systemPrompt)])],
    writes: data.saveTo ? [data.saveTo] : [],
    targets: [],
    templates: [data.prompt, data.systemPrompt],
  }),
  run: (ctx) => answer(ctx),
  resume: (ctx, input) => (wantsToLeave(ctx.data, input) ? { kind: "next" } : answer(ctx)),
});
