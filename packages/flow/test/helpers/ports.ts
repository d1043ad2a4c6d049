import type {
  AiPort,
  HttpPort,
  HttpRequest,
  HttpResponse,
  ObjectGenerationRequest,
  TextChunk,
  TextGenerationRequest,
} from "../../src/engine/ports.ts";
import type { AiUsage, FlowPorts, JsonValue } from "../../src/index.ts";

/** A clock that starts at a fixed instant and moves one second per reading. */
export function fakeClock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  return {
    now() {
      const value = now;
      now += 1_000;
      return value;
    },
  };
}

/** A seeded generator (mulberry32): the same sequence in every run. */
export function fakeRandom(seed = 42) {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    },
  };
}

export const usage = (tokensIn = 10, tokensOut = 20, model = "fake:model"): AiUsage => ({
  provider: "fake",
  model,
  tokensIn,
  tokensOut,
});

/** What the fake model answers to the next streamText call. */
export type TextScript =
  | { chunks: string[]; usage?: AiUsage; finish?: boolean }
  | { failBeforeFirstToken: string }
  | { chunks: string[]; failAfter: string };

/** What the fake model answers to the next generateObject call. */
export type ObjectScript = { object: Record<string, JsonValue>; usage?: AiUsage } | { fail: string };

/**
 * A scripted model: answers are queued with `text()` / `object()` and used in order; every request is
 * recorded. An unscripted call fails (the node then reports "ai-failed"), so tests say what they expect.
 */
export class FakeAi implements AiPort {
  readonly textRequests: TextGenerationRequest[] = [];
  readonly objectRequests: ObjectGenerationRequest[] = [];
  private readonly texts: TextScript[] = [];
  private readonly objects: ObjectScript[] = [];

  /** Queues a streamed answer; a string is split into words, each a delta. */
  text(script: TextScript | string): this {
    this.texts.push(typeof script === "string" ? { chunks: script.match(/\S+\s*/g) ?? [script] } : script);
    return this;
  }

  object(script: ObjectScript | Record<string, JsonValue>): this {
    this.objects.push("object" in script || "fail" in script ? (script as ObjectScript) : { object: script });
    return this;
  }

  get pending(): number {
    return this.texts.length + this.objects.length;
  }

  async *streamText(request: TextGenerationRequest): AsyncIterable<TextChunk> {
    this.textRequests.push(structuredClone(request));
    const script = this.texts.shift();
    if (!script) throw new Error(`FakeAi: no text scripted for ${request.nodeId}`);
    if ("failBeforeFirstToken" in script) throw new Error(script.failBeforeFirstToken);
    for (const chunk of script.chunks) {
      await Promise.resolve();
      yield { type: "delta", text: chunk };
    }
    if ("failAfter" in script) throw new Error(script.failAfter);
    if (script.finish !== false) yield { type: "finish", usage: script.usage ?? usage() };
  }

  async generateObject(request: ObjectGenerationRequest) {
    this.objectRequests.push(structuredClone(request));
    const script = this.objects.shift();
    if (!script) throw new Error(`FakeAi: no object scripted for ${request.nodeId}`);
    if ("fail" in script) throw new Error(script.fail);
    return { object: script.object, usage: script.usage ?? usage() };
  }
}

/** What the fake HTTP port answers: a response, a network error, or a function of the request. */
export type HttpScript = HttpResponse | { networkError: string } | ((request: HttpRequest) => HttpResponse);

/** A scripted HTTP port: replies are used in order, the last one repeats; every request is recorded. */
export class FakeHttp implements HttpPort {
  readonly requests: HttpRequest[] = [];
  private readonly replies: HttpScript[];

  constructor(...replies: HttpScript[]) {
    this.replies = replies;
  }

  async request(request: HttpRequest): Promise<HttpResponse> {
    this.requests.push(structuredClone(request));
    const reply = this.replies.length > 1 ? this.replies.shift() : this.replies[0];
    if (!reply) throw new Error("FakeHttp: no reply scripted");
    if (typeof reply === "function") return reply(request);
    if ("networkError" in reply) throw new Error(reply.networkError);
    return structuredClone(reply);
  }
}

/** Deterministic ports; pass `ai` / `http` to enable those nodes (left out, they are unavailable). */
export function fakePorts(options: { ai?: AiPort; http?: HttpPort } = {}): FlowPorts {
  return {
    clock: fakeClock(),
    random: fakeRandom(),
    ...(options.ai ? { ai: options.ai } : {}),
    ...(options.http ? { http: options.http } : {}),
  };
}
