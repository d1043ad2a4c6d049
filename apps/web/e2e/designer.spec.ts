import { expect, type Locator, type Page, test } from "@playwright/test";
import { screenshot, signInViaApi, signUpViaApi, uniqueUser } from "./helpers";

const modifier = process.platform === "darwin" ? "Meta" : "Control";

// Whole journeys through the designer: many steps, each waiting for the autosave.
test.describe.configure({ timeout: 300_000 });

/** The canvas card of the first node of a type. */
function nodeOfType(page: Page, type: string): Locator {
  return page.locator(`[data-node-type="${type}"]`).first();
}

/** Drags from an output handle of one node to the input handle of another, as a person does. */
async function connect(page: Page, from: Locator, outputLabel: string, to: Locator) {
  const source = from.getByLabel(`Output ${outputLabel}`);
  const target = to.locator(".react-flow__handle.target");
  const a = await source.boundingBox();
  const b = await target.boundingBox();
  if (!a || !b) throw new Error("handles not visible");
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
}

async function expectSaved(page: Page) {
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
}

async function createBotInUi(page: Page, name: string) {
  await page.goto("/app/bots");
  await page.getByRole("button", { name: "New bot" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: /create/i }).click();
  await expect(page).toHaveURL(/\/app\/bots\/[^/]+$/);
  await expect(nodeOfType(page, "message")).toBeVisible();
}

test("build a flow by drag and drop, edit, undo/redo, preview, publish, diff and roll back", async ({ page }) => {
  const user = uniqueUser("designer");
  await signUpViaApi(page.request, user);
  await signInViaApi(page.request, user);
  await createBotInUi(page, "Fruit bot");
  await page.getByRole("button", { name: "Fit view", exact: true }).click();

  // ── Drag a quick reply and an end node from the palette onto the canvas ───────────────
  const canvas = page.getByTestId("flow-canvas");
  const box = await canvas.boundingBox();
  if (!box) throw new Error("no canvas");
  await page.locator('[data-palette-type="quick-reply"]').dragTo(canvas, {
    targetPosition: { x: box.width * 0.8, y: box.height * 0.2 },
  });
  await expect(nodeOfType(page, "quick-reply")).toBeVisible();
  await page.locator('[data-palette-type="end"]').dragTo(canvas, {
    targetPosition: { x: box.width * 0.8, y: box.height * 0.75 },
  });
  await expect(nodeOfType(page, "end")).toBeVisible();
  // Tidy up: the layered auto-layout, then fit everything in view.
  await page.getByRole("button", { name: "Auto-layout" }).click();
  await page.waitForTimeout(500); // the view animates
  await page.getByRole("button", { name: "Fit view", exact: true }).click();
  await page.waitForTimeout(500);

  // ── Connect greeting → quick reply → end ───────────────────────────────────────────────
  await connect(page, nodeOfType(page, "message"), "Next", nodeOfType(page, "quick-reply"));
  await connect(page, nodeOfType(page, "quick-reply"), "Option A", nodeOfType(page, "end"));
  await connect(page, nodeOfType(page, "quick-reply"), "Option B", nodeOfType(page, "end"));
  await expect(page.locator(".react-flow__edge")).toHaveCount(4);

  // ── Edit properties ────────────────────────────────────────────────────────────────────
  await nodeOfType(page, "message").click();
  const message = page.getByRole("textbox", { name: "Message", exact: true });
  await message.fill("Welcome to the fruit stand!");
  await expect(nodeOfType(page, "message")).toContainText("Welcome to the fruit stand!");
  await nodeOfType(page, "quick-reply").click();
  await page.getByRole("textbox", { name: "Question" }).fill("Apples or bananas?");
  await nodeOfType(page, "end").click();
  await page.getByRole("textbox", { name: "Closing message" }).fill("Enjoy your fruit.");
  await expectSaved(page);
  await screenshot(page, "designer-flow", { docs: true });

  // ── Undo and redo (keyboard, with the focus on the canvas) ─────────────────────────────
  await page.getByRole("heading", { name: "Fruit bot" }).click(); // leave the text field: shortcuts act on the flow
  await page.keyboard.press(`${modifier}+z`);
  await expect(nodeOfType(page, "end")).not.toContainText("Enjoy your fruit.");
  await page.keyboard.press(`${modifier}+Shift+z`);
  await expect(nodeOfType(page, "end")).toContainText("Enjoy your fruit.");
  await page.getByRole("button", { name: "Undo" }).click();
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(nodeOfType(page, "end")).toContainText("Enjoy your fruit.");
  await expectSaved(page);

  // ── Preview: chat through the draft ────────────────────────────────────────────────────
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("complementary", { name: "Preview" });
  await expect(preview.getByText("Welcome to the fruit stand!")).toBeVisible();
  await expect(preview.getByText("Apples or bananas?")).toBeVisible();
  await preview.getByRole("button", { name: "Option A" }).click();
  await expect(preview.getByText("Enjoy your fruit.")).toBeVisible();
  await screenshot(page, "designer-preview", { docs: true });
  await page.getByRole("button", { name: "Preview" }).click();

  // ── Publish version 1 ──────────────────────────────────────────────────────────────────
  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByLabel("What changed?").fill("First version");
  await page.getByRole("dialog").getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published version 1")).toBeVisible();

  // ── Change it and publish version 2 ────────────────────────────────────────────────────
  await page.getByRole("button", { name: "Versions" }).click(); // the panel opened on publish; close it
  await page.getByRole("button", { name: "Fit view", exact: true }).click();
  await page.waitForTimeout(500);
  await nodeOfType(page, "message").click();
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("Hello, fruit lover!");
  await expectSaved(page);
  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByLabel("What changed?").fill("Friendlier greeting");
  await page.getByRole("dialog").getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published version 2")).toBeVisible();

  // ── Diff the two versions ──────────────────────────────────────────────────────────────
  const versions = page.getByRole("complementary", { name: "Versions" });
  await expect(versions.getByText("Friendlier greeting")).toBeVisible();
  await expect(versions.getByText("First version")).toBeVisible();
  await versions.getByRole("checkbox", { name: "Compare Version 1" }).check();
  await versions.getByRole("checkbox", { name: "Compare Version 2" }).check();
  await expect(versions.getByText(/changed: .*Message/)).toBeVisible();
  await screenshot(page, "designer-versions-diff", { docs: true });

  // ── Roll back: version 1 becomes the draft (an undoable edit, saved like any other) ────
  await versions.getByRole("button", { name: "Restore version 1 as draft" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Replace the draft" }).click();
  await page.getByRole("button", { name: "Versions" }).click();
  await page.getByRole("button", { name: "Fit view", exact: true }).click();
  await page.waitForTimeout(500);
  await expect(nodeOfType(page, "message")).toContainText("Welcome to the fruit stand!");
  await expectSaved(page);
  await page.reload();
  await expect(nodeOfType(page, "message")).toContainText("Welcome to the fruit stand!");
});

test("two browser windows edit one bot: separate edits merge, the same edit asks, nothing is lost", async ({
  browser,
}) => {
  const user = uniqueUser("collab");
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const a = await alice.newPage();
  const b = await bob.newPage();
  await signUpViaApi(a.request, user);
  await signInViaApi(a.request, user);
  await signInViaApi(b.request, user);
  await createBotInUi(a, "Shared bot");
  await b.goto(a.url());
  await expect(nodeOfType(b, "message")).toBeVisible();

  // Alice adds a node, Bob edits the greeting: both survive in both windows.
  await a.locator('[data-palette-type="end"]').click();
  await expect(nodeOfType(a, "end")).toBeVisible();
  await nodeOfType(b, "message").click();
  await b.getByRole("textbox", { name: "Message", exact: true }).fill("Bob's greeting");
  await expectSaved(a);
  await expectSaved(b);
  await expect(nodeOfType(b, "end")).toBeVisible({ timeout: 10_000 });
  await expect(nodeOfType(a, "message")).toContainText("Bob's greeting", { timeout: 10_000 });

  // The same field changed in both: Bob is offline while Alice saves hers; back online, Bob is asked.
  await bob.setOffline(true);
  await b.getByRole("textbox", { name: "Message", exact: true }).fill("Bob's second greeting");
  await expect(b.getByTestId("save-state")).toHaveAttribute("data-state", /offline|saving/);
  await nodeOfType(a, "message").click();
  await a.getByRole("textbox", { name: "Message", exact: true }).fill("Alice's greeting");
  await expectSaved(a);
  await bob.setOffline(false);
  const dialog = b.getByRole("dialog", { name: /someone else changed/i });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(dialog).toContainText("Alice's greeting");
  await expect(dialog).toContainText("Bob's second greeting");
  await screenshot(b, "designer-conflict", { docs: true });
  await dialog.getByRole("button", { name: "Keep all mine" }).click();
  await expectSaved(b);
  // Alice's window picks up Bob's choice; her version was shown to Bob, not silently dropped.
  await expect(nodeOfType(a, "message")).toContainText("Bob's second greeting", { timeout: 10_000 });
  await expect(nodeOfType(a, "end")).toBeVisible();
  await alice.close();
  await bob.close();
});

test("import refuses an invalid file with what is wrong; export then import round-trips", async ({ page }) => {
  const user = uniqueUser("importer");
  await signUpViaApi(page.request, user);
  await signInViaApi(page.request, user);
  await createBotInUi(page, "Import bot");
  await page.getByTestId("import-file").setInputFiles({
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"version": 1, "nodes": [{"id": "x", "type": "teleport"}]}'),
  });
  await expect(page.getByTestId("import-problems")).toContainText(/teleport|type/i);
  await page.getByRole("button", { name: "Close" }).click();
  await expect(nodeOfType(page, "message")).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export JSON" }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  const exported = JSON.parse(Buffer.concat(text).toString("utf8")) as { nodes: { type: string }[] };
  expect(exported.nodes.map((n) => n.type).sort()).toEqual(["message", "start"]);
});
