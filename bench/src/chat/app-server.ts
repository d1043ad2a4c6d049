/** Starts and stops the bench's app server (./server.ts) in a child process, and its bench-only routes. */
import { type ChildProcess, fork } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Interval } from "./instrument.ts";

export interface AppServer {
  url: string;
  pid: number;
  /** process.cpuUsage() of the server, in µs. */
  cpu(): Promise<NodeJS.CpuUsage>;
  /** Switches the timed Prisma client and fetch on or off (and clears the intervals). */
  instrument(on: boolean): Promise<void>;
  intervals(): Promise<Interval[]>;
  /** Starts the server's CPU profiler, or stops it: the profile's file (null when no folder was given). */
  profile(on: boolean): Promise<string | null>;
  close(): Promise<void>;
}

const SERVER_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "server.ts");

export async function startAppServer(options: {
  databaseUrl: string;
  embedded: boolean;
  poolMax: number;
  /** A folder for CPU profiles of the server (see `profile`), or null. */
  cpuProfDir: string | null;
}): Promise<AppServer> {
  if (options.cpuProfDir) mkdirSync(options.cpuProfDir, { recursive: true });
  const child: ChildProcess = fork(SERVER_FILE, [], {
    env: {
      ...process.env,
      CHAT_BENCH_DATABASE_URL: options.databaseUrl,
      CHAT_BENCH_EMBEDDED: options.embedded ? "1" : "0",
      CHAT_BENCH_POOL_MAX: String(options.poolMax),
      CHAT_BENCH_CPU_PROF_DIR: options.cpuProfDir ?? "",
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the app server did not start within 60 s")), 60_000);
    child.on("message", (message: { type?: string; url?: string }) => {
      if (message?.type === "ready" && message.url) {
        clearTimeout(timer);
        resolve(message.url);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the app server exited (${code}) before it was ready`));
    });
  }).catch(async (error) => {
    child.kill();
    await exited;
    throw error;
  });

  const get = async <T>(route: string): Promise<T> => {
    const response = await fetch(`${url}${route}`, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`${route}: ${response.status}`);
    return (await response.json()) as T;
  };
  let closed: Promise<void> | null = null;
  return {
    url,
    pid: child.pid as number,
    cpu: () => get<NodeJS.CpuUsage>("/__bench/cpu"),
    intervals: () => get<Interval[]>("/__bench/intervals"),
    async profile(on) {
      const response = await fetch(`${url}/__bench/profile?on=${on ? 1 : 0}`, {
        method: "POST",
        signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok) throw new Error(`profile: ${response.status}`);
      return ((await response.json()) as { file: string | null }).file;
    },
    async instrument(on) {
      const response = await fetch(`${url}/__bench/instrument?on=${on ? 1 : 0}`, {
        method: "POST",
        signal: AbortSignal.timeout(10_000),
      });
      if (response.status !== 204) throw new Error(`instrument: ${response.status}`);
    },
    close() {
      closed ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        if (child.connected) child.send({ type: "close" });
        else child.kill();
        const timer = setTimeout(() => child.kill(), 10_000);
        await exited;
        clearTimeout(timer);
      })();
      return closed;
    },
  };
}
