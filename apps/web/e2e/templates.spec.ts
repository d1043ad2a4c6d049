import { randomBytes } from "node:crypto";
import { type StandIn, startStandIn } from "@pixel/ai/stand-ins";
import { expect, type Page, test } from "@playwright/test";
import { PREVIEW_STAND_IN_KEY, PREVIEW_STAND_IN_PORT } from "../playwright.config";
import { fillSignUp, screenshot, signInViaApi, signUpViaApi, trpc, trpcQuery, uniqueUser } from "./helpers";

/**
 * The template gallery: browsing without an account, filters and search in the address, a template's page with
 * its diagram and live preview (AI steps answered by a provider stand-in: the web server's PIXEL_PREVIEW_* point
 * at this port), using a template through sign-up, rating, publishing a bot as a template.
 */

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const FINANCE = "finance-accountant-expert";

let standIn: StandIn;

test.beforeAll(async () => {
  standIn = await startStandIn({ port: PREVIEW_STAND_IN_PORT, expectedKey: PREVIEW_STAND_IN_KEY });
});
test.afterAll(async () => {
  await standIn?.close();
});
test.describe.configure({ timeout: 240_000 });

/** Draws the lazily loaded diagram (it waits to be scrolled to), then goes back to the top for a screenshot. */
async function drawDiagram(page: Page) {
  const diagram = page.getByTestId("template-diagram");
  await diagram.scrollIntoViewIfNeeded();
  await expect(diagram.getByTestId("node-start")).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** The cards of the gallery grid. */
function cards(page: Page) {
  return page.getByRole("list", { name: "Templates" }).getByTestId("template-card");
}

test("browse, filter and search the gallery without an account; malformed addresses get a notice, not an error", async ({
  page,
  browser,
  baseURL,
}) => {
  await page.setViewportSize(DESKTOP);
  const response = await page.goto("/templates");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Template gallery" })).toBeVisible();
  await expect(page).toHaveTitle(/Template gallery/);
  // The seeded catalogue (expert templates, the project assessment and the collaboration flows).
  expect(await cards(page).count()).toBeGreaterThanOrEqual(15);
  const finance = cards(page).filter({ hasText: "AI Finance & Accounting Expert" });
  await expect(finance).toContainText("Featured");
  await expect(finance).toContainText("Financial services");
  await expect(finance).toContainText("30 min");
  await screenshot(page, "template-gallery", { docs: true });

  // ── A filter applies at once and lands in the address ────────────────────────────────
  await page.getByLabel("Category").selectOption({ label: "Legal (1)" });
  await expect(page).toHaveURL(/\/templates\?category=legal$/);
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText("AI Legal Consultant");
  await expect(page.getByRole("status").filter({ hasText: /^1 template$/ })).toBeVisible();
  // Its chip removes it again.
  await page.getByRole("link", { name: "Remove filter Category: Legal" }).click();
  await expect(page).toHaveURL(/\/templates$/);
  await expect(page.getByLabel("Category")).toHaveValue("");
  expect(await cards(page).count()).toBeGreaterThanOrEqual(15);

  // Two filters that no template has together: the empty state clears them.
  await page.goto("/templates?category=legal&complexity=beginner");
  await expect(page.getByRole("heading", { name: "No templates match" })).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).last().click();
  await expect(page).toHaveURL(/\/templates$/);

  // ── Full-text search, ranked, with the matches highlighted ──────────────────────────────
  await page.getByLabel("Search templates").fill("tax planning");
  await page.getByLabel("Search templates").press("Enter");
  await expect(page).toHaveURL(/\/templates\?q=tax\+planning$/);
  await expect(cards(page).first()).toContainText("AI Finance & Accounting Expert");
  const marks = cards(page).first().locator("mark");
  await expect(marks.first()).toBeVisible();
  expect((await marks.allTextContents()).map((text) => text.toLowerCase())).toEqual(
    expect.arrayContaining(["tax", "planning"]),
  );
  await expect(page.getByLabel("Sort by")).toHaveValue("");
  await expect(page.getByLabel("Sort by").locator("option").first()).toHaveText("Best match");
  // Sorting keeps the search.
  await page.getByLabel("Sort by").selectOption("newest");
  await expect(page).toHaveURL(/\/templates\?q=tax\+planning&sort=newest$/);
  await expect(page.getByLabel("Search templates")).toHaveValue("tax planning");

  // A search nothing matches.
  await page.goto("/templates?q=zebra%20quantum%20marmalade");
  await expect(page.getByRole("heading", { name: "No templates match" })).toBeVisible();
  await page.getByRole("link", { name: "Clear search" }).click();
  await expect(page).toHaveURL(/\/templates$/);

  // ── Malformed parameters: ignored with a readable notice, never a 500 ──────────────────
  const odd = await page.goto("/templates?complexity=expert&sort=sideways&page=abc&language=%3Cscript%3E");
  expect(odd?.status()).toBe(200);
  await expect(page.getByText('Unknown complexity "expert"')).toBeVisible();
  await expect(page.getByText('Unknown sort "sideways"')).toBeVisible();
  await expect(page.getByText('The page "abc" is not a number')).toBeVisible();
  expect(await cards(page).count()).toBeGreaterThanOrEqual(15);
  // A page past the end offers the last one.
  await page.goto("/templates?page=40");
  await expect(page.getByRole("heading", { name: "There is no page 40" })).toBeVisible();
  await page.getByRole("link", { name: /Go to the last page/ }).click();
  await expect(page).toHaveURL(/\/templates$/);

  // ── Without JavaScript the filters are a plain form ──────────────────────────────────────
  const noScript = await browser.newContext({ javaScriptEnabled: false, ...(baseURL ? { baseURL } : {}) });
  try {
    const plain = await noScript.newPage();
    await plain.goto("/templates");
    await plain.getByLabel("Complexity").selectOption("intermediate");
    await plain.getByLabel("Search templates").fill("project");
    await plain.getByRole("button", { name: "Search" }).click();
    await expect(plain).toHaveURL(/[?&]q=project&.*complexity=intermediate/);
    await expect(cards(plain).first()).toContainText("Project Assessment and Setup Flow");
    await expect(cards(plain).first().locator("mark").first()).toBeVisible();
  } finally {
    await noScript.close();
  }

  // ── On a phone ───────────────────────────────────────────────────────────────────────────
  await page.setViewportSize(PHONE);
  await page.goto("/templates");
  await expect(cards(page).first()).toBeVisible();
  await screenshot(page, "template-gallery-phone");
});

test("a template's page: details, diagram, live preview through quick replies and an AI step; unknown → 404", async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await page.goto("/templates");
  await cards(page).filter({ hasText: "AI Finance & Accounting Expert" }).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/templates/${FINANCE}$`));
  await expect(page.getByRole("heading", { level: 1, name: "AI Finance & Accounting Expert" })).toBeVisible();
  await expect(page).toHaveTitle(/Finance/);
  // What a crawler reads on a fresh load: the SEO title and description, as Open Graph too.
  await page.reload();
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /Finance/);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /.{20}/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/templates/${FINANCE}$`));
  await expect(page.getByRole("heading", { name: "Expertise" })).toBeVisible();
  const details = page.locator("dl");
  await expect(details).toContainText("Required integrations");
  await expect(details).toContainText("Setup time");
  await expect(details).toContainText("English");

  // The read-only diagram: the designer's node cards, nothing draggable.
  const diagram = page.getByTestId("template-diagram");
  await diagram.scrollIntoViewIfNeeded();
  await expect(diagram.getByTestId("node-area_menu")).toBeVisible();
  await expect(diagram.locator(".react-flow__node.draggable")).toHaveCount(0);

  // ── Live preview: the greeting and quick replies, then an AI step on the stand-in ─────
  const preview = page.getByRole("complementary");
  const log = preview.getByRole("log");
  await expect(log.getByText("Which area would you like help with?")).toBeVisible();
  standIn.enqueue({ chunks: ["Keep ", "every ", "ledger ", "entry ", "balanced."], chunkDelayMs: 20 });
  await preview.getByRole("button", { name: "General Ledger Management" }).click();
  await expect(log.getByText("Keep every ledger entry balanced.")).toBeVisible();
  // The AI step is a conversation: a follow-up question, then "thanks" leaves it.
  standIn.enqueue({ text: "Reconcile your accounts every month." });
  const composer = preview.getByRole("textbox");
  await composer.fill("How often should I reconcile?");
  await composer.press("Enter");
  await expect(log.getByText("Reconcile your accounts every month.")).toBeVisible();
  await composer.fill("thanks");
  await composer.press("Enter");
  await expect(log.getByText("Is there anything else I can help you with?")).toBeVisible();
  const asked = standIn.requests.filter((r) => r.route === "openai-chat");
  expect(asked.length).toBeGreaterThanOrEqual(1);
  expect(asked.at(-1)?.model).toBe("preview-model");
  await preview.getByRole("button", { name: "That's all, thanks" }).click();
  await expect(log.getByText(/Thanks for chatting/)).toBeVisible();
  await drawDiagram(page);
  await screenshot(page, "template-page", { docs: true });

  await page.setViewportSize(PHONE);
  await page.reload();
  await expect(
    page.getByRole("complementary").getByRole("log").getByText("Which area would you like help with?"),
  ).toBeVisible();
  await drawDiagram(page);
  await screenshot(page, "template-page-phone");

  // ── Unknown slugs ────────────────────────────────────────────────────────────────────────
  await page.setViewportSize(DESKTOP);
  for (const slug of ["no-such-template", "UPPER_case!", "x".repeat(300)]) {
    const missing = await page.goto(`/templates/${slug}`);
    expect(missing?.status(), slug).toBe(404);
    await expect(page.getByRole("heading", { name: "This template is not here" })).toBeVisible();
  }
  await page.getByRole("link", { name: "Browse the template gallery" }).click();
  await expect(page).toHaveURL(/\/templates$/);
});

test("use a template after signing up, land in the designer with its flow; rate it (1–5, changeable)", async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await page.goto(`/templates/${FINANCE}`);
  await expect(page.getByText(/Not used yet|Used \d/).first()).toBeVisible();
  const before = await page
    .getByText(/Not used yet|Used [\d,]+ times?/)
    .first()
    .textContent();
  await expect(page.getByRole("link", { name: "Sign in to rate this template" })).toBeVisible();

  // Signed out, "Use this template" goes through sign-in (here: sign-up) and comes back to ask where.
  await page.getByRole("link", { name: "Use this template" }).click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByRole("link", { name: "Create an account" }).click();
  const user = uniqueUser("templater");
  await fillSignUp(page, user);
  await expect(page).toHaveURL(new RegExp(`/templates/${FINANCE}\\?use=1$`), { timeout: 30_000 });
  const dialog = page.getByRole("dialog", { name: "Use “AI Finance & Accounting Expert”" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("radio")).toHaveCount(1);
  await expect(dialog.getByRole("radio")).toBeChecked();
  await dialog.getByRole("button", { name: "Create bot" }).click();

  // The designer opens on the new bot with a copy of the template's flow.
  await expect(page).toHaveURL(/\/app\/bots\/[^/]+$/, { timeout: 30_000 });
  await expect(page.getByTestId("flow-canvas")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("node-welcome")).toBeVisible();
  const bots = await trpcQuery<{ items: { name: string }[] }>(page.request, "bots.list", { limit: 10 });
  expect(bots.items.map((b) => b.name)).toContain("AI Finance & Accounting Expert");

  // Usage went up by one.
  await page.goto(`/templates/${FINANCE}`);
  const usedBefore = Number(before?.match(/[\d,]+/)?.[0]?.replace(/,/g, "") ?? 0);
  await expect(page.getByText(`Used ${(usedBefore + 1).toLocaleString("en-US")} time`).first()).toBeVisible();

  // ── Rating ────────────────────────────────────────────────────────────────────────────
  const rating = page.getByTestId("template-rating");
  await expect(rating).toContainText("Not rated yet");
  await rating.getByRole("button", { name: "Rate 4 stars" }).click();
  await expect(rating).toContainText("Saved: 4 stars");
  await expect(rating.getByRole("button", { name: "Rate 4 stars" })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(rating).toContainText("You gave 4 stars");
  // Rating again changes it: still one rating from this user.
  const countBefore = await trpc<{ ratingCount: number }>(page.request, "templates.rate", { slug: FINANCE, rating: 4 });
  await rating.getByRole("button", { name: "Rate 5 stars" }).click();
  await expect(rating).toContainText("Saved: 5 stars");
  await expect(rating).toContainText(`${countBefore.ratingCount} rating`);
  // Out of range is refused with a 400 that says why.
  const refused = await page.request.post("/api/trpc/templates.rate", { data: { json: { slug: FINANCE, rating: 6 } } });
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain("at most 5");
});

/** greeting → a choice → end: a bot small enough to publish in a test. */
function helpdeskFlow() {
  return {
    version: 1,
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
      { id: "hello", type: "message", position: { x: 300, y: 0 }, data: { text: "Welcome to the **helpdesk**." } },
      {
        id: "topic",
        type: "quick-reply",
        position: { x: 600, y: 0 },
        data: {
          prompt: "What do you need?",
          options: [
            { id: "password", label: "Reset my password" },
            { id: "other", label: "Something else" },
          ],
        },
      },
      { id: "bye", type: "end", position: { x: 900, y: 0 }, data: { message: "We are on it." } },
    ],
    edges: [
      { id: "e1", source: "start", target: "hello" },
      { id: "e2", source: "hello", target: "topic" },
      { id: "e3", source: "topic", sourceHandle: "password", target: "bye" },
      { id: "e4", source: "topic", sourceHandle: "other", target: "bye" },
    ],
  };
}

test("publish a bot as a public template, find it in the gallery signed out, republish, then unpublish", async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  const user = uniqueUser("publisher");
  await signUpViaApi(page.request, user);
  await signInViaApi(page.request, user);
  const word = `helpdesk${randomBytes(3).toString("hex")}`;
  const bot = await trpc<{ id: string }>(page.request, "bots.create", { name: "Helpdesk", flow: helpdeskFlow() });
  await trpc(page.request, "versions.publish", { botId: bot.id, note: "First release", draftRevision: 0 });

  // The dashboard's templates page starts empty.
  await page.goto("/app/templates");
  await expect(page.getByRole("heading", { name: "No templates yet" })).toBeVisible();

  // ── Publish from the bot's menu ────────────────────────────────────────────────────────
  await page.goto("/app/bots");
  await page.getByRole("button", { name: "Actions for Helpdesk" }).click();
  await page.getByRole("menuitem", { name: "Publish as template" }).click();
  await expect(page.getByRole("dialog", { name: "Publish “Helpdesk” as a template" })).toBeVisible();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name", { exact: true }).fill(`Helpdesk ${word}`);
  await dialog
    .getByLabel("Description", { exact: true })
    .fill(`Answers ${word} questions about passwords and accounts.`);
  await dialog.getByLabel("Category", { exact: true }).fill("Customer support");
  await dialog.getByLabel("Tags", { exact: true }).fill("helpdesk, passwords");
  await dialog.getByLabel("Languages", { exact: true }).fill("en, english!!");
  await dialog.getByLabel("Public").check();
  await dialog.getByRole("button", { name: "Publish template" }).click();
  // The server's 400 names the field.
  await expect(dialog.getByText('Use a language code such as "en" or "pt-br"')).toBeVisible();
  await expect(dialog.getByLabel("Languages", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await dialog.getByLabel("Languages", { exact: true }).fill("en, fr");
  await dialog.getByRole("button", { name: "Publish template" }).click();
  await expect(dialog.getByText(`Published “Helpdesk ${word}” as version 1.0.0.`)).toBeVisible();
  await dialog.getByRole("link", { name: "Open the template page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Helpdesk ${word}` })).toBeVisible();
  await expect(page.getByRole("complementary").getByRole("log").getByText("What do you need?")).toBeVisible();
  const slug = new URL(page.url()).pathname.split("/").pop() as string;

  // ── The dashboard lists it ───────────────────────────────────────────────────────────────
  await page.goto("/app/templates");
  const row = page.getByRole("listitem").filter({ hasText: `Helpdesk ${word}` });
  await expect(row).toContainText("Published");
  await expect(row).toContainText("Public");
  await expect(row).toContainText("Version 1.0.0");
  await screenshot(page, "dashboard-templates", { docs: true });
  await page.setViewportSize(PHONE);
  await screenshot(page, "dashboard-templates-phone");
  await page.setViewportSize(DESKTOP);

  // ── Republishing prefills the form and makes version 1.1.0 ──────────────────────────────
  await page.goto("/app/bots");
  await page.getByRole("button", { name: "Actions for Helpdesk" }).click();
  await page.getByRole("menuitem", { name: "Publish as template" }).click();
  await expect(page.getByRole("dialog", { name: `Republish “Helpdesk ${word}”` })).toBeVisible();
  const again = page.getByRole("dialog");
  await expect(again.getByLabel("Category", { exact: true })).toHaveValue("Customer support");
  await expect(again.getByLabel("Languages", { exact: true })).toHaveValue("en, fr");
  await expect(again.getByLabel("Public")).toBeChecked();
  await again.getByLabel("What changed? (optional)").fill("Clearer greeting");
  await again.getByRole("button", { name: "Publish new version" }).click();
  await expect(again.getByText(`Published “Helpdesk ${word}” as version 1.1.0.`)).toBeVisible();
  await again.getByRole("button", { name: "Done" }).click();

  // ── Signed out, the gallery finds it ─────────────────────────────────────────────────────
  await page.context().clearCookies();
  await page.goto(`/templates?q=${word}`);
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText(`Helpdesk ${word}`);
  await expect(cards(page).first().locator("mark").first()).toHaveText(new RegExp(word, "i"));
  await page.goto("/templates?category=Customer%20support");
  await expect(cards(page).filter({ hasText: `Helpdesk ${word}` })).toHaveCount(1);

  // ── Unpublished, it leaves the gallery and its page answers 404 to strangers ────────────
  await signInViaApi(page.request, user);
  await page.goto("/app/templates");
  await page
    .getByRole("listitem")
    .filter({ hasText: `Helpdesk ${word}` })
    .getByRole("button", { name: "Unpublish" })
    .click();
  await page.getByRole("dialog").getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByText(`“Helpdesk ${word}” is no longer in the gallery.`)).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: `Helpdesk ${word}` })).toContainText("Unpublished");
  // Members still see its page, marked as unpublished.
  await page.goto(`/templates/${slug}`);
  await expect(page.getByText(/This template is unpublished/)).toBeVisible();
  await page.context().clearCookies();
  await page.goto(`/templates?q=${word}`);
  await expect(page.getByRole("heading", { name: "No templates match" })).toBeVisible();
  expect((await page.goto(`/templates/${slug}`))?.status()).toBe(404);
});
