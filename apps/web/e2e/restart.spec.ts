import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInInUi, signUpInUi, uniqueUser } from "./helpers";

// Its own app instance (not the shared webServer): started, stopped with SIGTERM and started again
// on the same data directory. The build already exists: the webServer made it before any test ran.
const PORT = 3111;
const origin = `http://localhost:${PORT}`;

interface App {
  process: ChildProcess;
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startApp(dataDir: string): App {
  const webDir = path.resolve(test.info().project.testDir, "..");
  const child = spawn(path.join(webDir, "node_modules/.bin/tsx"), ["scripts/launch.ts", "start"], {
    cwd: webDir,
    env: {
      ...process.env,
      PORT: String(PORT),
      PIXEL_DATA_DIR: dataDir,
      NEXTAUTH_URL: origin,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: "", // the embedded database, whatever the caller's environment says
      NEXTAUTH_SECRET: "", // the one generated into the data dir, so sessions survive restarts too
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { process: child, output, exited };
}

async function waitForHealth(app: App, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.process.exitCode !== null) throw new Error(`the app exited early:\n${app.output.join("")}`);
    const status = await fetch(`${origin}/api/health`)
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app was not healthy after ${timeoutMs} ms:\n${app.output.join("")}`);
}

/** SIGTERM to the launcher we spawned (by its pid); it stops Next.js, then closes the database cleanly. */
async function stopApp(app: App, timeoutMs = 30_000) {
  if (app.process.exitCode !== null || app.process.signalCode !== null) return app.exited;
  process.kill(app.process.pid as number, "SIGTERM");
  const timer = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), timeoutMs));
  const result = await Promise.race([app.exited, timer]);
  if (result === "timeout") {
    process.kill(app.process.pid as number, "SIGKILL");
    throw new Error(`the app did not stop within ${timeoutMs} ms after SIGTERM:\n${app.output.join("")}`);
  }
  return result;
}

test.describe("data survives a restart", () => {
  let dataDir: string;
  let app: App | undefined;

  test.beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "pixel-e2e-restart-"));
  });

  test.afterAll(async () => {
    if (app) await stopApp(app).catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("an account created before a SIGTERM restart can sign in afterwards", async ({ page, browser }, testInfo) => {
    test.setTimeout(180_000);
    const user = uniqueUser("restart");

    app = startApp(dataDir);
    await waitForHealth(app);
    expect(existsSync(path.join(dataDir, "pglite.lock")), "the running app holds the database lock").toBe(true);
    await signUpInUi(page, user, origin);

    const first = await stopApp(app);
    testInfo.attach("first run output", { body: app.output.join(""), contentType: "text/plain" });
    // It exited on its own after SIGTERM (0, or 143 = 128 + SIGTERM as Next.js reports it), not by a
    // crash, and it closed the embedded database: closing releases the data dir's lock file.
    expect([0, 143], app.output.join("")).toContain(first.code);
    expect(existsSync(path.join(dataDir, "pglite.lock")), "the database lock was released").toBe(false);
    expect(existsSync(path.join(dataDir, "pglite"))).toBe(true);
    expect(existsSync(path.join(dataDir, "secrets.json"))).toBe(true);

    // Second start on the same data directory: no new migrations, the user is still there.
    app = startApp(dataDir);
    await waitForHealth(app);
    expect(app.output.join("")).toContain("database is up to date");

    const fresh = await browser.newContext();
    try {
      const again = await fresh.newPage();
      await signInInUi(again, user, origin);
      await expect(again).toHaveURL(`${origin}/app`);
      await expect(again.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
      await expect(again.getByTestId("overview-organization")).toHaveText(`${user.name}'s workspace`);
      await expect(again.getByTestId("current-role")).toHaveText("owner");
    } finally {
      await fresh.close();
    }

    // The first browser's session survives too (the signing secret is kept in the data directory).
    await page.goto(`${origin}/app`);
    await expect(page.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();

    const second = await stopApp(app);
    testInfo.attach("second run output", { body: app.output.join(""), contentType: "text/plain" });
    expect([0, 143]).toContain(second.code);
    expect(existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);
    app = undefined;
  });
});
