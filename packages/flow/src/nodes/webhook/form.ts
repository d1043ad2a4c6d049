import { defineNodeForm, items, joined, options, str, truncate, uniqueName } from "../../forms/types.ts";
import type { WebhookData } from "./node.ts";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** "X-Header", then "X-Header-2"…: header names allow no "_". */
function newHeaderName(existing: readonly unknown[]): string {
  const taken = new Set(items(existing).map((h) => str(h.name).toLowerCase()));
  if (!taken.has("x-header")) return "X-Header";
  for (let n = 2; ; n++) if (!taken.has(`x-header-${n}`)) return `X-Header-${n}`;
}

export const webhookForm = defineNodeForm<WebhookData>({
  icon: "webhook",
  color: "teal",
  fields: [
    {
      kind: "select",
      key: "method",
      label: "Method",
      options: options(Object.fromEntries(METHODS.map((m) => [m, m]))),
    },
    {
      kind: "text",
      key: "url",
      label: "URL",
      help: "http(s) URL; {{variables}} are URL-encoded.",
      placeholder: "https://example.com/hooks/lead?email={{email}}",
      template: true,
    },
    {
      kind: "list",
      key: "headers",
      label: "Headers",
      addLabel: "Add header",
      itemLabel: "Header",
      maxItems: 30,
      fields: [
        { kind: "text", key: "name", label: "Name", help: "Letters, digits and -.", placeholder: "Authorization" },
        {
          kind: "text",
          key: "value",
          label: "Value",
          help: "With {{variable}} placeholders.",
          placeholder: "Bearer {{token}}",
          template: true,
        },
      ],
      newItem: (existing = []) => ({ name: newHeaderName(existing), value: "" }),
    },
    {
      kind: "text",
      key: "body",
      label: "Body",
      help: "Request body (JSON text with {{variables}}; values inside JSON strings are escaped). Not sent with GET.",
      placeholder: '{"email": "{{email}}"}',
      multiline: true,
      template: true,
      code: true,
      visibleWhen: { key: "method", oneOf: METHODS.filter((m) => m !== "GET") },
    },
    {
      kind: "list",
      key: "responseMappings",
      label: "Save from the response",
      help: "Fields of the JSON response written to variables.",
      addLabel: "Add mapping",
      itemLabel: "Mapping",
      maxItems: 50,
      fields: [
        {
          kind: "text",
          key: "path",
          label: "Response path",
          help: "Dot path in the JSON response, e.g. data.order.status; empty = the whole response.",
          placeholder: "data.order.status",
        },
        { kind: "variable", key: "variable", label: "Save to variable", allowNew: true },
      ],
      newItem: (existing = []) => ({ path: "", variable: uniqueName("result", existing, "variable") }),
    },
    {
      kind: "variable",
      key: "statusVariable",
      label: "Save status to",
      help: "Variable that receives the HTTP status (0 when no response came).",
      allowNew: true,
      optional: true,
    },
    {
      kind: "number",
      key: "timeoutMs",
      label: "Timeout",
      help: "How long each attempt may take.",
      min: 100,
      max: 60_000,
      step: 100,
      unit: "ms",
    },
    {
      kind: "number",
      key: "retries",
      label: "Retries",
      help: "Extra attempts after a network error or a 5xx/429.",
      min: 0,
      max: 5,
      step: 1,
    },
  ],
  summary: (data) => {
    const saved = [...items(data.responseMappings).map((m) => str(m.variable)), str(data.statusVariable)];
    return [
      truncate(`${str(data.method) || "POST"} ${str(data.url) || "(no URL)"}`),
      saved.some(Boolean) ? `→ ${joined(saved, ", ", 76)}` : "",
    ].filter(Boolean);
  },
});
