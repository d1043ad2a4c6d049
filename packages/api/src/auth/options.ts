import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { PrismaClient } from "@pixel/db";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { addPersonalOrganization } from "../services/accounts.ts";
import { authorizeCredentials } from "./credentials.ts";

export function oauthProvidersEnabled() {
  return {
    github: Boolean(process.env.GITHUB_ID && process.env.GITHUB_SECRET),
    google: Boolean(process.env.GOOGLE_CLIENT_ID && process.env.GOOGLE_CLIENT_SECRET),
  };
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Defers opening the database until the adapter is first used (not at build or import time). */
function lazyClient(getPrisma: () => PrismaClient): PrismaClient {
  return new Proxy({} as PrismaClient, { get: (_target, property) => Reflect.get(getPrisma(), property) });
}

/** next-auth 4 configuration: credentials always, GitHub/Google only when their env vars are set. */
export function buildAuthOptions(getPrisma: () => PrismaClient): NextAuthOptions {
  const enabled = oauthProvidersEnabled();
  return {
    // The adapter stores OAuth users and accounts; sessions are JWTs (credentials require it in v4).
    adapter: PrismaAdapter(lazyClient(getPrisma) as never),
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const forwarded = headerValue(req?.headers, "x-forwarded-for");
          const ip = forwarded?.split(",")[0]?.trim() || "127.0.0.1";
          return authorizeCredentials(getPrisma(), { email: credentials?.email, password: credentials?.password, ip });
        },
      }),
      ...(enabled.github
        ? [
            GitHubProvider({
              clientId: process.env.GITHUB_ID as string,
              clientSecret: process.env.GITHUB_SECRET as string,
            }),
          ]
        : []),
      ...(enabled.google
        ? [
            GoogleProvider({
              clientId: process.env.GOOGLE_CLIENT_ID as string,
              clientSecret: process.env.GOOGLE_CLIENT_SECRET as string,
            }),
          ]
        : []),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.uid = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && typeof token.uid === "string") (session.user as { id?: string }).id = token.uid;
        return session;
      },
    },
    events: {
      // OAuth sign-ups get the same personal organization as email sign-ups.
      async createUser({ user }) {
        await addPersonalOrganization(getPrisma(), user.id, user.name ?? null, user.email ?? "");
      },
    },
  };
}
