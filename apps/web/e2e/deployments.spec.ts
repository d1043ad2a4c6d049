import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type StandIn, startStandIn } from "@pixel/ai/stand-ins";
import { expect, type Page, test } from "@playwright/test";
import { screenshot, signInViaApi, signUpViaApi, trpc, uniqueUser } from "./helpers";

const SECRET = `sk-standin-${randomBytes(12).toString("hex")}`;
let standIn: StandIn;

test.beforeAll(async () => {
  standIn = await startStandIn({ expectedKey: SECRET });
});
test.afterAll(async () => {
  await standIn?.close();
});
test.describe.configure({ timeout: 240_000 });

/** greeting → pick a topic → (a) ask an email (form) → AI answer → end. */
function shopFlow() {
  return {
    version: 1,
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
      { id: "hello", type: "message", position: { x: 300, y: 0 }, data: { text: "Welcome to **Pixel Shop**!" } },
      {
        id: "topic",
        type: "quick-reply",
        position: { x: 600, y: 0 },
        data: {
          prompt: "What brings you here?",
          options: [
            { id: "order", label: "My order" },
            { id: "other", label: "Something else" },
          ],
          variable: "topic",
        },
      },
      {
        id: "email",
        type: "collect-data",
        position: { x: 900, y: 0 },
        data: { fields: [{ name: "email", label: "Your email", type: "email", required: true }] },
      },
      {
        id: "answer",
        type: "ai-step",
        position: { x: 1200, y: 0 },
        data: { model: "openai:gpt-4o-mini", systemPrompt: "Be brief.", prompt: "Help with {{topic}}" },
      },
      { id: "bye", type: "end", position: { x: 1500, y: 0 }, data: { message: "Thanks, we will write to {{email}}." } },
    ],
    edges: [
      { id: "e1", source: "start", target: "hello" },
      { id: "e2", source: "hello", target: "topic" },
      { id: "e3", source: "topic", sourceHandle: "order", target: "email" },
      { id: "e4", source: "topic", sourceHandle: "other", target: "email" },
      { id: "e5", source: "email", target: "answer" },
      { id: "e6", source: "answer", target: "bye" },
    ],
  };
}

/** Signs up, adds a stand-in provider key, creates and publishes the shop bot. */
async function publishedBot(page: Page) {
  const user = uniqueUser("deployer");
  await signUpViaApi(page.request, user);
  await signInViaApi(page.request, user);
  await trpc(page.request, "providerKeys.create", {
    provider: "openai",
    label: "Stand-in",
    secret: SECRET,
    baseUrl: standIn.baseUrls.openai,
    models: ["gpt-4o-mini"],
  });
  const bot = await trpc<{ id: string }>(page.request, "bots.create", { name: "Pixel Shop", flow: shopFlow() });
  await trpc(page.request, "versions.publish", { botId: bot.id, note: "First release", draftRevision: 0 });
  return bot;
}

test("publish, deploy, chat on the hosted page with streaming, quick replies and a form; the dashboard shows it", async ({
  page,
}) => {
  await publishedBot(page);

  // ── Deploy through the dashboard ───────────────────────────────────────────────────────
  await page.goto("/app/deployments");
  await page
    .getByRole("button", { name: /new deployment/i })
    .first()
    .click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Bot").selectOption({ label: "Pixel Shop" });
  await dialog.getByLabel("Name", { exact: true }).fill("Shop support");
  const slug = `shop-${randomBytes(3).toString("hex")}`;
  await dialog.getByLabel("Address (optional)").fill(slug);
  await dialog
    .getByRole("button", { name: /create|deploy/i })
    .last()
    .click();
  await expect(page).toHaveURL(/\/app\/deployments\/[^/]+$/);
  await expect(page.getByText(`/c/${slug}`).first()).toBeVisible();
  await expect(page.getByText("embed.js").first()).toBeVisible();
  await screenshot(page, "deployment-detail", { docs: true });

  // ── Chat on the hosted page ────────────────────────────────────────────────────────────
  standIn.enqueue({ chunks: ["Your ", "order ", "is ", "on ", "its ", "way."], chunkDelayMs: 30 });
  await page.goto(`/c/${slug}`);
  const log = page.getByRole("log");
  await expect(log.getByText("Pixel Shop", { exact: false }).first()).toBeVisible();
  await expect(log.getByText("What brings you here?")).toBeVisible();
  await page.getByRole("button", { name: "My order" }).click();
  const email = page.getByLabel("Your email");
  await email.fill("not-an-email");
  await email.press("Enter");
  await expect(page.getByText(/valid email/i).first()).toBeVisible();
  await email.fill("ada@example.test");
  await email.press("Enter");
  await expect(log.getByText("Your order is on its way.")).toBeVisible();
  await expect(log.getByText("Thanks, we will write to ada@example.test.")).toBeVisible();
  await screenshot(page, "hosted-chat", { docs: true });

  // A reload keeps the conversation.
  await page.reload();
  await expect(page.getByRole("log").getByText("Your order is on its way.")).toBeVisible();

  // ── The conversation is in the dashboard with tokens and cost ─────────────────────────
  await page.goto("/app/conversations");
  const row = page.getByRole("row").filter({ hasText: "Shop support" });
  await expect(row).toContainText("Hosted page");
  await expect(row).toContainText(/\$0\.0\d+/);
  await row.getByRole("link", { name: /open the conversation/i }).click();
  await expect(page.getByText("Your order is on its way.")).toBeVisible();
  await expect(page.getByText(/gpt-4o-mini/).first()).toBeVisible();
  await expect(page.getByText(/\$0\.0\d+/).first()).toBeVisible();
  await screenshot(page, "conversation-transcript", { docs: true });
});

/** A static page on another origin (127.0.0.1:<port> vs the app on localhost) embedding the widget. */
async function hostPage(appOrigin: string, slug: string): Promise<{ server: Server; url: string }> {
  const html = `<!doctype html><html><head><title>Shop</title><style>
    * { font-family: Georgia, serif !important; color: rgb(122, 31, 31); }
    button { background: yellow !important; border: 3px dashed red; }
    #own { color: rgb(0, 128, 0); }
  </style></head><body><h1>Another site</h1><p id="own">The page's own text.</p>
  <script src="${appOrigin}/embed.js" data-deployment="${slug}" data-mode="bubble" async></script></body></html>`;
  const server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

test("the widget on another origin: opens, streams, survives a reload, keeps CSS apart; a disallowed site is refused", async ({
  page,
  baseURL,
}) => {
  const bot = await publishedBot(page);
  const slug = `widget-${randomBytes(3).toString("hex")}`;
  const deployment = await trpc<{ id: string }>(page.request, "deployments.create", {
    botId: bot.id,
    name: "Widget",
    slug,
    flowVersionId: null,
    channels: ["hosted", "widget"],
    environment: "production",
    allowedDomains: ["127.0.0.1"],
  });
  const { server, url } = await hostPage(baseURL as string, slug);
  try {
    await page.goto(url);
    const launcher = page.getByRole("button", { name: "Open chat" });
    await expect(launcher).toBeVisible();
    // The host page's `button { background: yellow !important }` does not reach the widget's buttons.
    const launcherBackground = await launcher.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(launcherBackground).not.toBe("rgb(255, 255, 0)");
    await launcher.click();
    await expect(page.getByText("What brings you here?")).toBeVisible();
    await page.getByRole("button", { name: "Something else" }).click();
    standIn.enqueue({ chunks: ["Happy ", "to ", "help."] });
    await page.getByLabel("Your email").fill("grace@example.test");
    await page.getByLabel("Your email").press("Enter");
    await expect(page.getByText("Happy to help.")).toBeVisible();
    // The widget's styles do not leak out either.
    expect(await page.locator("#own").evaluate((el) => getComputedStyle(el).color)).toBe("rgb(0, 128, 0)");
    await screenshot(page, "widget-open", { docs: true });

    await page.reload();
    await page.getByRole("button", { name: "Open chat" }).click();
    await expect(page.getByText("Happy to help.")).toBeVisible();

    // Only example.com may embed it now: this page is refused and shows nothing.
    await trpc(page.request, "deployments.update", { deploymentId: deployment.id, allowedDomains: ["example.com"] });
    await page.waitForTimeout(2_500); // the deployment cache lives 2 s
    const warnings: string[] = [];
    page.on("console", (message) => warnings.push(message.text()));
    await page.reload();
    await expect.poll(() => warnings.some((w) => w.includes("[pixel]"))).toBe(true);
    await expect(page.getByRole("button", { name: "Open chat" })).toHaveCount(0);
  } finally {
    server.close();
  }
});
