import { createAnthropic } from "@ai-sdk/anthropic";
import { generateText, Output } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type StandIn, startStandIn } from "../../test-support/stand-ins/index.ts";
import { LISBON, providerContract, WEATHER } from "./contract.ts";
import { collectStream, PROMPT, requestBody } from "./helpers.ts";

const KEY = "sk-ant-test-anthropic-0003";
const MODEL = "claude-sonnet-4-5";
let standIn: StandIn;

beforeAll(async () => {
  standIn = await startStandIn({ expectedKey: KEY });
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

const anthropicModel = (apiKey: string) => createAnthropic({ baseURL: standIn.baseUrls.anthropic, apiKey })(MODEL);

describe("@ai-sdk/anthropic Messages against the stand-in", () => {
  providerContract(
    {
      route: "anthropic-messages",
      key: KEY,
      model: (s, apiKey) => createAnthropic({ baseURL: s.baseUrls.anthropic, apiKey })(MODEL),
      streamPath: "/v1/messages",
      generatePath: "/v1/messages",
      keyHeader: "x-api-key",
      expectStructuredRequest(body) {
        expect(body.output_config).toMatchObject({ format: { type: "json_schema", schema: { type: "object" } } });
      },
      unauthorizedMessage: /invalid x-api-key/,
      finishReasonAfterMalformedChunk: "stop",
      rateLimitMessage: /exceed the rate limit/,
    },
    () => standIn,
  );

  it("sends x-api-key and anthropic-version, with max_tokens and stream: true", async () => {
    standIn.enqueue({ text: "hi there" });
    await collectStream(anthropicModel(KEY));
    const request = standIn.requests[0];
    expect(request?.headers["x-api-key"]).toBe("****0003");
    expect(request?.headers["anthropic-version"]).toBe("2023-06-01");
    expect(request?.body).toMatchObject({
      model: MODEL,
      stream: true,
      messages: [{ role: "user", content: [{ type: "text", text: PROMPT }] }],
    });
    expect(typeof requestBody(standIn, 0).max_tokens).toBe("number");
  });

  it("answers the forced `json` tool with a tool_use block when structured output goes through a tool", async () => {
    standIn.enqueue({ json: LISBON, usage: { input: 50, output: 20 } });
    const result = await generateText({
      model: anthropicModel(KEY),
      prompt: "Weather in Lisbon?",
      output: Output.object({ schema: WEATHER }),
      providerOptions: { anthropic: { structuredOutputMode: "jsonTool" } },
      maxRetries: 0,
    });
    expect(result.output).toEqual(LISBON);
    expect(result.usage.inputTokens).toBe(50);
    const body = requestBody(standIn, 0);
    expect((body.tools as { name: string }[]).map((tool) => tool.name)).toEqual(["json"]);
    expect(body.output_config).toBeUndefined();
  });
});
