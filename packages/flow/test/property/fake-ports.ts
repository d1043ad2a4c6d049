import type { AiUsage, FlowPorts, JsonValue } from "../../src/index.ts";

/** mulberry32: a tiny seeded generator, so a failing run replays exactly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FakeLog {
  aiRequests: Array<{ nodeId: string; model: string }>;
  httpRequests: number;
}

/**
 * Ports that behave like flaky real ones, deterministically: a clock that ticks, seeded randomness, an AI
 * that streams a few deltas and a finish with usage (or fails before or after the first delta), object
 * generation that fills the requested schema (sometimes sloppily, sometimes not at all) and an HTTP port
 * returning random statuses and bodies or failing.
 */
export function fakePorts(seed: number): { ports: FlowPorts; log: FakeLog } {
  const rand = seeded(seed);
  const chance = (p: number) => rand() < p;
  const pickOne = <T>(values: readonly T[]): T => values[Math.floor(rand() * values.length)] as T;
  let now = 1_760_000_000_000;
  const log: FakeLog = { aiRequests: [], httpRequests: 0 };
  const usage = (model: string): AiUsage => ({
    provider: "fake",
    model: model || "default",
    tokensIn: Math.floor(rand() * 500),
    tokensOut: Math.floor(rand() * 500),
    costUsd: rand() / 100,
    latencyMs: Math.floor(rand() * 2_000),
  });

  const fieldValue = (schema: Record<string, JsonValue>): JsonValue => {
    if (chance(0.1)) return pickOne<JsonValue>(["sloppy", 12, true, null, { nested: 1 }, ["x", 2]]);
    const allowed = schema.enum;
    switch (schema.type) {
      case "number":
        return Math.round(rand() * 1000) / 10;
      case "boolean":
        return chance(0.5);
      case "array":
        return ["a", "b"].slice(0, Math.floor(rand() * 3));
      default:
        return Array.isArray(allowed) && allowed.length
          ? (pickOne(allowed) as JsonValue)
          : `value ${Math.floor(rand() * 100)}`;
    }
  };

  const ports: FlowPorts = {
    clock: { now: () => (now += 1_000) },
    random: { next: rand },
    ...(chance(0.9)
      ? {
          ai: {
            streamText(request) {
              log.aiRequests.push({ nodeId: request.nodeId, model: request.modelPreference.model });
              const mode = pickOne([
                "ok",
                "ok",
                "ok",
                "ok",
                "empty",
                "throw-before",
                "throw-after",
                "throw-sync",
              ] as const);
              if (mode === "throw-sync") throw new Error("provider misconfigured");
              const deltas = Math.floor(rand() * 4) + 1;
              return (async function* () {
                if (mode === "throw-before") throw new Error("rate limited");
                if (mode !== "empty") {
                  for (let i = 0; i < deltas; i++) {
                    yield { type: "delta" as const, text: `word${i} ` };
                    if (mode === "throw-after") throw new Error("connection reset");
                  }
                }
                yield { type: "finish" as const, usage: usage(request.modelPreference.model) };
              })();
            },
            async generateObject(request) {
              log.aiRequests.push({ nodeId: request.nodeId, model: request.modelPreference.model });
              if (chance(0.2)) throw new Error("the model returned invalid JSON");
              const properties = (request.schema.properties ?? {}) as Record<string, Record<string, JsonValue>>;
              const object: Record<string, JsonValue> = {};
              for (const [name, schema] of Object.entries(properties))
                if (!chance(0.05)) object[name] = fieldValue(schema);
              return { object, usage: usage(request.modelPreference.model) };
            },
          },
        }
      : {}),
    ...(chance(0.9)
      ? {
          http: {
            async request() {
              log.httpRequests += 1;
              if (chance(0.15)) throw new Error("ECONNREFUSED");
              return {
                status: pickOne([200, 200, 201, 204, 301, 400, 404, 429, 500, 503]),
                body: pickOne<JsonValue>([
                  { data: { order: { status: "shipped" } }, status: "ok", items: ["first", 2] },
                  "plain text",
                  null,
                  [1, 2, 3],
                  { status: { nested: true } },
                ]),
              };
            },
          },
        }
      : {}),
  };
  return { ports, log };
}
