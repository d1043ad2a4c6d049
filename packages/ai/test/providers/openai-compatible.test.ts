import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type StandIn, startStandIn } from "../../test-support/stand-ins/index.ts";
import { providerContract, USAGE } from "./contract.ts";
import { collectStream, requestBody } from "./helpers.ts";

const KEY = "gsk-test-compatible-0005";
const MODEL = "llama-3.3-70b";
let standIn: StandIn;

beforeAll(async () => {
  standIn = await startStandIn({ expectedKey: KEY });
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

const compatible = (apiKey: string, includeUsage: boolean) =>
  createOpenAICompatible({
    name: "groq-like",
    baseURL: standIn.baseUrls.compatible,
    apiKey,
    includeUsage,
    supportsStructuredOutputs: true,
  })(MODEL);

describe("@ai-sdk/openai-compatible against the stand-in", () => {
  providerContract(
    {
      route: "openai-chat",
      key: KEY,
      model: (s, apiKey) =>
        createOpenAICompatible({
          name: "groq-like",
          baseURL: s.baseUrls.compatible,
          apiKey,
          includeUsage: true,
          supportsStructuredOutputs: true,
        })(MODEL),
      streamPath: "/v1/chat/completions",
      generatePath: "/v1/chat/completions",
      keyHeader: "authorization",
      expectStructuredRequest(body) {
        expect(body.response_format).toMatchObject({
          type: "json_schema",
          json_schema: { name: "response", schema: { type: "object" } },
        });
      },
      unauthorizedMessage: /Incorrect API key provided: \*\*\*\*9876/,
      finishReasonAfterMalformedChunk: "stop",
      rateLimitMessage: /Rate limit reached/,
    },
    () => standIn,
  );

  it("sends no usage in the stream unless the provider asks with includeUsage", async () => {
    standIn.enqueue({ chunks: ["a", "b"], usage: USAGE });
    const collected = await collectStream(compatible(KEY, false));
    expect(collected.deltas).toEqual(["a", "b"]);
    expect(requestBody(standIn, 0).stream_options).toBeUndefined();
    expect(collected.usage?.inputTokens).toBeUndefined();
  });

  it("serves a keyless local server (an Ollama) when no key is expected", async () => {
    const ollama = await startStandIn({ ollamaModels: ["llama3.2:latest", "qwen2.5:7b"] });
    try {
      ollama.enqueue({ text: "Local and free." });
      const tags = (await (await fetch(`${ollama.url}/api/tags`)).json()) as { models: { name: string }[] };
      expect(tags.models.map((m) => m.name)).toEqual(["llama3.2:latest", "qwen2.5:7b"]);
      const model = createOpenAICompatible({ name: "ollama", baseURL: ollama.baseUrls.compatible })("llama3.2");
      const collected = await collectStream(model);
      expect(collected.deltas.join("")).toBe("Local and free.");
      expect(ollama.requests.at(-1)?.headers.authorization).toBeUndefined();
    } finally {
      await ollama.close();
    }
  });
});
