/**
 * The contract every provider package must keep against its stand-in: the same scripts, the same expectations,
 * whatever the wire format. Each provider file runs it with its own model factory and wire specifics.
 */
import { generateText, JSONParseError, type LanguageModel, Output, streamText } from "ai";
import { expect, it } from "vitest";
import { z } from "zod";
import type { RecordedRequest, RouteId, StandIn } from "../../test-support/stand-ins/index.ts";
import {
  collectStream,
  expectApiCallError,
  expectFailedAfterFirstToken,
  expectFailedBeforeFirstToken,
  PROMPT,
  rejectionOf,
  requestBody,
} from "./helpers.ts";

export const CHUNKS = ["Hel", "lo", ", wor", "ld", " from", " the stand-in!"];
export const USAGE = { input: 42, output: 17 };
export const WEATHER = z.object({ city: z.string(), temperatureC: z.number(), sunny: z.boolean() });
export const LISBON = { city: "Lisbon", temperatureC: 21.5, sunny: true };

export interface ProviderUnderTest {
  route: RouteId;
  /** The key the stand-in expects. */
  key: string;
  /** The model under test, pointed at the stand-in, calling with `apiKey`. */
  model(standIn: StandIn, apiKey: string): LanguageModel;
  streamPath: string;
  generatePath: string;
  /** The header carrying the key (lower-case), recorded with its last 4 characters only. */
  keyHeader: string;
  /** Checks that a structured-output request asked for the schema the way this provider does. */
  expectStructuredRequest(body: Record<string, unknown>): void;
  /** The provider's own message for a refused key (parsed from its error shape by the SDK). */
  unauthorizedMessage: RegExp;
  rateLimitMessage: RegExp;
  /** What the SDK reports as the finish reason once a stream that had a malformed chunk ends normally. */
  finishReasonAfterMalformedChunk: "stop" | "error";
}

function lastRequest(standIn: StandIn): RecordedRequest {
  const request = standIn.requests.at(-1);
  if (request == null) throw new Error("no request reached the stand-in");
  return request;
}

export function providerContract(provider: ProviderUnderTest, getStandIn: () => StandIn): void {
  const model = (key = provider.key) => provider.model(getStandIn(), key);

  it("streams the scripted chunks in order, with the stand-in's usage", async () => {
    getStandIn().enqueue({ chunks: CHUNKS, usage: USAGE, chunkDelayMs: 2 });
    const collected = await collectStream(model());
    expect(collected.errors).toEqual([]);
    expect(collected.deltas).toEqual(CHUNKS);
    expect(collected.usage?.inputTokens).toBe(USAGE.input);
    expect(collected.usage?.outputTokens).toBe(USAGE.output);
    expect(collected.finishReason).toBe("stop");

    const request = lastRequest(getStandIn());
    expect(request).toMatchObject({ method: "POST", path: provider.streamPath, route: provider.route, stream: true });
    expect(JSON.stringify(request.body)).toContain(PROMPT);
    const keyHeader = request.headers[provider.keyHeader] ?? "";
    expect(keyHeader).toContain(`****${provider.key.slice(-4)}`);
    expect(JSON.stringify(request)).not.toContain(provider.key);
  });

  it("splits a text reply into several chunks that join back to the text", async () => {
    const text = "A reply of several words, streamed word by word.";
    getStandIn().enqueue({ text });
    const collected = await collectStream(model());
    expect(collected.deltas.length).toBeGreaterThan(1);
    expect(collected.deltas.join("")).toBe(text);
  });

  it("answers a non-streamed call with the text and the usage", async () => {
    getStandIn().enqueue({ text: "Not streamed, all at once.", usage: { input: 7, output: 5 } });
    const result = await generateText({ model: model(), prompt: PROMPT, maxRetries: 0 });
    expect(result.text).toBe("Not streamed, all at once.");
    expect(result.usage.inputTokens).toBe(7);
    expect(result.usage.outputTokens).toBe(5);
    expect(result.finishReason).toBe("stop");
    expect(lastRequest(getStandIn())).toMatchObject({ path: provider.generatePath, stream: false });
  });

  it("returns the scripted object for structured output (generated and streamed)", async () => {
    const standIn = getStandIn();
    standIn.enqueue({ json: LISBON, usage: { input: 30, output: 12 } }, { json: LISBON });
    const generated = await generateText({
      model: model(),
      prompt: "Weather in Lisbon?",
      output: Output.object({ schema: WEATHER }),
      maxRetries: 0,
    });
    expect(generated.output).toEqual(LISBON);
    expect(generated.usage.outputTokens).toBe(12);
    provider.expectStructuredRequest(requestBody(standIn));

    const streamed = streamText({
      model: model(),
      prompt: "Weather in Lisbon?",
      output: Output.object({ schema: WEATHER }),
      maxRetries: 0,
      onError: () => {},
    });
    expect(await streamed.output).toEqual(LISBON);
    provider.expectStructuredRequest(requestBody(standIn));
  });

  it("surfaces a 429 before the first token, with the Retry-After value on the error", async () => {
    const standIn = getStandIn();
    standIn.enqueue({ fault: "rate-limit", retryAfterSeconds: 7 }, { fault: "rate-limit", retryAfterSeconds: 3 });
    const streamError = expectApiCallError(expectFailedBeforeFirstToken(await collectStream(model())), 429);
    expect(streamError.responseHeaders?.["retry-after"]).toBe("7");
    expect(streamError.isRetryable).toBe(true);
    expect(streamError.message).toMatch(provider.rateLimitMessage);

    const error = await rejectionOf(generateText({ model: model(), prompt: PROMPT, maxRetries: 0 }));
    expect(expectApiCallError(error, 429).responseHeaders?.["retry-after"]).toBe("3");
    expect(standIn.requests.map((r) => r.status)).toEqual([429, 429]);
  });

  it("surfaces a 500 before the first token", async () => {
    getStandIn().enqueue({ fault: "server-error" }, { fault: "server-error" });
    const streamError = expectApiCallError(expectFailedBeforeFirstToken(await collectStream(model())), 500);
    expect(streamError.isRetryable).toBe(true);
    const error = await rejectionOf(generateText({ model: model(), prompt: PROMPT, maxRetries: 0 }));
    expectApiCallError(error, 500);
  });

  it("surfaces a scripted 401 before the first token, not retryable", async () => {
    getStandIn().enqueue({ fault: "unauthorized" });
    const error = expectApiCallError(expectFailedBeforeFirstToken(await collectStream(model())), 401);
    expect(error.isRetryable).toBe(false);
  });

  it("refuses a wrong key with 401 in the provider's shape, without using up the queued reply", async () => {
    const standIn = getStandIn();
    standIn.enqueue({ text: "kept for the right key" });
    const wrongKey = "wrong-key-for-the-stand-in-9876";
    const streamError = expectApiCallError(expectFailedBeforeFirstToken(await collectStream(model(wrongKey))), 401);
    expect(streamError.message).toMatch(provider.unauthorizedMessage);
    expect(streamError.isRetryable).toBe(false);
    expect(standIn.pending()).toBe(1);
    expect(JSON.stringify(standIn.requests)).not.toContain(wrongKey);

    const result = await generateText({ model: model(), prompt: PROMPT, maxRetries: 0 });
    expect(result.text).toBe("kept for the right key");
  });

  it("errors the stream after the first deltas when the connection is cut", async () => {
    getStandIn().enqueue({ chunks: CHUNKS, fault: "cut-mid-stream" });
    const collected = await collectStream(model());
    // "Failed to process successful response": an APICallError carrying the 200 of the response that broke off.
    const error = expectApiCallError(expectFailedAfterFirstToken(collected), 200);
    expect(error.isRetryable).toBe(true);
    expect(collected.deltas).toEqual(CHUNKS.slice(0, 3));
    // The stream itself errors (iterating it throws): no error part, no finish part.
    expect(collected.threw).toBe(true);
    expect(collected.finishReason).toBeUndefined();
  });

  it("errors the stream on a malformed chunk after the first deltas", async () => {
    getStandIn().enqueue({ chunks: CHUNKS, fault: "malformed-chunk", faultAfterChunks: 2 });
    const collected = await collectStream(model());
    const error = expectFailedAfterFirstToken(collected);
    expect(JSONParseError.isInstance(error), `expected a JSONParseError, got ${String(error)}`).toBe(true);
    // An error part after exactly the first 2 deltas; the stream then goes on to the end.
    const beforeError = collected.kinds.slice(0, collected.kinds.indexOf("error"));
    expect(beforeError.filter((kind) => kind === "text-delta")).toHaveLength(2);
    expect(collected.threw).toBe(false);
    expect(collected.deltas).toEqual(CHUNKS);
    expect(collected.finishReason).toBe(provider.finishReasonAfterMalformedChunk);
  });

  it("fails a non-streamed call whose body is cut or malformed", async () => {
    getStandIn().enqueue(
      { text: "never whole", fault: "cut-mid-stream" },
      { text: "never JSON", fault: "malformed-chunk" },
    );
    await expect(generateText({ model: model(), prompt: PROMPT, maxRetries: 0 })).rejects.toThrow();
    await expect(generateText({ model: model(), prompt: PROMPT, maxRetries: 0 })).rejects.toThrow();
  });

  it("holds the first token back for delayMs when the first token is slow", async () => {
    const delayMs = 250;
    getStandIn().enqueue(
      { chunks: CHUNKS, fault: "slow-first-token", delayMs },
      { text: "late", fault: "slow-first-token", delayMs },
    );
    const collected = await collectStream(model());
    expect(collected.errors).toEqual([]);
    expect(collected.deltas).toEqual(CHUNKS);
    expect(collected.firstDeltaMs).toBeGreaterThanOrEqual(delayMs);

    const started = performance.now();
    const result = await generateText({ model: model(), prompt: PROMPT, maxRetries: 0 });
    expect(result.text).toBe("late");
    expect(performance.now() - started).toBeGreaterThanOrEqual(delayMs);
  });
}
