import { expect, test } from "@playwright/test";
import { screenshot, signUpInUi, uniqueUser } from "./helpers";

// An input-less query over GET: tRPC reads a missing `input` as undefined, so none is sent.
const CURRENT_ORGANIZATION = "/api/trpc/organization.current";

interface CurrentOrganization {
  result: { data: { json: { id: string; name: string; role: string } } };
}

test("an API token created in the UI authenticates API calls until it is revoked", async ({ page, request }) => {
  const user = uniqueUser("tokens");
  const tokenName = `CI deploys ${user.name.split(" ")[1]}`;
  await signUpInUi(page, user);
  const orgName = `${user.name}'s workspace`;

  await page.goto("/app/settings/api-tokens");
  await expect(page.getByText("No tokens yet.")).toBeVisible();
  await page.getByLabel("Token name").fill(tokenName);
  await page.getByLabel("Expires").selectOption("30");
  await page.getByRole("button", { name: "Create token" }).click();

  const tokenField = page.getByTestId("new-api-token");
  await expect(tokenField).toHaveValue(/^pxl_\S{20,}$/);
  const token = await tokenField.inputValue();
  const row = page.getByTestId("token-list").getByRole("listitem").filter({ hasText: tokenName });
  await expect(row).toContainText("active");
  await expect(row).toContainText("never used");
  await expect(row).toContainText("expires");
  // The list shows a masked form, never the token itself.
  await expect(page.getByTestId("token-list")).not.toContainText(token);
  await screenshot(page, "api-tokens", { docs: true });

  // Without credentials the API refuses.
  const anonymous = await request.get(CURRENT_ORGANIZATION);
  expect(anonymous.status()).toBe(401);

  // With the token (and no cookies at all: the `request` fixture has its own, empty jar) it answers.
  const auth = { Authorization: `Bearer ${token}` };
  const ok = await request.get(CURRENT_ORGANIZATION, { headers: auth });
  expect(ok.status(), await ok.text()).toBe(200);
  const body = (await ok.json()) as CurrentOrganization;
  expect(body.result.data.json.name).toBe(orgName);
  expect(body.result.data.json.role).toBe("owner");
  // superjson's explicit form for "no input" works the same.
  const withNullInput = await request.get(
    `${CURRENT_ORGANIZATION}?input=${encodeURIComponent(JSON.stringify({ json: null }))}`,
    { headers: auth },
  );
  expect(withNullInput.status()).toBe(200);

  // The token's use is recorded.
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText("last used", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  // Revoke asks first; dismissing keeps the token.
  let confirmText = "";
  page.once("dialog", (dialog) => {
    confirmText = dialog.message();
    void dialog.dismiss();
  });
  await row.getByRole("button", { name: "Revoke" }).click();
  expect(confirmText).toContain(`Revoke "${tokenName}"?`);
  await expect(row).toContainText("active");
  expect((await request.get(CURRENT_ORGANIZATION, { headers: auth })).status()).toBe(200);

  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);

  const revoked = await request.get(CURRENT_ORGANIZATION, { headers: auth });
  expect(revoked.status()).toBe(401);
  expect(revoked.headers()["www-authenticate"]).toContain("invalid_token");
  expect(await revoked.text()).toContain("invalid, expired or revoked");

  // The audit log recorded both.
  await page.goto("/app/settings/audit");
  const audit = page.getByTestId("audit-table");
  await expect(audit.getByRole("row").filter({ hasText: `Created the API token "${tokenName}"` })).toHaveCount(1);
  await expect(audit.getByRole("row").filter({ hasText: `Revoked the API token "${tokenName}"` })).toHaveCount(1);
});
