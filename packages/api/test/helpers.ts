import { randomBytes } from "node:crypto";
import { createPrismaClient, type PrismaClient, type Role } from "@pixel/db";
import { createTestDatabase } from "@pixel/db/testing";
import { type TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { afterAll, beforeAll, expect } from "vitest";
import { appRouter, createCallerFactory, createContext, handleTrpcRequest } from "../src/index.ts";
import { hashPassword } from "../src/lib/passwords.ts";
import { generateToken, hashToken } from "../src/lib/secrets.ts";

export const APP_URL = "http://pixel.test";
export const TRPC_ENDPOINT = "/api/trpc";
export const DEFAULT_PASSWORD = "correct horse battery staple";

// ── One database per test file ──────────────────────────────────────

let prismaClient: PrismaClient | null = null;

/**
 * Call once at the top of a test file: a fresh migrated database for the file (beforeAll), dropped
 * afterwards. `db()` returns its Prisma client inside tests and factories.
 */
export function useTestDatabase(): void {
  let drop: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    prismaClient = createPrismaClient({ url: database.url, poolMax: 4 });
  });
  afterAll(async () => {
    // Let fire-and-forget writes (API token lastUsedAt) settle before the database goes away.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await prismaClient?.$disconnect();
    prismaClient = null;
    await drop?.();
  });
}

export function db(): PrismaClient {
  if (!prismaClient) throw new Error("No test database: call useTestDatabase() at the top of the test file.");
  return prismaClient;
}

// ── Unique values ───────────────────────────────────────────────────

let counter = 0;
const run = randomBytes(3).toString("hex");

export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${run}-${counter}@example.test`;
}

/** A distinct client address per caller, so per-IP rate limits never couple unrelated tests. */
export function uniqueIp(): string {
  counter += 1;
  return `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`;
}

// ── Factories ───────────────────────────────────────────────────────

export interface TestUser {
  id: string;
  email: string;
  name: string | null;
  password: string;
}

let defaultHash: Promise<string> | null = null;

/** A user inserted directly, with a real argon2id hash (computed once per file for the default password). */
export async function createUser(
  options: { email?: string; name?: string; password?: string } = {},
): Promise<TestUser> {
  const password = options.password ?? DEFAULT_PASSWORD;
  let passwordHash: string;
  if (password === DEFAULT_PASSWORD) {
    defaultHash ??= hashPassword(DEFAULT_PASSWORD);
    passwordHash = await defaultHash;
  } else {
    passwordHash = await hashPassword(password);
  }
  const email = (options.email ?? uniqueEmail()).toLowerCase();
  const user = await db().user.create({
    data: { email, name: options.name ?? `Test ${email.split("@")[0]}`, passwordHash },
  });
  return { id: user.id, email: user.email, name: user.name, password };
}

export interface TestOrganization {
  id: string;
  name: string;
  slug: string;
  owner: TestUser;
  ownerMembershipId: string;
}

export async function createOrganization(owner?: TestUser, name?: string): Promise<TestOrganization> {
  const user = owner ?? (await createUser());
  counter += 1;
  const orgName = name ?? `Org ${run}-${counter}`;
  const organization = await db().organization.create({
    data: {
      name: orgName,
      slug: `org-${run}-${counter}`,
      memberships: { create: { userId: user.id, role: "owner" } },
    },
    include: { memberships: true },
  });
  const membership = organization.memberships[0];
  if (!membership) throw new Error("owner membership was not created");
  return {
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    owner: user,
    ownerMembershipId: membership.id,
  };
}

export interface TestMember {
  user: TestUser;
  membershipId: string;
  role: Role;
}

export async function addMember(organizationId: string, role: Role, user?: TestUser): Promise<TestMember> {
  const member = user ?? (await createUser({ email: uniqueEmail(role) }));
  const membership = await db().membership.create({ data: { organizationId, userId: member.id, role } });
  return { user: member, membershipId: membership.id, role };
}

/** An organization with one member of each role. */
export async function createOrganizationWithRoles(name?: string) {
  const organization = await createOrganization(await createUser({ email: uniqueEmail("owner") }), name);
  const owner: TestMember = { user: organization.owner, membershipId: organization.ownerMembershipId, role: "owner" };
  const admin = await addMember(organization.id, "admin");
  const editor = await addMember(organization.id, "editor");
  const viewer = await addMember(organization.id, "viewer");
  return { organization, owner, admin, editor, viewer };
}

export async function createInvitationRow(
  organizationId: string,
  options: { email?: string; role?: Role; invitedById?: string | null; expiresAt?: Date } = {},
) {
  const token = generateToken("inv");
  const invitation = await db().invitation.create({
    data: {
      organizationId,
      email: options.email ?? uniqueEmail("invitee"),
      role: options.role ?? "editor",
      tokenHash: hashToken(token),
      invitedById: options.invitedById ?? null,
      expiresAt: options.expiresAt ?? new Date(Date.now() + 7 * 86_400_000),
    },
  });
  return { id: invitation.id, email: invitation.email, token };
}

export async function createApiTokenRow(
  organizationId: string,
  userId: string,
  options: { expiresAt?: Date | null } = {},
) {
  const token = generateToken("pxl", 32);
  const row = await db().apiToken.create({
    data: {
      organizationId,
      userId,
      name: "fixture token",
      tokenHash: hashToken(token),
      lastFour: token.slice(-4),
      expiresAt: options.expiresAt ?? null,
    },
  });
  return { id: row.id, token };
}

// ── Callers (in-process, real context) ──────────────────────────────

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export interface CallerOptions {
  /** Extra request headers, e.g. authorization. */
  headers?: Record<string, string>;
  ip?: string;
}

/**
 * A caller acting as `user` (a session) in `organizationId` (sent as x-pixel-organization, then
 * checked against the membership by the procedure wrapper). `null` user = signed out.
 */
export async function callerFor(
  user: Pick<TestUser, "id" | "email"> | null,
  organizationId?: string | null,
  options: CallerOptions = {},
): Promise<Caller> {
  const headers = new Headers(options.headers);
  headers.set("x-forwarded-for", options.ip ?? uniqueIp());
  if (organizationId) headers.set("x-pixel-organization", organizationId);
  const ctx = await createContext({
    prisma: db(),
    headers,
    sessionUser: user ? { id: user.id, email: user.email } : null,
    appUrl: APP_URL,
  });
  return createCaller(ctx);
}

/** Calls a procedure by its dotted path ("members.remove") on a caller. */
export function callPath(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const key of path.split(".")) target = (target as Record<string, unknown>)[key];
  if (typeof target !== "function") throw new Error(`${path} is not callable on the caller`);
  return (target as (input: unknown) => Promise<unknown>)(input);
}

// ── Errors ──────────────────────────────────────────────────────────

/** Awaits a call that must fail with a TRPCError and returns that error. */
export async function trpcError(call: Promise<unknown>): Promise<TRPCError> {
  try {
    const result = await call;
    throw new Error(`expected a TRPCError, but the call succeeded with ${JSON.stringify(result)}`);
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
}

export async function expectTrpcError(
  call: Promise<unknown>,
  codes: TRPC_ERROR_CODE_KEY | TRPC_ERROR_CODE_KEY[],
  message?: RegExp,
): Promise<TRPCError> {
  const error = await trpcError(call);
  expect(Array.isArray(codes) ? codes : [codes]).toContain(error.code);
  if (message) expect(error.message).toMatch(message);
  return error;
}

// ── Real HTTP through handleTrpcRequest ─────────────────────────────

export interface HttpOptions {
  /** Dotted procedure path, e.g. "auth.signUp". */
  path: string;
  method?: "GET" | "POST";
  /** Serialized with superjson: `?input=` for GET, `{"json": …}` body for POST. */
  input?: unknown;
  /** Sent as the POST body verbatim instead of `input`. */
  rawBody?: string;
  headers?: Record<string, string>;
  sessionUser?: { id: string; email: string } | null;
}

export interface TrpcErrorJson {
  message: string;
  code: number;
  data: {
    code: string;
    httpStatus: number;
    path?: string;
    stack?: unknown;
    fieldErrors?: { path: string; message: string }[] | null;
  };
}

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
  /** `result.data` deserialized with superjson, when the call succeeded. */
  data: unknown;
  /** The error object (superjson envelope unwrapped), when the call failed. */
  error: TrpcErrorJson | null;
}

export async function http(options: HttpOptions): Promise<HttpResult> {
  const method = options.method ?? (options.input === undefined && options.rawBody === undefined ? "GET" : "POST");
  let url = `${APP_URL}${TRPC_ENDPOINT}/${options.path}`;
  const headers = new Headers(options.headers);
  if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", uniqueIp());
  let body: string | undefined;
  if (method === "GET") {
    if (options.input !== undefined)
      url += `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(options.input)))}`;
  } else {
    headers.set("content-type", "application/json");
    body =
      options.rawBody ?? (options.input === undefined ? undefined : JSON.stringify(superjson.serialize(options.input)));
  }
  const response = await handleTrpcRequest({
    req: new Request(url, { method, headers, body }),
    prisma: db(),
    endpoint: TRPC_ENDPOINT,
    appUrl: APP_URL,
    getSessionUser: async () => options.sessionUser ?? null,
  });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const envelope = parsed as {
    result?: { data?: { json: unknown; meta?: unknown } };
    error?: { json?: unknown; meta?: unknown };
  } | null;
  const data =
    envelope?.result?.data !== undefined
      ? superjson.deserialize(envelope.result.data as Parameters<typeof superjson.deserialize>[0])
      : undefined;
  const error =
    envelope?.error?.json !== undefined
      ? (superjson.deserialize(envelope.error as Parameters<typeof superjson.deserialize>[0]) as TrpcErrorJson)
      : null;
  return { status: response.status, headers: response.headers, text, body: parsed, data, error };
}

/** No response may leak a stack trace or file paths. */
export function expectNoStackTrace(result: HttpResult): void {
  expect(result.status).not.toBe(500);
  expect(result.text).not.toMatch(/\bat [^\s]+ \(?(file:|\/)[^)]*:\d+:\d+/);
  expect(result.text).not.toMatch(/node_modules|packages\/api\/src/);
  if (result.error) expect(result.error.data.stack).toBeUndefined();
}
