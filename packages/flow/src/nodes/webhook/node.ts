import { z } from "zod";
import { type JsonValue, ownValue } from "../../engine/json.ts";
import { defineNode } from "../../engine/node-definition.ts";
import type { HttpResponse } from "../../engine/ports.ts";
import { templateVariables } from "../../engine/template.ts";

const variableName = z.string().regex(/^[A-Za-z_]\w{0,63}$/, "Use letters, digits and _");

export const webhookSchema = z.object({
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).default("POST"),
  url: z.string().min(1, "Enter a URL").max(2_000).describe("http(s) URL; {{variables}} are URL-encoded."),
  headers: z
    .array(
      z.object({ name: z.string().regex(/^[A-Za-z0-9-]{1,100}$/, "Not a header name"), value: z.string().max(2_000) }),
    )
    .max(30)
    .default([]),
  body: z.string().max(50_000).default("").describe("Request body (JSON text with {{variables}}); not sent with GET."),
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
  retries: z.number().int().min(0).max(5).default(0).describe("Extra attempts after a network error or a 5xx/429."),
  responseMappings: z
    .array(
      z.object({
        path: z.string().max(200).describe("Dot path in the JSON response, e.g. data.order.status"),
        variable: variableName,
      }),
    )
    .max(50)
    .default([]),
  statusVariable: variableName.optional().describe("Variable that receives the HTTP status."),
});
export type WebhookData = z.infer<typeof webhookSchema>;

/** Renders the URL template with each value URL-encoded, and checks that the result is http(s). */
export function renderUrl(template: string, render: (t: string) => string): URL | null {
  const parts = template
    .split(/(\{\{[^}]+\}\})/g)
    .map((part) => (part.startsWith("{{") ? encodeURIComponent(render(part)) : part));
  try {
    const url = new URL(parts.join(""));
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/**
 * Renders a JSON body template. A value placed inside a JSON string is escaped, so an answer with a quote
 * or a newline can neither break the JSON nor add fields to it; values outside strings are inserted as is.
 */
export function renderJsonBody(template: string, render: (t: string) => string): string {
  let out = "";
  let inString = false;
  for (const part of template.split(/(\{\{[^}]+\}\})/g)) {
    if (part.startsWith("{{")) {
      const value = render(part);
      out += inString ? JSON.stringify(value).slice(1, -1) : value;
      continue;
    }
    for (let i = 0; i < part.length; i++) {
      if (part[i] === "\\" && inString) i += 1;
      else if (part[i] === '"') inString = !inString;
    }
    out += part;
  }
  return out;
}

function isJsonBody(data: WebhookData): boolean {
  const type = data.headers.find((h) => h.name.toLowerCase() === "content-type");
  return type ? /json/i.test(type.value) : /^\s*[[{]/.test(data.body);
}

/** A URL template is well formed when it is an http(s) URL once placeholders are filled with a sample. */
export function urlTemplateError(template: string): string | null {
  return renderUrl(template, () => "sample") ? null : `"${template}" is not an http(s) URL`;
}

function pick(body: JsonValue, path: string): JsonValue {
  let value: JsonValue | undefined = body;
  for (const key of path.split(".").filter(Boolean)) {
    if (Array.isArray(value) && /^\d+$/.test(key)) value = value[Number(key)];
    else if (value && typeof value === "object" && !Array.isArray(value))
      value = ownValue(value as Record<string, JsonValue>, key);
    else return null;
  }
  return value ?? null;
}

const retriable = (status: number) => status >= 500 || status === 429;

export const webhookNode = defineNode<WebhookData>({
  type: "webhook",
  label: "Webhook / tool call",
  category: "integrations",
  description:
    "Calls an HTTP endpoint with a method, URL, headers and body built from {{variables}}, with a timeout and retries. Fields of the JSON response are mapped to variables; 2xx follows 'Success', anything else 'Failure'.",
  schema: webhookSchema,
  defaults: () => ({
    method: "POST",
    url: "https://example.com/hooks/lead",
    headers: [{ name: "Content-Type", value: "application/json" }],
    body: '{"email": "{{email}}"}',
    timeoutMs: 10_000,
    retries: 1,
    responseMappings: [],
  }),
  outputs: () => [
    { id: "success", label: "Success" },
    { id: "failure", label: "Failure" },
  ],
  waitsForInput: () => false,
  references: (data) => {
    const templates = [data.url, data.body, ...data.headers.map((h) => h.value)];
    return {
      reads: [...new Set(templates.flatMap((t) => templateVariables(t)))],
      writes: [...data.responseMappings.map((m) => m.variable), ...(data.statusVariable ? [data.statusVariable] : [])],
      targets: [],
      templates,
    };
  },
  async run(ctx) {
    const { data } = ctx;
    const fail = (message: string, status?: number) => {
      ctx.emit({
        type: "webhook-result",
        nodeId: ctx.nodeId,
        ok: false,
        ...(status ? { status } : {}),
        error: message,
      });
      if (data.statusVariable) ctx.setVariables({ [data.statusVariable]: status ?? 0 });
      return { kind: "next" as const, handle: "failure" };
    };
    const http = ctx.ports.http;
    if (!http) return fail("Webhooks are not available here.");
    const url = renderUrl(data.url, ctx.render);
    if (!url) return fail(`The URL "${data.url}" is not a valid http(s) URL once filled in.`);
    const headers = Object.fromEntries(data.headers.map((h) => [h.name, ctx.render(h.value)]));
    const body =
      data.method === "GET" || !data.body
        ? undefined
        : isJsonBody(data)
          ? renderJsonBody(data.body, ctx.render)
          : ctx.render(data.body);

    let response: HttpResponse | null = null;
    let lastError = "";
    for (let attempt = 0; attempt <= data.retries; attempt++) {
      try {
        response = await http.request({
          method: data.method,
          url: url.toString(),
          headers,
          body,
          timeoutMs: data.timeoutMs,
        });
        if (!retriable(response.status)) break;
        lastError = `HTTP ${response.status}`;
      } catch (error) {
        response = null;
        lastError = error instanceof Error ? error.message : "network error";
      }
    }
    if (!response) return fail(lastError || "The request failed.");
    if (response.status < 200 || response.status >= 300) return fail(`HTTP ${response.status}`, response.status);

    const values: Record<string, JsonValue> = {};
    for (const mapping of data.responseMappings) values[mapping.variable] = pick(response.body, mapping.path);
    if (data.statusVariable) values[data.statusVariable] = response.status;
    if (Object.keys(values).length) ctx.setVariables(values);
    ctx.emit({ type: "webhook-result", nodeId: ctx.nodeId, ok: true, status: response.status });
    return { kind: "next", handle: "success" };
  },
});
