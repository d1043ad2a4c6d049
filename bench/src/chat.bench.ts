/**
 * What the published chat adds to a model's answer, against the provider stand-in called directly in the same
 * run, with every turn persisted to the real PostgreSQL (127.0.0.1:5432, or TEST_DATABASE_URL; the embedded
 * PGlite only when that server cannot be used, said so in the output):
 *
 *  - chat turn: `POST /api/chat/:slug` on a node:http server (its own process, as the app is) that hands the
 *    request to `handleChatTurn`: deployment, rate limits, conversation, the user's message saved, history,
 *    the flow engine (start → greeting → first question → an AI step in chat mode answering {{last_message}}
 *    and waiting for the next message), the AI gateway (key routing, budget, cooldown, usage) calling the
 *    stand-in over HTTP, the bot's message and state saved, all streamed back as the UI message stream and
 *    read to its last byte by the client.
 *  - direct (baseline): the same client POSTs the request body the AI step sent to the stand-in's Responses
 *    endpoint (stream: true) and reads the SSE to the end: the same answer, the same chunks.
 *
 * Figures: added latency per turn at 1 user (turn − direct, paired per round, order alternating; p50, p99);
 * turns per second at 10 users, each in its own conversation, for BENCH_CHAT_SECONDS (10 s) against direct
 * calls per second at 10 concurrency; where a turn's time goes (timed Prisma calls and provider fetch on the
 * server, a separate phase) and the CPU per turn of the app server, the bench, PostgreSQL and the rest of the
 * machine; the widget's gzip size next to @typebot.io/js and flowise-embed. The last line printed is one JSON object.
 *
 * Env: BENCH_ITERATIONS (300 paired rounds), BENCH_CHAT_SECONDS (10), CHAT_BENCH_CPU_PROF=<dir> (a V8 CPU
 * profile of the app server over the 10-user phase lands there, for Chrome DevTools or speedscope),
 * CHAT_BENCH_SYNCHRONOUS_COMMIT=off (a what-if: the bench's own database commits without waiting for the WAL
 * flush, said in the output), TEST_DATABASE_URL (a server to create the database on).
 */
import { randomBytes } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { type Reply, type StandIn, startStandIn } from "@pixel/ai/stand-ins";
import { type AppServer, startAppServer } from "./chat/app-server.ts";
import { chatTurn, type DirectTarget, directCall, type TurnTarget } from "./chat/client.ts";
import { type Interval, PROVIDER_CALL } from "./chat/instrument.ts";
import { type BenchDatabase, commitLatency, openDatabase, persisted, postgresPids, seed } from "./chat/setup.ts";
import { kb, machineCpu, mean, ms, percentile, processesCpuMs, round, unionLength } from "./chat/stats.ts";
import { widgetSizes } from "./chat/widget.ts";
import { printRows } from "./measure.ts";

const N = Number(process.env.BENCH_ITERATIONS ?? 300);
const WARMUP = 50;
const USERS = 10;
const SECONDS = Number(process.env.BENCH_CHAT_SECONDS ?? 10);
/** Bounds of the throughput phases, whatever the speed. */
const MAX_TURNS = 20_000;
const DIRECT_SECONDS = Math.min(SECONDS, 5);
const BREAKDOWN_TURNS = 200;
/** Time bounds of the sequential phases, so a slow or busy machine still finishes in time. */
const LATENCY_MAX_SECONDS = 45;
const BREAKDOWN_MAX_SECONDS = 15;
/** The app's default DATABASE_POOL_MAX for a server; the embedded PGlite is one session, so one connection there. */
const POOL_MAX = 10;
const POOL_MAX_EMBEDDED = Number(process.env.CHAT_BENCH_EMBEDDED_POOL_MAX ?? 1);

const GOAL_ADDED_P50_MS = 2;
const GOAL_TURNS_PER_S = 550;
const GOAL_WIDGET_GZIP_BYTES = 20 * 1024;

const SECRET = `sk-bench-${randomBytes(24).toString("hex")}`;
const REPLY: Reply = {
  chunks: ["We", " are", " open", " on", " Sunday", " from", " 8", " to", " 12", "."],
  usage: { input: 60, output: 10 },
};
const EXPECTED = (REPLY.chunks as string[]).join("");
const CHUNKS = (REPLY.chunks as string[]).length;
/** A page embedding the widget (the deployment allows every site). */
const ORIGIN = "https://shop.example.com";

const here = path.dirname(fileURLToPath(import.meta.url));
const BENCH_ROOT = path.resolve(here, "..");
const REPO_ROOT = path.resolve(BENCH_ROOT, "..");

interface Conversation {
  endUserId: string;
  conversationId: string;
  said: number;
}

/** A visitor opening the chat: the start turn (greeting and the first question; no model call). */
async function openConversation(target: TurnTarget, name: string): Promise<Conversation> {
  const endUserId = `${name}-${randomBytes(3).toString("hex")}`;
  const result = await chatTurn(target, { endUserId, input: { type: "start" } });
  if (!result.conversationId) throw new Error("the start turn gave no conversation id");
  return { endUserId, conversationId: result.conversationId, said: 0 };
}

/** One message and its answer, checked: the stand-in's answer, chunk for chunk. */
async function say(target: TurnTarget, conversation: Conversation): Promise<void> {
  conversation.said += 1;
  const result = await chatTurn(target, {
    conversationId: conversation.conversationId,
    endUserId: conversation.endUserId,
    input: { type: "text", text: `Are you open on Sunday? (message ${conversation.said})` },
  });
  if (result.text !== EXPECTED || result.deltas !== CHUNKS) {
    throw new Error(`the turn answered "${result.text}" in ${result.deltas} chunks`);
  }
  if (result.conversationId !== conversation.conversationId) throw new Error("the turn changed conversation");
}

async function callDirect(target: DirectTarget): Promise<void> {
  const result = await directCall(target);
  if (result.text !== EXPECTED || result.deltas !== CHUNKS) {
    throw new Error(`the stand-in answered "${result.text}" in ${result.deltas} chunks`);
  }
}

interface Load {
  ops: number;
  elapsedMs: number;
  perSecond: number;
  latencies: number[];
}

/** `users` closed loops running `op` back to back until the time or the count bound is reached. */
async function closedLoops(users: number, seconds: number, op: (user: number) => Promise<void>): Promise<Load> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: users }, async (_, user) => {
      while (performance.now() < deadline && latencies.length < MAX_TURNS) {
        const t0 = performance.now();
        await op(user);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  return { ops: latencies.length, elapsedMs, perSecond: (latencies.length / elapsedMs) * 1000, latencies };
}

interface CpuShare {
  serverMsPerOp: number;
  benchMsPerOp: number;
  /** The database's backends and PostgreSQL's helpers; null on the embedded database. */
  postgresMsPerOp: number | null;
  /** Everything else the machine ran meanwhile (other work on a shared machine lands here). */
  restMsPerOp: number | null;
  /** Busy cores over the phase (all processes of the machine). */
  busyCores: number | null;
}

/** Runs `phase` and splits the machine's CPU time over it: the app server, this process, PostgreSQL, the rest. */
async function withCpu(
  server: AppServer | null,
  postgres: (() => Promise<number[]>) | null,
  phase: () => Promise<Load>,
): Promise<{ load: Load; cpu: CpuShare }> {
  const serverBefore = server ? await server.cpu() : null;
  const pgPidsBefore = postgres ? await postgres() : [];
  const pgBefore = processesCpuMs(pgPidsBefore);
  const benchBefore = process.cpuUsage();
  const machineBefore = machineCpu();
  const load = await phase();
  const machineAfter = machineCpu();
  const bench = process.cpuUsage(benchBefore);
  const pgAfter = postgres ? processesCpuMs([...new Set([...pgPidsBefore, ...(await postgres())])]) : null;
  const serverAfter = server ? await server.cpu() : null;
  const serverMs =
    serverBefore && serverAfter
      ? (serverAfter.user - serverBefore.user + serverAfter.system - serverBefore.system) / 1000
      : 0;
  const benchMs = (bench.user + bench.system) / 1000;
  let postgresMs: number | null = null;
  if (pgAfter) {
    postgresMs = 0;
    // A backend that ended meanwhile reads 0 after: its time is lost rather than counted negative.
    for (const [pid, after] of pgAfter) postgresMs += Math.max(0, after - (pgBefore.get(pid) ?? 0));
  }
  const machineMs = machineBefore && machineAfter ? machineAfter.busyMs - machineBefore.busyMs : null;
  return {
    load,
    cpu: {
      serverMsPerOp: serverMs / load.ops,
      benchMsPerOp: benchMs / load.ops,
      postgresMsPerOp: postgresMs === null ? null : postgresMs / load.ops,
      restMsPerOp:
        machineMs === null ? null : Math.max(0, machineMs - serverMs - benchMs - (postgresMs ?? 0)) / load.ops,
      busyCores: machineMs === null ? null : machineMs / load.elapsedMs,
    },
  };
}

/** What each timed wait costs per turn; the DB's wall time counts parallel queries once. */
const STEP_NOTES: Record<string, string> = {
  "deployment.findUnique": "resolve deployment (cached 2 s)",
  "flowVersion.findUnique": "resolve deployment: pinned version (cached 2 s)",
  "$queryRaw WITH Conversation, Message": "conversation + state + last 20 messages + save the user's message (commit)",
  "$executeRaw INSERT Message": "save the user's message (quick-reply choices only; commit)",
  "bot.findFirst": "AI route: the bot's fallback list ┐",
  "aiSettings.findUnique": "AI route: org fallback list  ├ cached 2 s; AI settings 5 s",
  "providerKey.findMany": "AI route: the organization's keys ┘",
  "budget.findMany": "budgets of the organization (cached 2 s)",
  "providerKey.findUnique": "cooldown of the key (cached 1 s)",
  "$executeRaw WITH Message, AiAttempt, ProviderKey, UsageDaily, Conversation":
    "end of turn: bot messages + AI attempt + daily usage + state (commit)",
};

interface Breakdown {
  rows: string[][];
  clientMs: number;
  serverMs: number;
  headersMs: number;
  dbWallMs: number;
  dbQueriesPerTurn: number;
  providerMs: number;
  otherMs: number;
  byLabel: Record<string, { callsPerTurn: number; msPerTurn: number }>;
}

function breakdown(intervals: Interval[], turns: number, clientMs: number, directMs: number): Breakdown {
  const byLabel = new Map<string, Interval[]>();
  for (const interval of intervals) {
    const list = byLabel.get(interval.label) ?? [];
    list.push(interval);
    byLabel.set(interval.label, list);
  }
  const total = (label: string) => (byLabel.get(label) ?? []).reduce((sum, i) => sum + (i.end - i.start), 0) / turns;
  const isDb = (label: string) => !label.startsWith("server:") && label !== PROVIDER_CALL;
  const db = intervals.filter((i) => isDb(i.label));
  const dbWallMs = unionLength(db.map((i) => [i.start, i.end] as const)) / turns;
  const providerMs = total(PROVIDER_CALL);
  const serverMs = total("server: request → last byte");
  const headersMs = total("server: request → response headers");
  const order = Object.keys(STEP_NOTES);
  const dbLabels = [...byLabel.keys()]
    .filter(isDb)
    .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  const perLabel: Breakdown["byLabel"] = {};
  const fmt = (value: number) => value.toFixed(3);
  const rows: string[][] = [];
  for (const label of dbLabels) {
    const calls = (byLabel.get(label)?.length ?? 0) / turns;
    perLabel[label] = { callsPerTurn: round(calls, 3), msPerTurn: round(total(label), 3) };
    rows.push([`  DB ${label}`, calls.toFixed(2), fmt(total(label)), STEP_NOTES[label] ?? ""]);
  }
  const otherMs = serverMs - dbWallMs - providerMs;
  rows.unshift(
    ["client: whole turn (POST → last byte read)", "1", fmt(clientMs), "what the widget waits"],
    ["server: request → last byte written", "1", fmt(serverMs), `client ↔ server HTTP: ${fmt(clientMs - serverMs)}`],
    ["server: request → response headers", "1", fmt(headersMs), "resolve, limits, conversation, message, history"],
    [
      PROVIDER_CALL,
      String((byLabel.get(PROVIDER_CALL)?.length ?? 0) / turns),
      fmt(providerMs),
      `direct call from the client: ${fmt(directMs)}`,
    ],
    [
      "database, wall time",
      (db.length / turns).toFixed(2),
      fmt(dbWallMs),
      "every query awaited on the turn's path (parallel ones once)",
    ],
  );
  rows.push(["rest of the server's time", "", fmt(otherMs), "engine, AI SDK, UI stream, JSON, node:http ⇄ fetch"]);
  return {
    rows,
    clientMs,
    serverMs,
    headersMs,
    dbWallMs,
    dbQueriesPerTurn: db.length / turns,
    providerMs,
    otherMs,
    byLabel: perLabel,
  };
}

async function main() {
  // Provider secrets are sealed with this key: a fresh one for the run (the app server inherits it).
  process.env.PIXEL_ENCRYPTION_KEY = randomBytes(32).toString("base64");
  const runStarted = performance.now();

  const sizes = widgetSizes(REPO_ROOT, BENCH_ROOT);

  let standIn: StandIn | null = null;
  let database: BenchDatabase | null = null;
  let server: AppServer | null = null;
  let postgres: ReturnType<typeof postgresPids> | null = null;
  try {
    standIn = await startStandIn({ expectedKey: SECRET, defaultReply: REPLY });
    database = await openDatabase();
    const seeded = await seed(database.url, database.kind, standIn.baseUrls.openai, SECRET);
    if (database.kind === "postgresql") postgres = postgresPids(database.url);
    server = await startAppServer({
      databaseUrl: database.url,
      embedded: database.kind === "pglite",
      poolMax: database.kind === "pglite" ? POOL_MAX_EMBEDDED : POOL_MAX,
      cpuProfDir: process.env.CHAT_BENCH_CPU_PROF ? path.resolve(process.env.CHAT_BENCH_CPU_PROF) : null,
    });
    const target: TurnTarget = { serverUrl: server.url, slug: seeded.slug, origin: ORIGIN };

    // ── 1 user: warm-up, the AI request to replay, then paired rounds ───────────────────────────────
    const visitor = await openConversation(target, "latency");
    for (let i = 0; i < WARMUP; i++) await say(target, visitor);
    // The request the AI step sent on the last turn (history window full): the baseline sends it as is.
    const sent = [...standIn.requests].reverse().find((r) => r.route === "openai-responses" && r.status === 200);
    if (!sent?.stream) throw new Error("no streamed Responses request reached the stand-in");
    const direct: DirectTarget = {
      url: `${standIn.baseUrls.openai}/responses`,
      secret: SECRET,
      body: JSON.stringify(sent.body),
    };
    for (let i = 0; i < WARMUP; i++) await callDirect(direct);
    standIn.reset();

    const turnSamples: number[] = [];
    const directSamples: number[] = [];
    const timed = async (fn: () => Promise<void>, into: number[]) => {
      const t0 = performance.now();
      await fn();
      into.push(performance.now() - t0);
    };
    const latencyDeadline = performance.now() + LATENCY_MAX_SECONDS * 1000;
    for (let i = 0; i < N && performance.now() < latencyDeadline; i++) {
      if (i % 2 === 0) {
        await timed(() => say(target, visitor), turnSamples);
        await timed(() => callDirect(direct), directSamples);
      } else {
        await timed(() => callDirect(direct), directSamples);
        await timed(() => say(target, visitor), turnSamples);
      }
    }
    standIn.reset();
    const rounds = turnSamples.length;
    const added = turnSamples.map((t, i) => t - (directSamples[i] ?? 0));
    const latency = {
      turnP50: percentile(turnSamples, 0.5),
      turnP99: percentile(turnSamples, 0.99),
      directP50: percentile(directSamples, 0.5),
      directP99: percentile(directSamples, 0.99),
      addedP50: percentile(added, 0.5),
      addedP99: percentile(added, 0.99),
    };

    // ── 10 users: direct calls, then chat turns, each user in a conversation of their own ───────────────
    const directLoad = await withCpu(null, null, () => closedLoops(USERS, DIRECT_SECONDS, () => callDirect(direct)));
    standIn.reset();
    const users = await Promise.all(Array.from({ length: USERS }, (_, u) => openConversation(target, `user${u}`)));
    await Promise.all(
      users.map(async (u) => {
        for (let i = 0; i < 5; i++) await say(target, u);
      }),
    );
    const pgPids = postgres ? postgres.pids : null;
    await server.profile(true);
    const turnLoad = await withCpu(server, pgPids, () =>
      closedLoops(USERS, SECONDS, (u) => say(target, users[u] as Conversation)),
    );
    const profileFile = await server.profile(false);
    standIn.reset();

    // ── Where a turn's time goes: the timed client on the server, 1 user, sequential ─────────────────────
    await server.instrument(true);
    const clientTimes: number[] = [];
    const breakdownDeadline = performance.now() + BREAKDOWN_MAX_SECONDS * 1000;
    for (let i = 0; i < BREAKDOWN_TURNS && performance.now() < breakdownDeadline; i++) {
      await timed(() => say(target, visitor), clientTimes);
    }
    const intervals = await server.intervals();
    await server.instrument(false);
    standIn.reset();
    const breakdownTurns = clientTimes.length;
    const steps = breakdown(intervals, breakdownTurns, mean(clientTimes), mean(directSamples));

    const saved = await persisted(database.url, database.kind, seeded.deploymentId);
    const commit = await commitLatency(database.url, database.kind);
    const turnsSent = 1 + WARMUP + rounds + breakdownTurns + USERS * 6 + turnLoad.load.ops;
    // Every turn but the start ones saved the user's message and made one successful model call.
    const persistedOk =
      saved.userMessages === turnsSent - 1 - USERS &&
      saved.aiAttempts === turnsSent - 1 - USERS &&
      saved.conversations === 1 + USERS;

    // ── Report ────────────────────────────────────────────────────────────────────────────────────────────
    const addedMet = latency.addedP50 <= GOAL_ADDED_P50_MS;
    const throughputMet = turnLoad.load.perSecond >= GOAL_TURNS_PER_S;
    const widgetMet = sizes.widget.gzip9 <= GOAL_WIDGET_GZIP_BYTES;
    const yes = (met: boolean) => (met ? "met" : "MISSED");

    console.log("\nPublished chat: a turn through handleChatTurn vs the provider stand-in called directly");
    console.log(`  database: ${database.label}`);
    if (database.fallbackReason) console.log(`  (fell back to the embedded database: ${database.fallbackReason})`);
    console.log(
      `  stand-in: OpenAI Responses API on ${standIn.url}, ${CHUNKS} chunks per answer; app server: node:http → handleChatTurn, pid ${server.pid}, Prisma pool ${database.kind === "pglite" ? POOL_MAX_EMBEDDED : POOL_MAX}`,
    );
    console.log(
      `  rate limits and cooldowns: ${process.env.REDIS_URL ? "Redis (REDIS_URL)" : "in memory / database (no REDIS_URL)"}; ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(2)}`,
    );
    console.log(
      `  1 user: ${rounds} paired rounds (order alternating) after ${WARMUP} warm-up turns${rounds < N ? ` (cut at ${LATENCY_MAX_SECONDS} s)` : ""}; ${USERS} users: ${SECONDS} s of turns, ${DIRECT_SECONDS} s of direct calls\n`,
    );

    const throughputRatio = turnLoad.load.perSecond / directLoad.load.perSecond;
    const typebotRatio = sizes.typebot.gzip9 / sizes.widget.gzip9;
    const flowiseRatio = sizes.flowise.gzip9 / sizes.widget.gzip9;
    printRows(
      ["figure", "value", "baseline", "ratio / added", "goal", "met?"],
      [
        [
          "latency per turn, 1 user, p50",
          ms(latency.turnP50),
          `${ms(latency.directP50)} direct`,
          `+${ms(latency.addedP50)} (paired)`,
          `≤ ${GOAL_ADDED_P50_MS} ms added`,
          yes(addedMet),
        ],
        [
          "latency per turn, 1 user, p99",
          ms(latency.turnP99),
          `${ms(latency.directP99)} direct`,
          `+${ms(latency.addedP99)} (paired)`,
          "—",
          "",
        ],
        [
          `chat turns per second, ${USERS} users`,
          turnLoad.load.perSecond.toFixed(0),
          `${directLoad.load.perSecond.toFixed(0)} direct calls/s`,
          `${throughputRatio.toFixed(3)}×`,
          `≥ ${GOAL_TURNS_PER_S}`,
          yes(throughputMet),
        ],
        [
          `latency per turn, ${USERS} users, p50 / p99`,
          `${ms(percentile(turnLoad.load.latencies, 0.5))} / ${ms(percentile(turnLoad.load.latencies, 0.99))}`,
          `${ms(percentile(directLoad.load.latencies, 0.5))} / ${ms(percentile(directLoad.load.latencies, 0.99))}`,
          "",
          "—",
          "",
        ],
        [
          "widget gzip -9 vs @typebot.io/js",
          kb(sizes.widget.gzip9),
          kb(sizes.typebot.gzip9),
          `${typebotRatio.toFixed(1)}× smaller`,
          `≤ ${GOAL_WIDGET_GZIP_BYTES / 1024} KB`,
          yes(widgetMet),
        ],
        [
          "widget gzip -9 vs flowise-embed",
          kb(sizes.widget.gzip9),
          kb(sizes.flowise.gzip9),
          `${flowiseRatio.toFixed(1)}× smaller`,
          `≤ ${GOAL_WIDGET_GZIP_BYTES / 1024} KB`,
          yes(widgetMet),
        ],
      ],
    );

    console.log("");
    printRows(
      ["bundle", "raw", "gzip (default)", "gzip -9", "gzip -9 vs widget"],
      [sizes.widget, sizes.typebot, sizes.flowise].map((b) => [
        b.name,
        kb(b.raw),
        kb(b.gzipDefault),
        kb(b.gzip9),
        `${(b.gzip9 / sizes.widget.gzip9).toFixed(1)}×`,
      ]),
    );
    if (sizes.note) console.log(`  widget: ${sizes.note}`);

    console.log(
      `\nOne durable commit on this machine (sequential one-row INSERTs through Prisma, each waiting for its WAL flush): p50 ${ms(commit.p50)}, mean ${ms(commit.mean)}; a turn commits twice (the user's message before the model is called, the answer after it)`,
    );
    console.log(
      `\nWhere a turn's time goes (1 user, ${breakdownTurns} turns, timed Prisma client and fetch on the server; ms per turn, mean)`,
    );
    printRows(["wait", "calls/turn", "ms/turn", "what"], steps.rows);

    const cpu = turnLoad.cpu;
    const cpuRows = [
      ["app server (handleChatTurn, Prisma, AI SDK)", cpu.serverMsPerOp.toFixed(3)],
      ["bench process (10 clients + stand-in)", cpu.benchMsPerOp.toFixed(3)],
      [
        "PostgreSQL (the database's backends, WAL writer…)",
        cpu.postgresMsPerOp === null ? "n/a (embedded: in the bench process)" : cpu.postgresMsPerOp.toFixed(3),
      ],
      ["everything else on the machine meanwhile", cpu.restMsPerOp === null ? "n/a" : cpu.restMsPerOp.toFixed(3)],
    ];
    console.log(
      `\nCPU per chat turn at ${USERS} users (${turnLoad.load.ops} turns in ${(turnLoad.load.elapsedMs / 1000).toFixed(1)} s; ${cpu.busyCores === null ? "n/a" : cpu.busyCores.toFixed(2)} of ${availableParallelism()} cores busy)`,
    );
    printRows(["process", "CPU ms/turn"], cpuRows);
    console.log(
      `  direct calls at ${USERS} concurrency: ${directLoad.cpu.benchMsPerOp.toFixed(3)} ms CPU per call in the bench process (client + stand-in)`,
    );
    // What the CPU alone allows, were the app server and PostgreSQL the only work (clients and provider elsewhere).
    const cores = availableParallelism();
    const ceilings = {
      oneProcess: 1000 / cpu.serverMsPerOp,
      machine: cpu.postgresMsPerOp === null ? null : (cores * 1000) / (cpu.serverMsPerOp + cpu.postgresMsPerOp),
      // The bench's clients + stand-in and PostgreSQL share the machine: what it allows if the app cost nothing.
      freeApp: cpu.postgresMsPerOp === null ? null : (cores * 1000) / (cpu.benchMsPerOp + cpu.postgresMsPerOp),
    };
    console.log(
      `  CPU ceiling: one app-server process (one core) ≈ ${ceilings.oneProcess.toFixed(0)} turns/s; ${cores} cores for app server + PostgreSQL alone ≈ ${ceilings.machine === null ? "n/a" : ceilings.machine.toFixed(0)} turns/s`,
    );
    console.log(
      `  the same ${cores} cores with an app server costing nothing (load generator + stand-in + PostgreSQL only) ≈ ${ceilings.freeApp === null ? "n/a" : ceilings.freeApp.toFixed(0)} turns/s`,
    );
    if (profileFile) console.log(`  CPU profile of the app server over the ${USERS}-user phase: ${profileFile}`);
    console.log(
      `\nPersisted: ${saved.conversations} conversations, ${saved.userMessages} user and ${saved.assistantMessages} bot messages, ${saved.aiAttempts} AI attempts for ${turnsSent} turns sent (${persistedOk ? "all saved" : "MISMATCH"}); run took ${((performance.now() - runStarted) / 1000).toFixed(1)} s\n`,
    );
    if (!persistedOk) process.exitCode = 1;

    console.log(
      JSON.stringify({
        bench: "chat",
        database: database.kind,
        database_label: database.label,
        synchronous_commit_off_what_if:
          database.kind === "postgresql" && process.env.CHAT_BENCH_SYNCHRONOUS_COMMIT === "off",
        iterations: rounds,
        users: USERS,
        seconds: SECONDS,
        direct_p50_ms: round(latency.directP50, 3),
        direct_p99_ms: round(latency.directP99, 3),
        turn_p50_ms: round(latency.turnP50, 3),
        turn_p99_ms: round(latency.turnP99, 3),
        added_p50_ms: round(latency.addedP50, 3),
        added_p99_ms: round(latency.addedP99, 3),
        turns_per_s: round(turnLoad.load.perSecond, 1),
        direct_calls_per_s: round(directLoad.load.perSecond, 1),
        throughput_ratio: round(throughputRatio, 4),
        turn_p50_ms_10_users: round(percentile(turnLoad.load.latencies, 0.5), 3),
        turn_p99_ms_10_users: round(percentile(turnLoad.load.latencies, 0.99), 3),
        cpu_ms_per_turn_server: round(cpu.serverMsPerOp, 3),
        cpu_ms_per_turn_bench: round(cpu.benchMsPerOp, 3),
        cpu_ceiling_turns_per_s_one_process: round(ceilings.oneProcess, 1),
        cpu_ceiling_turns_per_s_machine: ceilings.machine === null ? null : round(ceilings.machine, 1),
        cpu_ceiling_turns_per_s_app_free: ceilings.freeApp === null ? null : round(ceilings.freeApp, 1),
        cpu_ms_per_turn_postgres: cpu.postgresMsPerOp === null ? null : round(cpu.postgresMsPerOp, 3),
        cpu_ms_per_turn_other: cpu.restMsPerOp === null ? null : round(cpu.restMsPerOp, 3),
        durable_commit_p50_ms: round(commit.p50, 3),
        durable_commit_mean_ms: round(commit.mean, 3),
        breakdown_client_ms: round(steps.clientMs, 3),
        breakdown_server_ms: round(steps.serverMs, 3),
        breakdown_db_wall_ms: round(steps.dbWallMs, 3),
        breakdown_db_queries_per_turn: round(steps.dbQueriesPerTurn, 2),
        breakdown_provider_ms: round(steps.providerMs, 3),
        breakdown_other_ms: round(steps.otherMs, 3),
        breakdown_db: steps.byLabel,
        widget_raw_bytes: sizes.widget.raw,
        widget_gzip9_bytes: sizes.widget.gzip9,
        widget_gzip_default_bytes: sizes.widget.gzipDefault,
        typebot_gzip9_bytes: sizes.typebot.gzip9,
        flowise_gzip9_bytes: sizes.flowise.gzip9,
        typebot_size_ratio: round(typebotRatio, 2),
        flowise_size_ratio: round(flowiseRatio, 2),
        persisted: { ...saved, turns_sent: turnsSent, ok: persistedOk },
        goal_added_p50_ms: GOAL_ADDED_P50_MS,
        goal_turns_per_s: GOAL_TURNS_PER_S,
        goal_widget_gzip_bytes: GOAL_WIDGET_GZIP_BYTES,
        goals_met: { added_p50: addedMet, turns_per_s: throughputMet, widget_gzip: widgetMet },
      }),
    );
  } finally {
    await server?.close();
    await postgres?.close();
    await standIn?.close();
    await database?.database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
