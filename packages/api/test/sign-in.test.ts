import { describe, expect, it } from "vitest";
import { authorizeCredentials, SIGN_IN_PER_EMAIL, SIGN_IN_PER_IP } from "../src/auth/credentials.ts";
import { callerFor, createUser, db, uniqueEmail, uniqueIp, useTestDatabase } from "./helpers.ts";

useTestDatabase();

async function signUp(password: string) {
  const email = uniqueEmail("signin");
  const result = await (await callerFor(null)).auth.signUp({ name: "Grace", email, password });
  return { email, password, userId: result.userId };
}

describe("authorizeCredentials", () => {
  it("the right password returns the user", async () => {
    const { email, password, userId } = await signUp("right password 1");
    const user = await authorizeCredentials(db(), { email, password, ip: uniqueIp() });
    expect(user).toMatchObject({ id: userId, email, name: "Grace" });
    expect(Object.keys(user ?? {})).not.toContain("passwordHash");
  });

  it("normalises the email (case, spaces)", async () => {
    const { email, password, userId } = await signUp("right password 2");
    const user = await authorizeCredentials(db(), { email: `  ${email.toUpperCase()} `, password, ip: uniqueIp() });
    expect(user?.id).toBe(userId);
  });

  it("a wrong password, an unknown email or missing fields return null", async () => {
    const { email } = await signUp("right password 3");
    const ip = uniqueIp();
    expect(await authorizeCredentials(db(), { email, password: "wrong password", ip })).toBeNull();
    expect(await authorizeCredentials(db(), { email: uniqueEmail("nobody"), password: "whatever1", ip })).toBeNull();
    expect(await authorizeCredentials(db(), { email, password: "", ip })).toBeNull();
    expect(await authorizeCredentials(db(), { password: "x", ip })).toBeNull();
  });

  it("a user without a password (OAuth-only) cannot sign in with one", async () => {
    const user = await createUser();
    await db().user.update({ where: { id: user.id }, data: { passwordHash: null } });
    expect(await authorizeCredentials(db(), { email: user.email, password: user.password, ip: uniqueIp() })).toBeNull();
  });

  it(`the ${SIGN_IN_PER_EMAIL.points + 1}th wrong attempt for one email is refused, even with the right password`, async () => {
    const { email, password } = await signUp("right password 4");
    // Spread over IPs, so only the per-email limit can trigger.
    for (let i = 0; i < SIGN_IN_PER_EMAIL.points; i++) {
      expect(await authorizeCredentials(db(), { email, password: `wrong ${i}`, ip: uniqueIp() })).toBeNull();
    }
    await expect(authorizeCredentials(db(), { email, password: "wrong again", ip: uniqueIp() })).rejects.toThrow(
      /^Too many sign-in attempts\. Try again in \d+ min\.$/,
    );
    await expect(authorizeCredentials(db(), { email: email.toUpperCase(), password, ip: uniqueIp() })).rejects.toThrow(
      /Too many sign-in attempts/,
    );
    // Another address is unaffected.
    const other = await signUp("right password 5");
    expect(
      await authorizeCredentials(db(), { email: other.email, password: other.password, ip: uniqueIp() }),
    ).not.toBeNull();
  });

  it("a successful sign-in resets the per-email count", async () => {
    const { email, password } = await signUp("right password 6");
    for (let i = 0; i < SIGN_IN_PER_EMAIL.points - 1; i++) {
      await authorizeCredentials(db(), { email, password: "wrong", ip: uniqueIp() });
    }
    expect(await authorizeCredentials(db(), { email, password, ip: uniqueIp() })).not.toBeNull();
    for (let i = 0; i < SIGN_IN_PER_EMAIL.points - 1; i++) {
      expect(await authorizeCredentials(db(), { email, password: "wrong", ip: uniqueIp() })).toBeNull();
    }
  });

  it(`the per-IP limit (${SIGN_IN_PER_IP.points}) applies across different emails`, async () => {
    const { email, password } = await signUp("right password 7");
    const ip = uniqueIp();
    for (let i = 0; i < SIGN_IN_PER_IP.points; i++) {
      expect(await authorizeCredentials(db(), { email: uniqueEmail("spray"), password: "guess", ip })).toBeNull();
    }
    await expect(authorizeCredentials(db(), { email, password, ip })).rejects.toThrow(/Too many sign-in attempts/);
    // The same account from another address still works.
    expect(await authorizeCredentials(db(), { email, password, ip: uniqueIp() })).not.toBeNull();
  });
});

describe("password storage", () => {
  it("stores an argon2id hash, never the password", async () => {
    const { userId, password } = await signUp("plaintext never stored");
    const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(user.passwordHash).not.toContain(password);
    // Salted: the same password hashes differently each time.
    const twin = await signUp(password);
    const twinUser = await db().user.findUniqueOrThrow({ where: { id: twin.userId } });
    expect(twinUser.passwordHash).not.toBe(user.passwordHash);
  });
});
