import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

// Why: PGlite has no postmaster.pid interlock. Two processes (say the app and `pnpm db:migrate`)
// opening the same data directory would both write to it and corrupt it. A sibling lock file
// `<dataDir>.lock` records who has it open and on which URL, so the second one can refuse — or,
// for migrate, connect to the running server instead.

export interface EmbeddedLock {
  pid: number;
  /** The server's URL once it listens; null while it is starting. */
  url: string | null;
  startedAt: string;
}

export const lockPathFor = (dataDir: string) => `${path.resolve(dataDir)}.lock`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live holder of `dataDir`, or null (a lock left by a dead process counts as none). */
export function readEmbeddedLock(dataDir: string): EmbeddedLock | null {
  try {
    const lock = JSON.parse(readFileSync(lockPathFor(dataDir), "utf8")) as EmbeddedLock;
    return isAlive(lock.pid) ? lock : null;
  } catch {
    return null;
  }
}

/** Take the lock or throw a message naming the holder. Returns the function that updates/releases it. */
export function acquireEmbeddedLock(dataDir: string): { setUrl(url: string): void; release(): void } {
  const file = lockPathFor(dataDir);
  mkdirSync(path.dirname(file), { recursive: true });
  const write = (lock: EmbeddedLock, flag: "wx" | "w") => writeFileSync(file, JSON.stringify(lock), { flag });
  const mine: EmbeddedLock = { pid: process.pid, url: null, startedAt: new Date().toISOString() };

  for (let attempt = 0; ; attempt++) {
    try {
      write(mine, "wx");
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
      const holder = readEmbeddedLock(dataDir);
      if (holder) {
        const where = holder.url ? ` and serves it at ${holder.url}` : "";
        throw new Error(
          `The embedded database in ${dataDir} is already open: process ${holder.pid} holds it${where}. ` +
            `Stop that process, or connect to it with DATABASE_URL. (If no such process runs, delete ${file}.)`,
        );
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }

  let released = false;
  return {
    setUrl(url) {
      if (!released) write({ ...mine, url }, "w");
    },
    release() {
      if (released) return;
      released = true;
      const current = readEmbeddedLock(dataDir);
      if (current?.pid === process.pid && current.startedAt === mine.startedAt) rmSync(file, { force: true });
    },
  };
}
