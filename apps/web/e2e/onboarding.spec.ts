import { expect, test } from "@playwright/test";
import { fillSignUp, screenshot, uniqueUser } from "./helpers";

test.describe("onboarding", () => {
  test.setTimeout(120_000);

  test("owner signs up, invites a viewer, promotes them to editor; both sides and the audit log agree", async ({
    page,
    browser,
    baseURL,
  }) => {
    const owner = uniqueUser("owner");
    const member = uniqueUser("member");

    // ── Landing ──────────────────────────────────────────────────────────────────────────────
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("chatbots");
    await screenshot(page, "landing", { docs: true });

    // ── Sign up as the owner ─────────────────────────────────────────────────────────────────
    await page.getByRole("link", { name: "Get started" }).click();
    await expect(page).toHaveURL(/\/sign-up$/);
    await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
    await screenshot(page, "sign-up", { docs: true });
    await fillSignUp(page, owner);

    // ── Dashboard ────────────────────────────────────────────────────────────────────────────
    await expect(page).toHaveURL(/\/app$/);
    await expect(page.getByRole("heading", { name: `Welcome, ${owner.name}` })).toBeVisible();
    const orgName = `${owner.name}'s workspace`;
    await expect(page.getByTestId("overview-organization")).toHaveText(orgName);
    const ownerSwitcher = page.getByTestId("organization-switcher");
    await expect(ownerSwitcher.locator("option:checked")).toHaveText(orgName);
    await expect(page.getByTestId("current-role")).toHaveText("owner");
    const nav = page.getByRole("navigation").filter({ has: page.getByRole("link", { name: "Overview" }) });
    for (const label of [
      "Overview",
      "Bots",
      "Templates",
      "Deployments",
      "AI providers",
      "Conversations",
      "Analytics",
      "Settings",
    ]) {
      await expect(nav.getByRole("link", { name: label })).toBeVisible();
    }
    await screenshot(page, "dashboard", { docs: true });

    // ── Settings → Members → invite a viewer ─────────────────────────────────────────────────
    await nav.getByRole("link", { name: "Settings" }).click();
    await expect(page).toHaveURL(/\/app\/settings$/);
    await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Members" }).click();
    await expect(page).toHaveURL(/\/app\/settings\/members$/);
    await expect(page.getByTestId(`member-${owner.email}`)).toContainText("(you)");

    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await expect(page.getByRole("heading", { name: "Invite a member" })).toBeVisible();
    await page.getByLabel("Email").fill(member.email);
    await page.getByLabel("Role", { exact: true }).selectOption("viewer");
    await page.getByRole("button", { name: "Send invitation" }).click();

    const linkField = page.getByTestId("invitation-link");
    await expect(linkField).toHaveValue(new RegExp(`^${baseURL}/invite/inv_[A-Za-z0-9_-]{20,64}$`));
    const inviteLink = await linkField.inputValue();
    await expect(page.getByText(`Invitation for ${member.email} created`)).toBeVisible();
    // "Copy the link": the Copy button puts exactly that link on the clipboard.
    await page.getByRole("button", { name: "Copy", exact: true }).click();
    await expect(page.getByRole("button", { name: "Copied", exact: true })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(inviteLink);
    // The pending invitation is listed with its role.
    const pending = page.getByTestId("invitation-list").getByTestId(`invitation-${member.email}`);
    await expect(pending).toContainText("viewer");
    await screenshot(page, "members", { docs: true });
    // The same page in the dark theme, to review contrast (not for the docs).
    await page.emulateMedia({ colorScheme: "dark" });
    await expect(page.locator("html")).toHaveClass(/dark/);
    await screenshot(page, "members-dark");
    await page.emulateMedia({ colorScheme: "light" });
    await expect(page.locator("html")).not.toHaveClass(/dark/);

    // ── Second browser: the invitee opens the link and creates the account ─────────────────
    const memberContext = await browser.newContext({ baseURL });
    try {
      const memberPage = await memberContext.newPage();
      await memberPage.goto(inviteLink);
      await expect(memberPage.getByRole("heading", { name: `Join ${orgName}` })).toBeVisible();
      await expect(memberPage.getByText(member.email)).toBeVisible();
      await expect(memberPage.getByText("viewer", { exact: true })).toBeVisible();
      await screenshot(memberPage, "invite", { docs: true });

      await memberPage.getByRole("link", { name: "Create an account to accept" }).click();
      await expect(memberPage).toHaveURL(/\/sign-up\?callbackUrl=/);
      await fillSignUp(memberPage, member);

      // Back on the invitation, now signed in.
      await expect(memberPage).toHaveURL(new RegExp(`/invite/${inviteLink.split("/invite/")[1]}$`));
      await expect(memberPage.getByText(`Signed in as ${member.email}.`)).toBeVisible();
      await screenshot(memberPage, "invite-accept", { docs: true });
      await memberPage.getByRole("button", { name: "Accept invitation" }).click();

      // The member lands in the dashboard with the owner's organization active, as a viewer.
      await expect(memberPage).toHaveURL(/\/app$/);
      const memberSwitcher = memberPage.getByTestId("organization-switcher");
      await expect(memberSwitcher.locator("option:checked")).toHaveText(orgName);
      // Both organizations are offered: the member's own workspace and the one joined.
      await expect(memberSwitcher.locator("option")).toHaveCount(2);
      await expect(memberSwitcher.locator("option", { hasText: `${member.name}'s workspace` })).toHaveCount(1);
      await expect(memberPage.getByTestId("current-role")).toHaveText("viewer");
      await expect(memberPage.getByTestId("overview-organization")).toHaveText(orgName);

      // The member watches the members page (no invite controls for a viewer).
      await memberPage.goto("/app/settings/members");
      const myRow = memberPage.getByTestId(`member-${member.email}`);
      await expect(myRow.getByTestId("member-role-badge")).toHaveText("viewer");
      await expect(memberPage.getByRole("heading", { name: "Invite a member" })).toHaveCount(0);
      await screenshot(memberPage, "member-viewer");

      // ── The owner promotes the member to editor ──────────────────────────────────────────
      // The owner's list refetches every 4 s, so the new member appears without a reload.
      const ownerRowOfMember = page.getByTestId(`member-${member.email}`);
      await expect(ownerRowOfMember.getByTestId("member-role")).toHaveValue("viewer");
      await expect(pending).toHaveCount(0); // the accepted invitation is no longer pending
      await ownerRowOfMember.getByTestId("member-role").selectOption("editor");
      await expect(ownerRowOfMember.getByTestId("member-role")).toHaveValue("editor");
      await expect(ownerRowOfMember.getByTestId("member-role")).toBeEnabled();

      // Visible in the member's context WITHOUT a reload: the current role and the list poll every 4 s.
      const navigations: string[] = [];
      memberPage.on("framenavigated", (frame) => {
        if (frame === memberPage.mainFrame()) navigations.push(frame.url());
      });
      await expect(memberPage.getByTestId("current-role")).toHaveText("editor", { timeout: 15_000 });
      await expect(myRow.getByTestId("member-role-badge")).toHaveText("editor", { timeout: 15_000 });
      expect(navigations, "the member's page must not have reloaded").toEqual([]);
      await screenshot(memberPage, "member-after-role-change", { docs: true });

      // And it is stored: the owner still sees editor after a reload.
      await page.reload();
      await expect(page.getByTestId(`member-${member.email}`).getByTestId("member-role")).toHaveValue("editor");
    } finally {
      await memberContext.close();
    }

    // ── Audit log (owner) ────────────────────────────────────────────────────────────────────
    await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Audit log" }).click();
    await expect(page).toHaveURL(/\/app\/settings\/audit$/);
    const audit = page.getByTestId("audit-table");
    const roleChange = audit
      .getByRole("row")
      .filter({ hasText: `Changed ${member.email}'s role from viewer to editor` });
    const invitation = audit.getByRole("row").filter({ hasText: `Invited ${member.email} as viewer` });
    const joined = audit.getByRole("row").filter({ hasText: `${member.email} joined as viewer` });
    await expect(roleChange).toHaveCount(1);
    await expect(roleChange).toContainText(owner.name);
    await expect(invitation).toHaveCount(1);
    await expect(invitation).toContainText(owner.name);
    await expect(joined).toHaveCount(1);
    await expect(joined).toContainText(member.name);
    // Newest first: the role change comes before the join, which comes before the invitation.
    const descriptions = await audit.locator("tbody tr td:nth-child(3)").allInnerTexts();
    const at = (text: string) => descriptions.findIndex((d) => d.includes(text));
    expect(at("role from viewer to editor")).toBeLessThan(at("joined as viewer"));
    expect(at("joined as viewer")).toBeLessThan(at(`Invited ${member.email}`));
    await screenshot(page, "audit", { docs: true });

    // The filter narrows the log to invitations only.
    await page.getByLabel("Show").selectOption("invitation");
    await expect(invitation).toHaveCount(1);
    await expect(roleChange).toHaveCount(0);
  });
});
