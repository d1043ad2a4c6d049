import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { generateText } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type StandIn, startStandIn } from "../../test-support/stand-ins/index.ts";
import { providerContract } from "./contract.ts";
import { collectStream, PROMPT } from "./helpers.ts";

const KEY = "AIza-test-google-0004";
const MODEL = "gemini-2.5-flash";
let standIn: StandIn;

beforeAll(async () => {
  standIn = await startStandIn({ expectedKey: KEY });
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

const geminiModel = (apiKey: string) => createGoogleGenerativeAI({ baseURL: standIn.baseUrls.google, apiKey })(MODEL);

describe("@ai-sdk/google Gemini against the stand-in", () => {
  providerContract(
    {
      route: "google-gemini",
      key: KEY,
      model: (s, apiKey) => createGoogleGenerativeAI({ baseURL: s.baseUrls.google, apiKey })(MODEL),
      streamPath: `/v1beta/models/${MODEL}:streamGenerateContent`,
      generatePath: `/v1beta/models/${MODEL}:generateContent`,
      keyHeader: "x-goog-api-key",
      expectStructuredRequest(body) {
        expect(body.generationConfig).toMatchObject({
          responseMimeType: "application/json",
          responseJsonSchema: { type: "object" },
        });
      },
      unauthorizedMessage: /API key not valid/,
      finishReasonAfterMalformedChunk: "stop",
      rateLimitMessage: /exceeded your current quota/,
    },
    () => standIn,
  );

  it("streams with alt=sse and the key in x-goog-api-key, the model in the path", async () => {
    standIn.enqueue({ text: "hi there" });
    await collectStream(geminiModel(KEY));
    const request = standIn.requests[0];
    expect(request?.query).toEqual({ alt: "sse" });
    expect(request?.model).toBe(MODEL);
    expect(request?.headers["x-goog-api-key"]).toBe("****0004");
    expect(request?.body).toMatchObject({ contents: [{ role: "user", parts: [{ text: PROMPT }] }] });
  });

  it("reads usage from the last chunk's usageMetadata", async () => {
    standIn.enqueue({ text: "three word answer", usage: { input: 11, output: 3 } });
    const result = await generateText({ model: geminiModel(KEY), prompt: PROMPT, maxRetries: 0 });
    expect(result.usage).toMatchObject({ inputTokens: 11, outputTokens: 3, totalTokens: 14 });
  });
});
