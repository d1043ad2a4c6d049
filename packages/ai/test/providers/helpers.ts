import { APICallError, type LanguageModel, type LanguageModelUsage, streamText } from "ai";
import { expect } from "vitest";
import type { StandIn } from "../../test-support/stand-ins/index.ts";

export const PROMPT = "Say hello to the tester.";

export interface CollectedStream {
  /** Text deltas, in arrival order. */
  deltas: string[];
  /** Error parts of the stream, then the error the stream itself failed with (if it did), in arrival order. */
  errors: unknown[];
  /** Whether iterating the stream threw (a broken connection errors the stream itself, not just a part). */
  threw: boolean;
  /** Every part type, in arrival order (to check that an error comes before or after the deltas). */
  kinds: string[];
  /** Time from the call to the first text delta, in ms. */
  firstDeltaMs: number | undefined;
  usage: LanguageModelUsage | undefined;
  finishReason: string | undefined;
}

/** Streams one answer with `maxRetries: 0` and collects what the real provider package made of the wire. */
export async function collectStream(model: LanguageModel): Promise<CollectedStream> {
  const started = performance.now();
  const collected: CollectedStream = {
    deltas: [],
    errors: [],
    threw: false,
    kinds: [],
    firstDeltaMs: undefined,
    usage: undefined,
    finishReason: undefined,
  };
  const result = streamText({ model, prompt: PROMPT, maxRetries: 0, onError: () => {} });
  try {
    for await (const part of result.fullStream) {
      collected.kinds.push(part.type);
      if (part.type === "text-delta") {
        collected.firstDeltaMs ??= performance.now() - started;
        collected.deltas.push(part.text);
      } else if (part.type === "error") {
        collected.errors.push(part.error);
      } else if (part.type === "finish") {
        collected.usage = part.totalUsage;
        collected.finishReason = part.finishReason;
      }
    }
  } catch (error) {
    collected.threw = true;
    collected.kinds.push("error");
    collected.errors.push(error);
  }
  return collected;
}

/** The error is an APICallError with this status; returns it for further checks. */
export function expectApiCallError(error: unknown, statusCode: number): APICallError {
  expect(APICallError.isInstance(error), `expected an APICallError, got ${String(error)}`).toBe(true);
  const apiError = error as APICallError;
  expect(apiError.statusCode).toBe(statusCode);
  return apiError;
}

/** Runs a promise that must reject and returns the rejection. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

/** The stream failed before any token: an error part and no text delta at all. */
export function expectFailedBeforeFirstToken(collected: CollectedStream): unknown {
  expect(collected.deltas).toEqual([]);
  expect(collected.errors.length).toBeGreaterThanOrEqual(1);
  return collected.errors[0];
}

/** The stream failed after some tokens: deltas first, then an error part. */
export function expectFailedAfterFirstToken(collected: CollectedStream): unknown {
  expect(collected.deltas.length).toBeGreaterThanOrEqual(1);
  expect(collected.errors.length).toBeGreaterThanOrEqual(1);
  expect(collected.kinds.indexOf("error")).toBeGreaterThan(collected.kinds.indexOf("text-delta"));
  return collected.errors[0];
}

/** The JSON body of the stand-in's request number `index` (negative counts from the end). */
export function requestBody(standIn: StandIn, index = -1): Record<string, unknown> {
  const body = standIn.requests.at(index)?.body;
  if (body == null || typeof body !== "object") throw new Error(`request ${index} has no JSON body`);
  return body as Record<string, unknown>;
}
