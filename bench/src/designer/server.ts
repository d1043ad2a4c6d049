/**
 * The production build of the web app for the designer bench: built when asked (or when there is none),
 * started with `app:start` on a loopback port with its own data directory (embedded PGlite unless
 * DATABASE_URL is set), and stopped by the process group of the pid we started.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export interface AppServer {
  origin: string;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

/** The last lines of a log file, for error messages. */
export function tail(file: string, lines = 30): string {
  if (!existsSync(file)) return "(no log)";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** Runs a command in its own process group; the log goes to `logFile`. Rejects on a non-zero exit or a timeout. */
export async function run(
  command: string,
  args: string[],
  options: { cwd: string; logFile: string; timeoutMs: number },
) {
  const log = createWriteStream(options.logFile, { flags: "a" });
  const child = spawn(command, args, { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const timer = setTimeout(() => {
    for (const pid of child.pid ? processTree(child.pid) : []) signal(pid, "SIGKILL");
  }, options.timeoutMs);
  const code = await exited(child);
  clearTimeout(timer);
  await new Promise((resolve) => log.end(resolve));
  if (code !== 0) {
    throw new Error(
      `\`${command} ${args.join(" ")}\` ${code === null ? `did not finish within ${options.timeoutMs / 1000} s` : `failed (exit ${code})`}; last lines of ${options.logFile}:\n${tail(options.logFile)}`,
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

/** A process and all its descendants (pnpm runs the script in a process group of its own). */
function processTree(root: number): number[] {
  let table: string;
  try {
    table = execFileSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" });
  } catch {
    return [root];
  }
  const children = new Map<number, number[]>();
  for (const line of table.trim().split("\n")) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number) as [number, number];
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i] as number) ?? []));
  return tree;
}

async function healthy(origin: string): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** A production build exists when Next.js wrote its BUILD_ID. */
export function hasProductionBuild(repoRoot: string): boolean {
  return existsSync(path.join(repoRoot, "apps/web/.next/BUILD_ID"));
}

/** `pnpm start`'s build step: the web app and what it depends on. */
export async function buildApp(repoRoot: string, logFile: string, timeoutMs: number): Promise<void> {
  await run("pnpm", ["exec", "turbo", "run", "build", "--filter=@pixel/web"], { cwd: repoRoot, logFile, timeoutMs });
}

export async function startApp(options: {
  repoRoot: string;
  port: number;
  dataDir: string;
  logFile: string;
  timeoutMs: number;
}): Promise<AppServer> {
  const origin = `http://127.0.0.1:${options.port}`;
  if (await healthy(origin)) {
    throw new Error(`something already answers on ${origin}; stop it or choose another port with BENCH_PORT`);
  }
  const log = createWriteStream(options.logFile, { flags: "a" });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    PIXEL_DATA_DIR: options.dataDir,
    NEXTAUTH_URL: origin,
    // A throwaway data directory: generated secrets are fine even with DATABASE_URL.
    PIXEL_ALLOW_GENERATED_SECRET: "1",
  };
  const child = spawn("pnpm", ["--filter", "@pixel/web", "run", "app:start"], {
    cwd: options.repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const pid = child.pid;
  if (!pid) throw new Error("could not start the app server (no pid)");

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // Every process we started, by pid: pnpm, the script's shell, tsx, the launcher and Next.js.
    const tree = processTree(pid);
    for (const p of tree) signal(p, "SIGTERM");
    // The launcher closes the embedded database after Next.js exits: give it a moment, then insist.
    const deadline = Date.now() + 10_000;
    while (tree.some(alive) && Date.now() < deadline) await sleep(100);
    for (const p of tree.filter(alive)) signal(p, "SIGKILL");
    await Promise.race([exited(child), sleep(2_000)]);
    await new Promise((resolve) => log.end(resolve));
  };

  const deadline = Date.now() + options.timeoutMs;
  while (!(await healthy(origin))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(
        `the app server exited early (code ${child.exitCode}; is apps/web/.next a complete production build? --build makes one); last lines of its log:\n${tail(options.logFile)}`,
      );
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `the app server did not answer ${origin}/api/health within ${options.timeoutMs / 1000} s; last lines of its log:\n${tail(options.logFile)}`,
      );
    }
    await sleep(250);
  }
  return { origin, pid, logFile: options.logFile, stop };
}
