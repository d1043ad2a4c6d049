/**
 * The chat bench's database and rows: a fresh migrated database on the real PostgreSQL (127.0.0.1:5432 unless
 * TEST_DATABASE_URL says otherwise), or the embedded PGlite when that server cannot be reached, said so; then
 * an organization, its owner and an OpenAI key pointing at the stand-in (through the tRPC procedures, so the
 * secret is sealed as the app seals it), a bot whose flow answers every message with an AI step, a published
 * version and a deployment serving it on the hosted page and the widget.
 */
import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import { performance } from "node:perf_hooks";
import { appRouter, createCallerFactory, createContext } from "@pixel/api";
import { createPrismaClient, type PrismaClient } from "@pixel/db";
import { createTestDatabase, type TestDatabase } from "@pixel/db/testing";
import { type FlowDocument, flowDocumentSchema } from "@pixel/flow";

export const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
export const MODEL = "gpt-4o-mini";

export interface BenchDatabase {
  database: TestDatabase;
  url: string;
  kind: "postgresql" | "pglite";
  /** What to print: server, version, database name, commit settings. */
  label: string;
  /** Why the embedded one was used, when it was. */
  fallbackReason?: string;
}

/** Whether something listens at the URL's host and port (2 s at most). */
function reachable(url: string): Promise<string | null> {
  let host = "127.0.0.1";
  let port = 5432;
  try {
    const parsed = new URL(url);
    host = parsed.hostname || host;
    port = Number(parsed.port || 5432);
  } catch {
    return Promise.resolve("the URL does not parse");
  }
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (reason: string | null) => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(2_000, () => done("no answer within 2 s"));
    socket.once("connect", () => done(null));
    socket.once("error", (error) => done(error.message));
  });
}

export async function openDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL || DEFAULT_DATABASE_URL;
  let reason = await reachable(serverUrl);
  if (reason === null) {
    process.env.TEST_DATABASE_URL = serverUrl;
    try {
      const database = await createTestDatabase();
      const host = new URL(serverUrl);
      const name = new URL(database.url).pathname.slice(1);
      const settings = await serverSettings(database.url).catch(async (error: unknown) => {
        await database.drop().catch(() => {});
        throw error;
      });
      return {
        database,
        url: database.url,
        kind: "postgresql",
        label: `PostgreSQL ${settings.version} at ${host.hostname}:${host.port || 5432}, database ${name} (created for the run, dropped after; ${settings.text})`,
      };
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
  }
  // createTestDatabase() falls back to the embedded PGlite without TEST_DATABASE_URL.
  delete process.env.TEST_DATABASE_URL;
  const database = await createTestDatabase();
  return {
    database,
    url: database.url,
    kind: "pglite",
    label: "EMBEDDED PGlite (in memory) — NOT the real PostgreSQL",
    fallbackReason: `${redact(serverUrl)} could not be used: ${reason}`,
  };
}

/**
 * The server's version and the settings that decide a commit's cost. With CHAT_BENCH_SYNCHRONOUS_COMMIT=off
 * the bench's own database (only it) commits without waiting for the WAL flush: what-if runs, said so.
 */
async function serverSettings(url: string): Promise<{ version: string; text: string }> {
  const prisma = createPrismaClient({ url, poolMax: 1 });
  try {
    const off = process.env.CHAT_BENCH_SYNCHRONOUS_COMMIT === "off";
    if (off) {
      const name = new URL(url).pathname.slice(1);
      if (!/^pixel_test_[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
      await prisma.$executeRawUnsafe(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
    }
    const rows = await prisma.$queryRaw<{ name: string; setting: string }[]>`
      SELECT name, setting FROM pg_settings
      WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'max_connections') ORDER BY name`;
    const version = rows.find((r) => r.name === "server_version")?.setting ?? "?";
    const text = rows
      .filter((r) => r.name !== "server_version")
      .map((r) =>
        r.name === "synchronous_commit" && off
          ? "synchronous_commit=OFF for this database (CHAT_BENCH_SYNCHRONOUS_COMMIT=off, a what-if)"
          : `${r.name}=${r.setting}`,
      )
      .join(", ");
    return { version, text };
  } catch (error) {
    if (process.env.CHAT_BENCH_SYNCHRONOUS_COMMIT === "off") throw error;
    return { version: "?", text: `settings unknown: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await prisma.$disconnect();
  }
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "TEST_DATABASE_URL";
  }
}

/**
 * start → greeting → one question (the visitor's first message) → AI step in chat mode: the step answers
 * {{last_message}} and waits, so every message after the start is one turn with exactly one model call.
 */
export function chatFlow(): FlowDocument {
  return flowDocumentSchema.parse({
    version: 1,
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
      { id: "hello", type: "message", position: { x: 0, y: 120 }, data: { text: "Hi! Welcome to the bakery." } },
      {
        id: "ask",
        type: "collect-data",
        position: { x: 0, y: 240 },
        data: { fields: [{ name: "question", label: "What would you like to know?", type: "text" }] },
      },
      {
        id: "ai",
        type: "ai-step",
        position: { x: 0, y: 360 },
        data: {
          model: `openai:${MODEL}`,
          systemPrompt: "You are a helpful assistant for a bakery. Answer in one short sentence.",
          prompt: "{{last_message}}",
          mode: "chat",
        },
      },
    ],
    edges: [
      { id: "e1", source: "start", target: "hello" },
      { id: "e2", source: "hello", target: "ask" },
      { id: "e3", source: "ask", target: "ai" },
    ],
    variables: [],
  });
}

export interface Seeded {
  organizationId: string;
  botId: string;
  deploymentId: string;
  slug: string;
}

/** The rows a published chat needs; the provider key through the app's own procedure. */
export async function seed(url: string, kind: BenchDatabase["kind"], providerBaseUrl: string, secret: string) {
  const prisma: PrismaClient = createPrismaClient({ url, poolMax: 2, embedded: kind === "pglite" });
  try {
    const appUrl = "http://127.0.0.1";
    const createCaller = createCallerFactory(appRouter);
    const publicCaller = createCaller(
      await createContext({
        prisma,
        headers: new Headers({ "x-forwarded-for": "127.0.0.1" }),
        sessionUser: null,
        appUrl,
      }),
    );
    const email = `chat-bench-${randomBytes(4).toString("hex")}@example.com`;
    await publicCaller.auth.signUp({ name: "Chat bench", email, password: `bench-${randomBytes(8).toString("hex")}` });
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    const { organizationId } = await prisma.membership.findFirstOrThrow({ where: { userId: user.id } });
    const owner = createCaller(
      await createContext({
        prisma,
        headers: new Headers({ "x-pixel-organization": organizationId, "x-forwarded-for": "127.0.0.1" }),
        sessionUser: { id: user.id, email: user.email },
        appUrl,
      }),
    );
    await owner.providerKeys.create({
      provider: "openai",
      label: "Stand-in",
      secret,
      baseUrl: providerBaseUrl,
      models: [MODEL],
    });
    const flow = chatFlow();
    const bot = await prisma.bot.create({ data: { organizationId, name: "Bakery", draftFlow: flow as object } });
    const version = await prisma.flowVersion.create({
      data: { organizationId, botId: bot.id, number: 1, flow: flow as object, createdById: user.id },
    });
    const deployment = await prisma.deployment.create({
      data: {
        organizationId,
        botId: bot.id,
        flowVersionId: version.id,
        slug: `bench-${randomBytes(4).toString("hex")}`,
        name: "Bakery chat",
        channels: ["hosted", "widget"],
        allowedDomains: [],
        // perUserPerMinute tops out at 10 000 (a larger value would not parse and the defaults, 30 and 1 200,
        // would apply); both are far above what the run sends.
        rateLimits: { v: 1, perUserPerMinute: 10_000, perDeploymentPerMinute: 1_000_000 },
        theme: {},
      },
    });
    return { organizationId, botId: bot.id, deploymentId: deployment.id, slug: deployment.slug } satisfies Seeded;
  } finally {
    await prisma.$disconnect();
  }
}

/** What the run left in the database: the proof it was persisted. */
export async function persisted(url: string, kind: BenchDatabase["kind"], deploymentId: string) {
  const prisma: PrismaClient = createPrismaClient({ url, poolMax: 1, embedded: kind === "pglite" });
  try {
    const [conversations, user, assistant, attempts] = await Promise.all([
      prisma.conversation.count({ where: { deploymentId } }),
      prisma.message.count({ where: { role: "user", conversation: { deploymentId } } }),
      prisma.message.count({ where: { role: "assistant", conversation: { deploymentId } } }),
      prisma.aiAttempt.count({ where: { deploymentId, status: "success" } }),
    ]);
    return { conversations, userMessages: user, assistantMessages: assistant, aiAttempts: attempts };
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * The server processes working for this database: its backends and PostgreSQL's own helpers (WAL writer,
 * checkpointer…), by pid, to read their CPU time. Empty on the embedded database (it runs in this process).
 */
export function postgresPids(url: string): { pids(): Promise<number[]>; close(): Promise<void> } {
  const prisma: PrismaClient = createPrismaClient({ url, poolMax: 1 });
  return {
    async pids() {
      const rows = await prisma.$queryRaw<{ pid: number }[]>`
        SELECT pid FROM pg_stat_activity WHERE datname = current_database() OR backend_type <> 'client backend'`;
      return rows.map((r) => Number(r.pid));
    },
    close: () => prisma.$disconnect(),
  };
}

/**
 * The floor a durable write puts under a turn on this machine: sequential one-row INSERT commits (each waits
 * for its WAL flush, as the chat's commits do) on a scratch table, through the same Prisma client and pool
 * kind as the app. Milliseconds per commit: p50 and mean.
 */
export async function commitLatency(url: string, kind: BenchDatabase["kind"], count = 200) {
  const prisma: PrismaClient = createPrismaClient({ url, poolMax: 1, embedded: kind === "pglite" });
  try {
    await prisma.$executeRawUnsafe(
      `CREATE TABLE IF NOT EXISTS "BenchCommit" ("n" int NOT NULL, "at" timestamptz NOT NULL)`,
    );
    const samples: number[] = [];
    for (let n = 0; n < count; n++) {
      const started = performance.now();
      await prisma.$executeRaw`INSERT INTO "BenchCommit" ("n", "at") VALUES (${n}::int, now())`;
      samples.push(performance.now() - started);
    }
    await prisma.$executeRawUnsafe(`DROP TABLE "BenchCommit"`);
    samples.sort((a, b) => a - b);
    return {
      p50: samples[Math.floor(samples.length / 2)] ?? 0,
      mean: samples.reduce((sum, value) => sum + value, 0) / Math.max(1, samples.length),
    };
  } finally {
    await prisma.$disconnect();
  }
}
