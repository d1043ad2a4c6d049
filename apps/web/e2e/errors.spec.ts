import { expect, test } from "@playwright/test";
import { fillSignUp, signInInUi, signInViaApi, signUpViaApi, uniqueUser } from "./helpers";

test.describe("bad input and forbidden places", () => {
  test("sign-up with an invalid email and a short password shows field messages, then recovers", async ({ page }) => {
    const user = uniqueUser("fields");
    await page.goto("/sign-up");
    await fillSignUp(page, { ...user, email: "not-an-email", password: "short" });

    const email = page.getByLabel("Email");
    const password = page.getByLabel("Password");
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(page.getByText("Use at least 8 characters")).toBeVisible();
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Name")).not.toHaveAttribute("aria-invalid", "true");
    // The messages belong to their fields (screen readers announce them with the field).
    await expect(email).toHaveAccessibleDescription("Enter a valid email address");
    await expect(password).toHaveAccessibleDescription("Use at least 8 characters");
    await expect(page).toHaveURL(/\/sign-up$/);

    // Nothing broke: correcting the fields creates the account.
    await email.fill(user.email);
    await password.fill(user.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/app$/);
    await expect(page.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
  });

  test("an address with a broken %-escape is a 400 with a readable message, never a 500", async ({ request }) => {
    for (const path of ["/templates/%E0%A4%A", "/c/%zz", "/app/bots/x%2"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(400);
      expect(await response.text(), path).toContain("broken %-escape");
    }
    const api = await request.post("/api/chat/%E0%A4%A", { data: { input: { type: "start" } } });
    expect(api.status()).toBe(400);
    expect((await api.json()).error.code).toBe("malformed-url");
  });

  test("sign-up with an email that is taken says it already exists", async ({ page, request }) => {
    const user = uniqueUser("taken");
    await signUpViaApi(request, user);

    await page.goto("/sign-up");
    // Same address in another case: emails are compared case-insensitively.
    await fillSignUp(page, { ...user, name: "Someone Else", email: user.email.toUpperCase() });
    await expect(
      page.getByRole("alert").filter({ hasText: "An account with this email already exists. Sign in instead." }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/sign-up$/);
    await expect(page.getByRole("button", { name: "Create account" })).toBeEnabled();
  });

  test('a wrong password on sign-in shows "Wrong email or password."', async ({ page, request }) => {
    const user = uniqueUser("wrongpw");
    await signUpViaApi(request, user);

    await signInInUi(page, { email: user.email, password: "not-the-password" });
    await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);

    // An unknown address gets the very same answer (no account enumeration).
    await signInInUi(page, { email: `nobody-${Date.now()}@e2e.test`, password: user.password });
    await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();

    // The right password still works afterwards.
    await signInInUi(page, user);
    await expect(page).toHaveURL(/\/app$/);
    await expect(page.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
  });

  test("an invalid invitation link says it is not valid", async ({ page }) => {
    // Well-formed but unknown.
    await page.goto("/invite/inv_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    await expect(page.getByRole("heading", { name: "Invitation not found" })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "This invitation link is not valid." })).toBeVisible();
    await expect(page.getByRole("link", { name: "Create an account to accept" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Accept invitation" })).toHaveCount(0);

    // Not even shaped like an invitation token.
    await page.goto("/invite/garbage");
    await expect(page.getByRole("heading", { name: "Invitation not found" })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "This invitation link is not valid." })).toBeVisible();

    await page.getByRole("link", { name: "Go to the home page" }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test("a viewer sees no invite controls and cannot change roles", async ({ page, browser, baseURL }) => {
    const owner = uniqueUser("vowner");
    const viewer = uniqueUser("viewer");

    // Setup through the API: the owner invites the viewer.
    const ownerContext = await browser.newContext({ baseURL });
    let link: string;
    try {
      await signUpViaApi(ownerContext.request, owner);
      await signInViaApi(ownerContext.request, owner);
      const created = await ownerContext.request.post("/api/trpc/invitations.create", {
        data: { json: { email: viewer.email, role: "viewer" } },
      });
      expect(created.status(), await created.text()).toBe(200);
      link = ((await created.json()) as { result: { data: { json: { link: string } } } }).result.data.json.link;
    } finally {
      await ownerContext.close();
    }

    // The viewer signs up and accepts in the UI.
    await signUpViaApi(page.request, viewer);
    await signInViaApi(page.request, viewer);
    await page.goto(link);
    await page.getByRole("button", { name: "Accept invitation" }).click();
    await expect(page).toHaveURL(/\/app$/);
    await expect(page.getByTestId("current-role")).toHaveText("viewer");

    await page.goto("/app/settings/members");
    await expect(page.getByTestId(`member-${owner.email}`).getByTestId("member-role-badge")).toHaveText("owner");
    await expect(page.getByTestId(`member-${viewer.email}`).getByTestId("member-role-badge")).toHaveText("viewer");
    await expect(page.getByRole("heading", { name: "Invite a member" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Pending invitations" })).toHaveCount(0);
    await expect(page.getByTestId("member-list").getByTestId("member-role")).toHaveCount(0);
    await expect(page.getByTestId("member-list").getByRole("button", { name: "Remove" })).toHaveCount(0);

    // The other admin-only screens explain themselves instead of failing.
    await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Audit log" }).click();
    await expect(page.getByText("Only owners and admins can read the audit log.")).toBeVisible();
    await expect(page.getByTestId("audit-table")).toHaveCount(0);
    await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "API tokens" }).click();
    await expect(page.getByText("Viewers cannot create API tokens.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create token" })).toHaveCount(0);

    // And the API refuses what the UI hides.
    const sneaky = await page.request.post("/api/trpc/invitations.create", {
      data: { json: { email: `x-${Date.now()}@e2e.test`, role: "viewer" } },
    });
    expect(sneaky.status()).toBe(403);
  });

  test("an invitation with a bad email shows a field message", async ({ page }) => {
    const owner = uniqueUser("invbad");
    await signUpViaApi(page.request, owner);
    await signInViaApi(page.request, owner);
    await page.goto("/app/settings/members");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/valid email/i);
    await expect(page.getByTestId("invitation-link")).toHaveCount(0);
  });

  test("/app when signed out redirects to /sign-in, and back after signing in", async ({ page, request }) => {
    await page.goto("/app");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=(%2F|\/)app$/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

    await page.goto("/app/settings/members");
    await expect(page).toHaveURL(/\/sign-in/);

    // Sign in, then sign out through the account menu: /app is closed again.
    const user = uniqueUser("signout");
    await signUpViaApi(request, user);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/app$/);
    await page.getByLabel("Account menu").click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto("/app");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
