import { describe, expect, it } from "vitest";
import { buildFlow, Conversation, FakeHttp, fakePorts, messages, single } from "../../../test/helpers/index.ts";
import type { JsonValue } from "../../index.ts";
import { renderJsonBody, urlTemplateError, webhookNode } from "./node.ts";

function calling(data: Record<string, unknown>, vars: Record<string, JsonValue> = {}) {
  return buildFlow({
    nodes: [
      { id: "start", type: "start" },
      { id: "hook", type: "webhook", data: { url: "https://api.example.com/orders", ...data } },
      { id: "ok", type: "end", data: { message: "ok" } },
      { id: "ko", type: "end", data: { message: "failed" } },
    ],
    edges: ["start -> hook", "hook:success -> ok", "hook:failure -> ko"],
    variables: Object.entries(vars).map(([name, value]) => ({ name, type: "json" as const, default: value })),
  });
}

async function call(data: Record<string, unknown>, http?: FakeHttp, vars: Record<string, JsonValue> = {}) {
  const chat = new Conversation(calling(data, vars), fakePorts(http ? { http } : {}));
  const events = await chat.start();
  return { events, vars: chat.vars, outcome: messages(events)[0], result: single(events, "webhook-result") };
}

const OK = { status: 200, body: { ok: true } };

describe("webhook node", () => {
  it("sends the request and follows success on 2xx", async () => {
    const http = new FakeHttp({ status: 201, body: {} });
    const { events, outcome } = await call({ method: "POST", body: "{}", timeoutMs: 2_500 }, http);
    expect(http.requests).toEqual([
      { method: "POST", url: "https://api.example.com/orders", headers: {}, body: "{}", timeoutMs: 2_500 },
    ]);
    expect(events[0]).toEqual({ type: "webhook-result", nodeId: "hook", ok: true, status: 201 });
    expect(outcome).toBe("ok");
  });

  it("URL-encodes values placed in the URL", async () => {
    const http = new FakeHttp(OK);
    await call({ method: "GET", url: "https://api.example.com/search/{{q}}?q={{q}}&id={{order.id}}" }, http, {
      q: "a b&c=d/é?",
      order: { id: 7 },
    });
    expect(http.requests[0]?.url).toBe(
      "https://api.example.com/search/a%20b%26c%3Dd%2F%C3%A9%3F?q=a%20b%26c%3Dd%2F%C3%A9%3F&id=7",
    );
  });

  it("templates headers and body; GET sends no body", async () => {
    const vars = { token: "s3cr3t", email: "ada@example.com", count: 3 };
    const headers = [
      { name: "Authorization", value: "Bearer {{token}}" },
      { name: "Content-Type", value: "application/json" },
    ];
    const body = '{"email": "{{email}}", "count": {{count}}}';
    const post = new FakeHttp(OK);
    await call({ method: "PUT", headers, body }, post, vars);
    expect(post.requests[0]).toMatchObject({
      method: "PUT",
      headers: { Authorization: "Bearer s3cr3t", "Content-Type": "application/json" },
      body: '{"email": "ada@example.com", "count": 3}',
    });
    expect(JSON.parse(post.requests[0]?.body ?? "")).toEqual({ email: "ada@example.com", count: 3 });

    const get = new FakeHttp(OK);
    await call({ method: "GET", headers, body }, get, vars);
    expect(get.requests[0]?.body).toBeUndefined();
  });

  it("escapes values inside JSON strings, so an answer cannot break or extend the body", async () => {
    const http = new FakeHttp(OK);
    const name = 'Ada", "admin": true, "x": "\\ \n';
    await call({ body: '{"name": "{{name}}", "note": "Hi {{name}}", "n": {{n}}}' }, http, { name, n: 2 });
    expect(JSON.parse(http.requests[0]?.body ?? "")).toEqual({ name, note: `Hi ${name}`, n: 2 });
    // Not JSON: left as written.
    const text = new FakeHttp(OK);
    await call({ headers: [{ name: "Content-Type", value: "text/plain" }], body: 'name="{{name}}"' }, text, {
      name: 'a"b',
    });
    expect(text.requests[0]?.body).toBe('name="a"b"');
  });

  it("renders JSON bodies with escapes already in the template", () => {
    const render = (t: string) => (t === "{{v}}" ? 'q"' : t);
    expect(renderJsonBody('{"a": "x\\"{{v}}", "b": {{v}}}', render)).toBe('{"a": "x\\"q\\"", "b": q"}');
  });

  it("maps response fields by dot path, array indexes included, and the status", async () => {
    const http = new FakeHttp({
      status: 200,
      body: { data: { order: { status: "shipped", items: [{ sku: "A1" }, { sku: "B2" }] }, total: 9.5 } },
    });
    const { vars, events } = await call(
      {
        responseMappings: [
          { path: "data.order.status", variable: "order_status" },
          { path: "data.order.items.1.sku", variable: "second_sku" },
          { path: "data.order.items", variable: "items" },
          { path: "data.total", variable: "total" },
          { path: "data.missing.deep", variable: "missing" },
          { path: "data.order.items.9.sku", variable: "out_of_range" },
        ],
        statusVariable: "http_status",
      },
      http,
    );
    expect(single(events, "variables-set").values).toEqual({
      order_status: "shipped",
      second_sku: "B2",
      items: [{ sku: "A1" }, { sku: "B2" }],
      total: 9.5,
      missing: null,
      out_of_range: null,
      http_status: 200,
    });
    expect(vars.order_status).toBe("shipped");
  });

  it("maps nothing from a text response", async () => {
    const { vars } = await call(
      { responseMappings: [{ path: "a", variable: "a" }] },
      new FakeHttp({ status: 200, body: "plain" }),
    );
    expect(vars.a).toBeNull();
  });

  it.each([
    [503, "HTTP 503"],
    [429, "HTTP 429"],
  ])("retries on %i up to `retries` extra times, then fails", async (status, error) => {
    const http = new FakeHttp({ status, body: "" });
    const { result, outcome, vars } = await call({ retries: 2, statusVariable: "code" }, http);
    expect(http.requests).toHaveLength(3);
    expect(result).toEqual({ type: "webhook-result", nodeId: "hook", ok: false, status, error });
    expect(outcome).toBe("failed");
    expect(vars.code).toBe(status);
  });

  it("retries after network errors and succeeds when a later attempt does", async () => {
    const http = new FakeHttp(
      { networkError: "ECONNRESET" },
      { status: 502, body: "" },
      { status: 200, body: { id: 1 } },
    );
    const { result, outcome } = await call({ retries: 2, responseMappings: [{ path: "id", variable: "id" }] }, http);
    expect(http.requests).toHaveLength(3);
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(outcome).toBe("ok");
  });

  it("fails with the network error when every attempt fails, status 0", async () => {
    const http = new FakeHttp({ networkError: "timeout after 100ms" });
    const { result, vars } = await call({ retries: 1, timeoutMs: 100, statusVariable: "code" }, http);
    expect(http.requests.map((r) => r.timeoutMs)).toEqual([100, 100]);
    expect(result).toEqual({ type: "webhook-result", nodeId: "hook", ok: false, error: "timeout after 100ms" });
    expect(vars.code).toBe(0);
  });

  it("does not retry by default, nor on a 4xx", async () => {
    const once = new FakeHttp({ status: 500, body: "" });
    await call({}, once);
    expect(once.requests).toHaveLength(1);
    const notFound = new FakeHttp({ status: 404, body: { error: "nope" } });
    const { result, outcome } = await call(
      { retries: 3, responseMappings: [{ path: "error", variable: "e" }] },
      notFound,
    );
    expect(notFound.requests).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, status: 404, error: "HTTP 404" });
    expect(outcome).toBe("failed");
  });

  it.each([[301], [199], [400]])("treats %i as a failure", async (status) => {
    const { outcome } = await call({}, new FakeHttp({ status, body: "" }));
    expect(outcome).toBe("failed");
  });

  it("fails clearly when the URL is not http(s) once filled in, without calling", async () => {
    const http = new FakeHttp(OK);
    const { result, outcome } = await call({ url: "{{base}}/orders" }, http, { base: "https://api.example.com" });
    expect(http.requests).toEqual([]);
    expect(result).toEqual({
      type: "webhook-result",
      nodeId: "hook",
      ok: false,
      error: 'The URL "{{base}}/orders" is not a valid http(s) URL once filled in.',
    });
    expect(outcome).toBe("failed");
    const { result: ftp } = await call({ url: "ftp://example.com/{{x}}" }, http);
    expect(ftp.error).toMatch(/not a valid http\(s\) URL/);
  });

  it("fails without an HTTP port", async () => {
    const { result, outcome, vars } = await call({ statusVariable: "code" });
    expect(result).toEqual({
      type: "webhook-result",
      nodeId: "hook",
      ok: false,
      error: "Webhooks are not available here.",
    });
    expect(outcome).toBe("failed");
    expect(vars.code).toBe(0);
  });

  it("validates URL templates and lists what it reads and writes", () => {
    expect(urlTemplateError("https://x.io/{{id}}")).toBeNull();
    expect(urlTemplateError("not a url")).toMatch(/not an http\(s\) URL/);
    const data = webhookNode.schema.parse({
      url: "https://x.io/{{id}}",
      headers: [{ name: "X-Key", value: "{{key}}" }],
      body: '{"a": "{{a}}"}',
      responseMappings: [{ path: "x", variable: "x" }],
      statusVariable: "s",
    });
    expect(data).toMatchObject({ method: "POST", retries: 0, timeoutMs: 10_000 });
    expect(webhookNode.references(data)).toMatchObject({ reads: ["id", "a", "key"], writes: ["x", "s"] });
    expect(webhookNode.outputs(data).map((o) => o.id)).toEqual(["success", "failure"]);
  });
});
