import { defineNodeForm, str, truncate } from "../../forms/types.ts";
import type { ExpertHandoffData } from "./node.ts";

export const expertHandoffForm = defineNodeForm<ExpertHandoffData>({
  icon: "graduation-cap",
  color: "orange",
  fields: [
    {
      kind: "text",
      key: "name",
      label: "Expert name",
      help: "The expert's name, shown to the user (e.g. 'Marketing & Sales Expert').",
      placeholder: "Marketing & Sales Expert",
    },
    {
      kind: "text",
      key: "systemPrompt",
      label: "Persona",
      help: "The expert's persona and knowledge, used by the AI steps that follow; {{variable}} placeholders allowed.",
      placeholder: "You are a senior marketing consultant…",
      multiline: true,
      template: true,
    },
    {
      kind: "model",
      key: "model",
      label: "Model",
      help: "Model preference of this expert, e.g. 'openai:gpt-4o-mini'.",
      emptyLabel: "Each AI step's own model",
    },
    {
      kind: "text",
      key: "message",
      label: "Introduction",
      help: "Said when the expert takes over, with {{variable}} placeholders; empty = no introduction.",
      placeholder: "Hi, I'm your marketing expert.",
      multiline: true,
      template: true,
      optional: true,
    },
  ],
  summary: (data) =>
    [
      str(data.name) ? `${truncate(data.name, 60)}${str(data.model) ? ` · ${truncate(data.model, 40)}` : ""}` : "",
      truncate(data.message) || truncate(data.systemPrompt),
    ].filter(Boolean),
});
