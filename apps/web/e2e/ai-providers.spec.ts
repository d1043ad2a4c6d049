import { randomBytes } from "node:crypto";
import { type StandIn, startStandIn } from "@pixel/ai/stand-ins";
import { expect, test } from "@playwright/test";
import { screenshot, signUpInUi, uniqueUser } from "./helpers";

// A key only this run knows: the stand-in accepts nothing else, so "Connected" proves it was decrypted and sent.
const SECRET = `sk-standin-${randomBytes(12).toString("hex")}`;
const MODEL = "gpt-4o-mini";

let standIn: StandIn;
// A stand-in answering where a local Ollama would (127.0.0.1:11434), when that port is free.
let ollama: StandIn | null = null;

test.beforeAll(async () => {
  standIn = await startStandIn({ expectedKey: SECRET });
  ollama = await startStandIn({ port: 11434, ollamaModels: ["llama3.2:latest"] }).catch(() => null);
});

test.afterAll(async () => {
  await standIn?.close();
  await ollama?.close();
});

test("an owner adds a key, tests it live, orders fallback, sets a budget and sees usage", async ({ page }) => {
  // Every tRPC answer the browser gets is kept, to check that none of them carries the secret.
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.url().includes("/api/trpc")) bodies.push(response.text().catch(() => ""));
  });

  const user = uniqueUser("providers");
  await signUpInUi(page, user);

  await page
    .getByRole("complementary", { name: "Main navigation" })
    .getByRole("link", { name: "AI providers" })
    .click();
  await expect(page).toHaveURL(/\/app\/providers$/);
  await expect(page.getByRole("heading", { name: "AI providers", level: 1 })).toBeVisible();
  await expect(page.getByText("No provider keys yet")).toBeVisible();
  // The catalogue is dated and priced.
  await expect(page.getByText(/Prices as of \w+ \d+, \d{4}/)).toBeVisible();
  await expect(page.getByTestId("catalogue-table").getByRole("row").filter({ hasText: MODEL })).toContainText("128K");

  // ── Add an OpenAI-compatible key pointing at the stand-in ───────────────────────────────
  const form = page.getByRole("form", { name: "Add a key" });
  await form.getByLabel("Provider").selectOption("compatible");
  await expect(form.getByLabel("Base URL")).toBeVisible();
  await form.getByLabel("Label").fill("Stand-in server");
  await form.getByLabel("Base URL").fill(standIn.baseUrls.compatible);
  // Without a model the server's field error shows on the Models field.
  await form.getByLabel("API key").fill(SECRET);
  await form.getByRole("button", { name: "Add key" }).click();
  await expect(form.getByText("Choose at least one model")).toBeVisible();
  await expect(form.getByLabel("Models")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("Models").fill(MODEL);
  await form.getByRole("button", { name: "Add key" }).click();
  await expect(form.getByText("Added “Stand-in server”")).toBeVisible();
  // The secret field is emptied: nothing echoes it back.
  await expect(form.getByLabel("API key")).toHaveValue("");

  const row = page.getByTestId("provider-key").filter({ hasText: "Stand-in server" });
  await expect(row.getByTestId("masked-key")).toHaveText(`••••${SECRET.slice(-4)}`);
  await expect(row).toContainText("active");
  await expect(row).toContainText("Never tested.");

  // ── Test: a live call through the real provider package to the stand-in ────────────────
  await row.getByRole("button", { name: "Test", exact: true }).click();
  await expect(row.getByTestId("key-test-result")).toContainText(
    new RegExp(`Connected: ${MODEL} answered in \\d+ ms`),
    { timeout: 30_000 },
  );
  expect(standIn.requests.some((r) => r.route === "openai-chat" && r.model === MODEL && r.status === 200)).toBe(true);

  // ── A local Ollama is offered as a ready provider, with no key ──────────────────────────
  if (ollama) {
    const offer = page.getByTestId("local-ollama");
    await expect(offer).toContainText("Local Ollama found at 127.0.0.1:11434");
    await expect(offer).toContainText("llama3.2:latest");
    await offer.getByRole("button", { name: "Add local Ollama" }).click();
    await expect(offer).toHaveCount(0);
    const local = page.getByTestId("provider-key").filter({ hasText: "Local Ollama" });
    await expect(local.getByTestId("masked-key")).toHaveText("no key (local server)");
    await local.getByRole("button", { name: "Test", exact: true }).click();
    await expect(local.getByTestId("key-test-result")).toContainText(/Connected: llama3\.2:latest answered in \d+ ms/, {
      timeout: 30_000,
    });
  } else {
    test
      .info()
      .annotations.push({ type: "skipped step", description: "port 11434 is taken: no local Ollama stand-in" });
  }

  // ── The secret is never in the page, and never in any API answer ───────────────────────
  await page.reload();
  await expect(row.getByTestId("masked-key")).toHaveText(`••••${SECRET.slice(-4)}`);
  await expect(row.getByTestId("key-last-test")).toContainText("Connected");
  expect(await page.content()).not.toContain(SECRET);

  // ── Fallback order: the key and its model, saved ───────────────────────────────────────
  const fallback = page.locator("#fallback");
  await fallback.getByLabel("Key", { exact: true }).selectOption({ label: "Stand-in server" });
  await fallback.getByLabel("Model", { exact: true }).selectOption(MODEL);
  await fallback.getByRole("button", { name: "Add candidate" }).click();
  await expect(fallback.getByTestId("fallback-list").getByRole("listitem")).toHaveCount(1);
  await fallback.getByRole("button", { name: "Save fallback order" }).click();
  await expect(fallback.getByText("Saved.")).toBeVisible();

  // ── A budget for the whole organization ────────────────────────────────────────────────
  const budgets = page.locator("#budgets");
  await expect(budgets.getByText("No budgets yet")).toBeVisible();
  await budgets.getByRole("button", { name: "Add a budget" }).click();
  const budgetForm = budgets.getByRole("form", { name: "Add a budget" });
  await expect(budgetForm.getByLabel("Applies to")).toHaveValue("organization");
  // The bot scope is not offered: this organization has no bots.
  await expect(budgetForm.getByLabel("Applies to").locator("option[value=bot]")).toHaveCount(0);
  await budgetForm.getByLabel("Monthly limit (USD)").fill("25");
  await budgetForm.getByLabel("Soft limit (%)").fill("75");
  await budgetForm.getByRole("button", { name: "Save budget" }).click();
  const budget = budgets.getByTestId("budget");
  await expect(budget).toHaveCount(1);
  await expect(budget).toContainText("$0.00 of $25");
  await expect(budget).toContainText("within budget");
  await expect(budget).toContainText("soft limit at 75%");
  await expect(budget).toContainText("hard stop at the limit");
  await expect(budget.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0");
  // No budget is past its soft limit: no banner.
  await expect(page.getByTestId("budget-banner")).toHaveCount(0);

  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, "ai-providers", { docs: true });
  // The same page in the dark theme, to review contrast.
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/dark/);
  await screenshot(page, "ai-providers-dark");
  await page.emulateMedia({ colorScheme: "light" });
  await expect(page.locator("html")).not.toHaveClass(/dark/);

  // ── Usage: nothing has been spent yet, and the page says so ────────────────────────────
  await page.getByRole("complementary", { name: "Main navigation" }).getByRole("link", { name: "Usage" }).click();
  await expect(page).toHaveURL(/\/app\/usage$/);
  await expect(page.getByRole("heading", { name: "Usage", level: 1 })).toBeVisible();
  await expect(page.getByTestId("usage-calls")).toHaveText("0");
  await expect(page.getByTestId("usage-cost")).toHaveText("$0.00");
  // Day, provider, bot and model: each chart says there is nothing yet instead of drawing fake data.
  await expect(page.getByTestId("chart-empty")).toHaveCount(4);
  await expect(page.getByText("No AI calls in this period")).toBeVisible();
  await page.getByRole("button", { name: "7 days" }).click();
  await expect(page.getByRole("button", { name: "7 days" })).toHaveAttribute("aria-pressed", "true");

  // Export CSV downloads the (header-only) file.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^usage-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvPath = await download.path();
  const { readFileSync } = await import("node:fs");
  expect(readFileSync(csvPath, "utf8").split("\r\n")[0]).toBe(
    "day,provider,model,bot,calls,tokens_in,tokens_out,cost_usd",
  );

  await screenshot(page, "usage", { docs: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/dark/);
  await screenshot(page, "usage-dark");
  await page.emulateMedia({ colorScheme: "light" });

  const answers = await Promise.all(bodies);
  expect(answers.length).toBeGreaterThan(5);
  for (const body of answers) expect(body).not.toContain(SECRET);
});
