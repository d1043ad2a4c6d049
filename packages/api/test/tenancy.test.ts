/**
 * Generated from the router: every procedure in appRouter is enumerated and checked against its own
 * access rule (the `procedure(access)` meta). A new procedure is covered without editing this file.
 */
import type { AnyProcedure, TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Access } from "../src/index.ts";
import { appRouter } from "../src/index.ts";
import { ROLES } from "../src/lib/roles.ts";
import { callerFor, callPath, uniqueEmail, useTestDatabase } from "./helpers.ts";
import {
  fieldNames,
  isResourceField,
  type SampleResources,
  sampleProblem,
  sampleProcedureInput,
  sampleVariants,
} from "./sample-input.ts";
import { createTenant, snapshotTenant, type Tenant, tenantFingerprints, tenantResources } from "./tenants.ts";

useTestDatabase();

interface ProcedureInfo {
  path: string;
  type: string;
  access: Access | undefined;
  inputs: unknown[];
}

const procedures: ProcedureInfo[] = Object.entries(
  appRouter._def.procedures as unknown as Record<string, AnyProcedure>,
).map(([path, procedure]) => ({
  path,
  type: procedure._def.type,
  access: procedure._def.meta as Access | undefined,
  inputs: procedure._def.inputs as unknown[],
}));

/** Procedures that exist today; the enumeration must find at least these. */
const KNOWN_PROCEDURES = [
  "auth.signUp",
  "auth.me",
  "organization.current",
  "organization.list",
  "organization.create",
  "organization.update",
  "members.list",
  "members.updateRole",
  "members.remove",
  "members.leave",
  "invitations.list",
  "invitations.create",
  "invitations.revoke",
  "invitations.preview",
  "invitations.accept",
  "apiTokens.list",
  "apiTokens.create",
  "apiTokens.revoke",
  "audit.list",
];

const DENIED: TRPC_ERROR_CODE_KEY[] = ["FORBIDDEN", "NOT_FOUND"];

const allFields = new Set<string>();
for (const p of procedures) for (const schema of p.inputs) fieldNames(schema, allFields);
const resourceFields = [...allFields].filter(isResourceField);

function referencesResources(p: ProcedureInfo): boolean {
  const fields = new Set<string>();
  for (const schema of p.inputs) fieldNames(schema, fields);
  return [...fields].some(isResourceField);
}

function describeAccess(access: Access | undefined): string {
  if (!access) return "NO ACCESS META";
  return access.scope === "organization" ? `organization ≥ ${access.minRole}` : access.scope;
}

function resourcesOf(values: Map<string, string>): SampleResources {
  return { resourceFor: (field) => values.get(field), freshEmail: () => uniqueEmail("sample") };
}

/** Runs a call, returning "ok" plus the result or the tRPC error code. */
async function outcome(
  call: Promise<unknown>,
): Promise<{ code: TRPC_ERROR_CODE_KEY | "ok"; result?: unknown; message?: string }> {
  try {
    return { code: "ok", result: await call };
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    throw error;
  }
}

// What each check observed, printed at the end as the coverage table.
const report = new Map<string, string[]>();
function record(path: string, note: string) {
  const notes = report.get(path) ?? [];
  notes.push(note);
  report.set(path, notes);
}

let A: Tenant;
let B: Tenant;
let bResources: Map<string, string>;
let bBefore: Awaited<ReturnType<typeof snapshotTenant>>;
let bFingerprints: string[];

beforeAll(async () => {
  A = await createTenant("A");
  B = await createTenant("B");
  bResources = await tenantResources(B, resourceFields);
  bBefore = await snapshotTenant(B);
  bFingerprints = await tenantFingerprints(B);
});

afterAll(() => {
  const lines = procedures.map(
    (p) =>
      `  ${p.path.padEnd(22)} ${p.type.padEnd(9)} ${describeAccess(p.access).padEnd(20)} ${(report.get(p.path) ?? []).join(", ")}`,
  );
  console.log(`tenancy: ${procedures.length} procedures enumerated from appRouter\n${lines.join("\n")}`);
});

async function expectBUnchanged() {
  expect(await snapshotTenant(B)).toEqual(bBefore);
}

function expectNoBData(result: unknown) {
  const serialized = JSON.stringify(superjson.serialize(result));
  const leaked = bFingerprints.filter((value) => serialized.includes(value));
  expect(leaked, `result leaks organization B's data: ${serialized}`).toEqual([]);
}

describe("enumeration", () => {
  it("finds at least the known procedures", () => {
    const paths = procedures.map((p) => p.path);
    expect(paths.length).toBeGreaterThanOrEqual(KNOWN_PROCEDURES.length);
    expect(paths).toEqual(expect.arrayContaining(KNOWN_PROCEDURES));
  });

  it.each(procedures.map((p) => [p.path, p] as const))("%s has a valid access meta", (_path, p) => {
    expect(p.access, `${p.path} was not built with procedure(access)`).toBeDefined();
    expect(["public", "user", "organization"]).toContain(p.access?.scope);
    if (p.access?.scope === "organization") expect(ROLES).toContain(p.access.minRole);
    expect(["query", "mutation"]).toContain(p.type);
  });

  it.each(procedures.filter((p) => p.inputs.length > 0).map((p) => [p.path, p] as const))(
    "%s: the generated sample input is valid",
    (_path, p) => {
      for (const { label, input } of sampleVariants(p.inputs, resourcesOf(bResources))) {
        expect(sampleProblem(p.inputs, input), `${label} sample ${JSON.stringify(input)}`).toBeNull();
      }
    },
  );
});

for (const p of procedures) {
  const access = p.access;
  if (!access) continue;

  if (access.scope === "organization") {
    describe(`${p.path} (${p.type}, organization ≥ ${access.minRole})`, () => {
      it("signed out → UNAUTHORIZED", async () => {
        const caller = await callerFor(null, B.organizationId);
        const result = await outcome(callPath(caller, p.path, sampleProcedureInput(p.inputs, resourcesOf(bResources))));
        record(p.path, `anon:${result.code}`);
        expect(result.code).toBe("UNAUTHORIZED");
        await expectBUnchanged();
      });

      it("(a) owner of A acting in B (x-pixel-organization = B) → FORBIDDEN/NOT_FOUND", async () => {
        const caller = await callerFor(A.owner.user, B.organizationId);
        const result = await outcome(callPath(caller, p.path, sampleProcedureInput(p.inputs, resourcesOf(bResources))));
        record(p.path, `a:${result.code}`);
        expect(DENIED).toContain(result.code);
        await expectBUnchanged();
      });

      it("(b) owner of A acting in A with B's ids in the input → denied, or succeeds without touching B", async () => {
        for (const { label, input } of sampleVariants(p.inputs, resourcesOf(bResources))) {
          const caller = await callerFor(A.owner.user, A.organizationId);
          const result = await outcome(callPath(caller, p.path, input));
          record(p.path, `b${label === "full" ? "" : `(${label})`}:${result.code}`);
          expect(["ok", ...DENIED], `${label} input: unexpected ${result.code}: ${result.message}`).toContain(
            result.code,
          );
          if (result.code === "ok") expectNoBData(result.result);
          await expectBUnchanged();
        }
      });

      it("control: the owner of a third organization C, with C's own ids, passes the access check", async () => {
        const C = await createTenant("C");
        const cResources = await tenantResources(C, resourceFields);
        const caller = await callerFor(C.owner.user, C.organizationId);
        const result = await outcome(callPath(caller, p.path, sampleProcedureInput(p.inputs, resourcesOf(cResources))));
        record(p.path, `control:${result.code}`);
        // The same input shape works with the right organization's ids, so (b)'s denial is tenancy,
        // not a malformed sample.
        expect(result.code, result.message).toBe("ok");
      });

      if (p.type === "mutation") {
        it("(c) a viewer of B, acting in B → FORBIDDEN", async () => {
          expect(access.minRole, "organization mutations must need more than the viewer role").not.toBe("viewer");
          const caller = await callerFor(B.viewer.user, B.organizationId);
          const result = await outcome(
            callPath(caller, p.path, sampleProcedureInput(p.inputs, resourcesOf(bResources))),
          );
          record(p.path, `c:${result.code}`);
          expect(result.code).toBe("FORBIDDEN");
          await expectBUnchanged();
        });
      }
    });
    continue;
  }

  describe(`${p.path} (${p.type}, ${access.scope})`, () => {
    if (access.scope === "user") {
      it("signed out → UNAUTHORIZED", async () => {
        const caller = await callerFor(null);
        const result = await outcome(callPath(caller, p.path, sampleProcedureInput(p.inputs, resourcesOf(bResources))));
        record(p.path, `anon:${result.code}`);
        expect(result.code).toBe("UNAUTHORIZED");
      });
    }

    if (access.scope === "user" && referencesResources(p)) {
      it("owner of A passing B's ids (e.g. organizationId) → FORBIDDEN/NOT_FOUND", async () => {
        const caller = await callerFor(A.owner.user, A.organizationId);
        const result = await outcome(callPath(caller, p.path, sampleProcedureInput(p.inputs, resourcesOf(bResources))));
        record(p.path, `b-ids:${result.code}`);
        expect(DENIED, `unexpected ${result.code}: ${result.message}`).toContain(result.code);
        await expectBUnchanged();
      });
    }

    it("owner of A with x-pixel-organization = B cannot read or change B", async () => {
      const caller = await callerFor(A.owner.user, B.organizationId);
      // Inputs naming B's resources are checked above; here the input names only A's (or none).
      const aResources = await tenantResources(A, resourceFields);
      const result = await outcome(callPath(caller, p.path, sampleProcedureInput(p.inputs, resourcesOf(aResources))));
      record(p.path, `header-b:${result.code}`);
      expect(result.code, result.message).not.toBe("INTERNAL_SERVER_ERROR");
      if (result.code === "ok") expectNoBData(result.result);
      await expectBUnchanged();
    });
  });
}
