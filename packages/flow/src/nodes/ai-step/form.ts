import { defineNodeForm, joined, str, strings, truncate } from "../../forms/types.ts";
import type { AiStepData } from "./node.ts";

export const aiStepForm = defineNodeForm<AiStepData>({
  icon: "sparkles",
  color: "indigo",
  fields: [
    {
      kind: "text",
      key: "prompt",
      label: "Prompt",
      help: "What is asked, with {{variable}} placeholders; {{last_message}} is the user's latest message.",
      placeholder: "{{last_message}}",
      multiline: true,
      template: true,
    },
    {
      kind: "text",
      key: "systemPrompt",
      label: "Instructions",
      help: "System instructions; added after the active expert's persona.",
      placeholder: "You are a helpful assistant.",
      multiline: true,
      template: true,
    },
    {
      kind: "select",
      key: "mode",
      label: "Mode",
      help: "once: answer and continue; chat: keep answering the user's messages until one matches an exit phrase.",
      options: [
        { value: "once", label: "Answer once, then continue" },
        { value: "chat", label: "Chat until an exit phrase" },
      ],
    },
    {
      kind: "stringList",
      key: "exitPhrases",
      label: "Exit phrases",
      help: "In chat mode, messages that continue the flow (case-insensitive).",
      addLabel: "Add exit phrase",
      placeholder: "done",
      maxItems: 20,
      visibleWhen: { key: "mode", oneOf: ["chat"] },
    },
    {
      kind: "variable",
      key: "saveTo",
      label: "Save answer to",
      help: "Variable that receives the full answer.",
      allowNew: true,
      optional: true,
    },
    {
      kind: "model",
      key: "model",
      label: "Model",
      help: "Model preference, e.g. 'openai:gpt-4o-mini'.",
      emptyLabel: "Active expert's model",
    },
    {
      kind: "stringList",
      key: "fallbackModels",
      label: "Fallback models",
      help: "Tried in order when the model fails.",
      addLabel: "Add fallback model",
      placeholder: "openai:gpt-4o",
      maxItems: 5,
    },
    {
      kind: "number",
      key: "temperature",
      label: "Temperature",
      help: "0 = focused and repeatable, 2 = most varied.",
      min: 0,
      max: 2,
      step: 0.1,
    },
    {
      kind: "number",
      key: "maxTokens",
      label: "Max answer length",
      min: 1,
      max: 32_000,
      step: 1,
      unit: "tokens",
    },
    {
      kind: "number",
      key: "historyWindow",
      label: "History",
      help: "How many earlier messages the model sees.",
      min: 0,
      max: 100,
      step: 1,
      unit: "messages",
    },
  ],
  summary: (data) => {
    const exits = strings(data.exitPhrases);
    const chat = data.mode === "chat" ? `Chat until ${exits.length ? joined(exits, ", ", 60) : "…"}` : "";
    const save = str(data.saveTo) ? `→ ${str(data.saveTo)}` : "";
    return [
      truncate(data.prompt) || "(no prompt)",
      str(data.model) || "Expert's model",
      [chat, save].filter(Boolean).join(" · "),
    ].filter(Boolean);
  },
});
