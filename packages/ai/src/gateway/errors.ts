import type { AiUsage } from "@pixel/flow";

export type AiUnavailableKind = "budget" | "no-provider" | "all-failed";

/** One candidate that did not answer, as shown to builders: no secrets, our own wording. */
export interface TriedCandidate {
  provider: string;
  model: string;
  keyId: string | null;
  /** failed attempt's errorCode, or "cooldown" when skipped. */
  code: string;
  reason: string;
}

/**
 * Nothing was said: the budget stopped the call, no provider is configured, or every candidate failed
 * before its first token. The message is written for the builder / end user and is safe to show.
 */
export class AiUnavailableError extends Error {
  override name = "AiUnavailableError";
  readonly kind: AiUnavailableKind;
  readonly tried: TriedCandidate[];

  constructor(kind: AiUnavailableKind, message: string, tried: TriedCandidate[] = []) {
    super(message);
    this.kind = kind;
    this.tried = tried;
  }
}

/**
 * The answer stopped after its first token. The flow's ai-step keeps what was streamed as a partial
 * message; `usage` is what the provider said so far, or an estimate.
 */
export class AiAnswerCutOffError extends Error {
  override name = "AiAnswerCutOffError";
  readonly usage: AiUsage;
  readonly text: string;

  constructor(reason: string, usage: AiUsage, text: string) {
    super(`The answer was cut off: ${reason}.`);
    this.usage = usage;
    this.text = text;
  }
}
