import { createOpenAI } from "@ai-sdk/openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type StandIn, startStandIn } from "../../test-support/stand-ins/index.ts";
import { providerContract } from "./contract.ts";
import { collectStream, PROMPT, requestBody } from "./helpers.ts";

const KEY = "sk-test-openai-responses-0002";
let standIn: StandIn;

beforeAll(async () => {
  standIn = await startStandIn({ expectedKey: KEY });
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

describe("@ai-sdk/openai Responses API against the stand-in", () => {
  providerContract(
    {
      route: "openai-responses",
      key: KEY,
      model: (s, apiKey) => createOpenAI({ baseURL: s.baseUrls.openai, apiKey })("gpt-4o-mini"),
      streamPath: "/v1/responses",
      generatePath: "/v1/responses",
      keyHeader: "authorization",
      expectStructuredRequest(body) {
        expect(body.text).toMatchObject({
          format: { type: "json_schema", name: "response", strict: true, schema: { type: "object" } },
        });
      },
      unauthorizedMessage: /Incorrect API key provided: \*\*\*\*9876/,
      finishReasonAfterMalformedChunk: "error",
      rateLimitMessage: /Rate limit reached/,
    },
    () => standIn,
  );

  it("is what openai(model) calls: input items, stream: true, no stream_options", async () => {
    standIn.enqueue({ text: "hi there" });
    await collectStream(createOpenAI({ baseURL: standIn.baseUrls.openai, apiKey: KEY })("gpt-4o-mini"));
    const body = requestBody(standIn, 0);
    expect(body).toMatchObject({ model: "gpt-4o-mini", stream: true });
    expect(body.stream_options).toBeUndefined();
    expect(JSON.stringify(body.input)).toContain(PROMPT);
  });
});
