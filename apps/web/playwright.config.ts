import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
// Debian's Chromium: test tools cannot download a browser of their own here.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/**
 * The gallery's preview provider: a provider stand-in that e2e/templates.spec.ts starts on this port with this
 * key (a local fake, not a secret). Other specs leave it down; their previews then fail over to the notice.
 */
export const PREVIEW_STAND_IN_PORT = 45731;
export const PREVIEW_STAND_IN_KEY = "e2e-stand-in-key";

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  // The app started the README way (`pnpm start`: build, embedded database, migrations), on a fresh data dir.
  webServer: {
    // E2E_SKIP_BUILD=1 reuses the last build (for iterating on tests; CI always builds).
    command: process.env.E2E_SKIP_BUILD
      ? "rm -rf ../../.data/e2e && cd ../.. && pnpm --filter @pixel/web run app:start"
      : "rm -rf ../../.data/e2e && cd ../.. && pnpm start",
    env: {
      PORT: String(PORT),
      PIXEL_DATA_DIR: ".data/e2e",
      NEXTAUTH_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
      PIXEL_PREVIEW_PROVIDER: "openai-compatible",
      PIXEL_PREVIEW_BASE_URL: `http://127.0.0.1:${PREVIEW_STAND_IN_PORT}/v1`,
      PIXEL_PREVIEW_API_KEY: PREVIEW_STAND_IN_KEY,
      PIXEL_PREVIEW_MODEL: "preview-model",
    },
    url: `${baseURL}/api/health`,
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
