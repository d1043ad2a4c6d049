import { createOpenAI } from "@ai-sdk/openai";
import { generateText } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type StandIn, startStandIn } from "../../test-support/stand-ins/index.ts";
import { providerContract } from "./contract.ts";
import { collectStream, PROMPT } from "./helpers.ts";

const KEY = "sk-test-openai-chat-0001";
let standIn: StandIn;

beforeAll(async () => {
  standIn = await startStandIn({ expectedKey: KEY });
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

const chatModel = (apiKey: string) => createOpenAI({ baseURL: standIn.baseUrls.openai, apiKey }).chat("gpt-4o-mini");

describe("@ai-sdk/openai chat completions against the stand-in", () => {
  providerContract(
    {
      route: "openai-chat",
      key: KEY,
      model: (s, apiKey) => createOpenAI({ baseURL: s.baseUrls.openai, apiKey }).chat("gpt-4o-mini"),
      streamPath: "/v1/chat/completions",
      generatePath: "/v1/chat/completions",
      keyHeader: "authorization",
      expectStructuredRequest(body) {
        expect(body.response_format).toMatchObject({
          type: "json_schema",
          json_schema: { name: "response", strict: true, schema: { type: "object" } },
        });
      },
      unauthorizedMessage: /Incorrect API key provided: \*\*\*\*9876/,
      finishReasonAfterMalformedChunk: "stop",
      rateLimitMessage: /Rate limit reached/,
    },
    () => standIn,
  );

  it("asks for usage in the stream with stream_options.include_usage", async () => {
    standIn.enqueue({ text: "hi there" });
    await collectStream(chatModel(KEY));
    expect(standIn.requests[0]?.body).toMatchObject({
      model: "gpt-4o-mini",
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: "user", content: PROMPT }],
    });
  });

  it("sends the key as a Bearer token, recorded masked", async () => {
    await generateText({ model: chatModel(KEY), prompt: PROMPT, maxRetries: 0 });
    expect(standIn.requests[0]?.headers.authorization).toBe("Bearer ****0001");
  });
});
