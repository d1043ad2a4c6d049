import type { PrismaClient } from "@pixel/db";
import { verifyPassword } from "../lib/passwords.ts";
import { consumeRateLimit, RateLimitedError, type RateLimitRule, resetRateLimit } from "../lib/rate-limit.ts";

export const SIGN_IN_PER_EMAIL: RateLimitRule = { points: 10, duration: 15 * 60 };
export const SIGN_IN_PER_IP: RateLimitRule = { points: 50, duration: 15 * 60 };

export interface CredentialsInput {
  email?: string;
  password?: string;
  ip: string;
}

// Compared against when the email is unknown, so a miss costs as long as a wrong password.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$dC/n+QA93z3VGhEt2Teyow$dXyLzF7yaHg/Xx5Gn4Ry5RNXRYLem0jdgUYcVyBe+5M";

/**
 * Checks email + password with rate limits per email and per IP. Returns the user, null for wrong
 * credentials, or throws an Error whose message next-auth passes to the sign-in form.
 */
export async function authorizeCredentials(prisma: PrismaClient, input: CredentialsInput) {
  const email = input.email?.trim().toLowerCase() ?? "";
  const password = input.password ?? "";
  if (!email || !password) return null;
  try {
    await consumeRateLimit("sign-in-ip", SIGN_IN_PER_IP, input.ip);
    await consumeRateLimit("sign-in-email", SIGN_IN_PER_EMAIL, email);
  } catch (error) {
    if (error instanceof RateLimitedError) {
      throw new Error(`Too many sign-in attempts. Try again in ${Math.ceil(error.retryAfterSeconds / 60)} min.`);
    }
    throw error;
  }
  const user = await prisma.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user?.passwordHash || !ok) return null;
  await resetRateLimit("sign-in-email", SIGN_IN_PER_EMAIL, email);
  return { id: user.id, email: user.email, name: user.name, image: user.image };
}
