import { describe, expect, it } from "vitest";
import { db, expectNoStackTrace, http, uniqueEmail, useTestDatabase } from "./helpers.ts";

useTestDatabase();

const signUp = (input: unknown) => http({ path: "auth.signUp", method: "POST", input });

describe("sign-up errors over HTTP", () => {
  it("a valid sign-up → 200 with the user and its personal organization", async () => {
    const email = uniqueEmail("signup");
    const result = await signUp({ name: "Ada", email: `  ${email.toUpperCase()} `, password: "long enough pw" });
    expect(result.status).toBe(200);
    const data = result.data as { userId: string; organizationId: string };
    const user = await db().user.findUniqueOrThrow({ where: { id: data.userId } });
    expect(user.email).toBe(email);
    const membership = await db().membership.findFirstOrThrow({ where: { userId: data.userId } });
    expect(membership).toMatchObject({ organizationId: data.organizationId, role: "owner" });
    expect(result.text).not.toContain("long enough pw");
  });

  it("an invalid email → 400 with fieldErrors on `email`", async () => {
    const result = await signUp({ name: "Ada", email: "not-an-email", password: "long enough pw" });
    expect(result.status).toBe(400);
    expect(result.error?.data.code).toBe("BAD_REQUEST");
    expect(result.error?.data.fieldErrors).toEqual([{ path: "email", message: "Enter a valid email address" }]);
    expect(result.error?.message).toBe("Invalid input: email: Enter a valid email address");
    expectNoStackTrace(result);
  });

  it("a short password → 400 with fieldErrors on `password`", async () => {
    const result = await signUp({ name: "Ada", email: uniqueEmail(), password: "short" });
    expect(result.status).toBe(400);
    expect(result.error?.data.fieldErrors).toEqual([{ path: "password", message: "Use at least 8 characters" }]);
    expect(result.error?.message).toContain("password: Use at least 8 characters");
    expectNoStackTrace(result);
  });

  it("several bad fields are all named", async () => {
    const result = await signUp({ name: "", email: "x", password: "1" });
    expect(result.status).toBe(400);
    expect(result.error?.data.fieldErrors?.map((f) => f.path).sort()).toEqual(["email", "name", "password"]);
  });

  it("a missing input → 400, not 500", async () => {
    const result = await http({ path: "auth.signUp", method: "POST", rawBody: "{}" });
    expect(result.status).toBe(400);
    expectNoStackTrace(result);
  });

  it("a duplicate email → 409 with a clear message", async () => {
    const email = uniqueEmail("dup");
    expect((await signUp({ name: "First", email, password: "long enough pw" })).status).toBe(200);
    const again = await signUp({ name: "Second", email: email.toUpperCase(), password: "another password" });
    expect(again.status).toBe(409);
    expect(again.error?.data.code).toBe("CONFLICT");
    expect(again.error?.message).toBe("An account with this email already exists. Sign in instead.");
    expectNoStackTrace(again);
    expect(await db().user.count({ where: { email } })).toBe(1);
  });

  it("two simultaneous sign-ups with one email → one 200, one 409 (never 500)", async () => {
    const email = uniqueEmail("race");
    const results = await Promise.all([
      signUp({ name: "One", email, password: "long enough pw" }),
      signUp({ name: "Two", email, password: "long enough pw" }),
    ]);
    for (const r of results) expectNoStackTrace(r);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await db().user.count({ where: { email } })).toBe(1);
  });
});

describe("protocol errors over HTTP", () => {
  it("a malformed JSON body → 400, not 500", async () => {
    const result = await http({ path: "auth.signUp", method: "POST", rawBody: '{"json": {"name": "Ada",' });
    expect(result.status).toBe(400);
    expect(result.error?.data.code).toBe("BAD_REQUEST");
    expect(result.error?.message).toMatch(/JSON/);
    expectNoStackTrace(result);
  });

  it("malformed ?input= on a query → 400", async () => {
    const raw = await http({ path: "invitations.preview?input=%7Bnot-json", method: "GET" });
    expect(raw.status).toBe(400);
    expectNoStackTrace(raw);
  });

  it("an unknown procedure → 404", async () => {
    const result = await http({ path: "nope.nothing", method: "GET" });
    expect(result.status).toBe(404);
    expect(result.error?.data.code).toBe("NOT_FOUND");
    expectNoStackTrace(result);
  });

  it("the wrong HTTP method → 405 naming the problem, not 500", async () => {
    const query = await http({ path: "organization.current", method: "POST", rawBody: "{}" });
    expect(query.status).toBe(405);
    expect(query.error?.message).toMatch(/Unsupported POST-request to query procedure/);
    expectNoStackTrace(query);
    const mutation = await http({ path: "auth.signUp", method: "GET" });
    expect(mutation.status).toBe(405);
    expectNoStackTrace(mutation);
  });

  it("an organization call without a session → 401 'Sign in to continue.'", async () => {
    const result = await http({ path: "organization.current", method: "GET" });
    expect(result.status).toBe(401);
    expect(result.error?.data.code).toBe("UNAUTHORIZED");
    expect(result.error?.message).toBe("Sign in to continue.");
    expectNoStackTrace(result);
  });

  it("a user call without a session → 401; a mutation too", async () => {
    expect((await http({ path: "auth.me", method: "GET" })).status).toBe(401);
    const create = await http({ path: "organization.create", method: "POST", input: { name: "Nope" } });
    expect(create.status).toBe(401);
    expectNoStackTrace(create);
  });

  it("a session for an organization the user is not in → 403", async () => {
    const signed = await signUp({ name: "Solo", email: uniqueEmail("solo"), password: "long enough pw" });
    const { userId } = signed.data as { userId: string };
    const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
    const other = await signUp({ name: "Other", email: uniqueEmail("other"), password: "long enough pw" });
    const { organizationId } = other.data as { organizationId: string };
    const result = await http({
      path: "organization.current",
      method: "GET",
      headers: { "x-pixel-organization": organizationId },
      sessionUser: { id: user.id, email: user.email },
    });
    expect(result.status).toBe(403);
    expect(result.error?.message).toBe("You are not a member of this organization.");
    expectNoStackTrace(result);
  });
});
