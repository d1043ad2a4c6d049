import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";

export const PASSWORD = "correct-horse-battery-staple";

export interface TestUser {
  name: string;
  email: string;
  password: string;
}

/** A user nobody else has used: unique per run, per test and per call, so tests never share state. */
export function uniqueUser(label: string): TestUser {
  const id = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const name = `${label[0]?.toUpperCase()}${label.slice(1)} ${id.slice(-4)}`;
  return { name, email: `${label}-${id}@e2e.test`, password: PASSWORD };
}

/** Fills the sign-up form on the current page (already at /sign-up) and submits it. */
export async function fillSignUp(page: Page, user: TestUser) {
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Signs up through the UI and waits for the dashboard. */
export async function signUpInUi(page: Page, user: TestUser, origin = "") {
  await page.goto(`${origin}/sign-up`);
  await fillSignUp(page, user);
  await expect(page).toHaveURL(/\/app$/);
  await expect(page.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
}

export async function signInInUi(page: Page, user: Pick<TestUser, "email" | "password">, origin = "") {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Creates an account through the API, as a quick setup step for tests whose subject is elsewhere.
 * superjson wraps the input as {"json": …}.
 */
export async function signUpViaApi(request: APIRequestContext, user: TestUser) {
  const response = await request.post("/api/trpc/auth.signUp", {
    data: { json: { name: user.name, email: user.email, password: user.password } },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/**
 * Signs in through next-auth's credentials endpoint. With a page's `page.request` the session cookie
 * lands in the browser context, so the page is signed in afterwards.
 */
export async function signInViaApi(request: APIRequestContext, user: Pick<TestUser, "email" | "password">) {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, json: "true" },
  });
  expect(response.ok(), await response.text()).toBe(true);
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe(user.email);
}

/**
 * Saves a full-page screenshot to e2e/screenshots/<name>.png; with `docs`, also copies it into
 * docs/screenshots/ (the README shows those).
 */
export async function screenshot(page: Page, name: string, options: { docs?: boolean } = {}) {
  const testDir = test.info().project.testDir; // apps/web/e2e
  const dir = path.join(testDir, "screenshots");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  // No hover styles from the last click in the picture; fonts loaded; animations are disabled below.
  await page.mouse.move(0, 0);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: file, fullPage: true, animations: "disabled", caret: "hide" });
  if (options.docs) {
    const docsDir = path.resolve(testDir, "../../../docs/screenshots");
    mkdirSync(docsDir, { recursive: true });
    copyFileSync(file, path.join(docsDir, `${name}.png`));
  }
}

/** A tRPC call over HTTP as the signed-in browser (superjson wraps input and output in {"json": …}). */
export async function trpc<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = await response.text();
  expect(response.status(), body).toBe(200);
  return (JSON.parse(body) as { result: { data: { json: T } } }).result.data.json;
}

/** A tRPC query over HTTP (GET with the input in ?input=). */
export async function trpcQuery<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  const body = await response.text();
  expect(response.status(), body).toBe(200);
  return (JSON.parse(body) as { result: { data: { json: T } } }).result.data.json;
}
