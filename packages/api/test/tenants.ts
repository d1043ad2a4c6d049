import { randomBytes } from "node:crypto";
import { writeAudit } from "../src/lib/audit.ts";
import { generateToken, hashToken } from "../src/lib/secrets.ts";
import { blankFlow } from "../src/routers/bots/blank-flow.ts";
import { encryptionKey, lastFourOf, sealSecret } from "../src/services/ai/secrets.ts";
import {
  createApiTokenRow,
  createInvitationRow,
  createOrganizationWithRoles,
  createUser,
  db,
  uniqueEmail,
} from "./helpers.ts";

// Provider secrets are encrypted with PIXEL_ENCRYPTION_KEY: tests use a random one per run unless set.
process.env.PIXEL_ENCRYPTION_KEY ||= randomBytes(32).toString("base64");

/**
 * A fully populated organization: one member of each role, a pending invitation (whose invitee
 * has an account but is not a member), an API token, audit rows, a bot (a blank draft, published as version 1), and the
 * AI layer's rows: a provider key (pointing at a closed local port, so a live test fails fast) with its
 * revision, AI settings whose fallback lists it, an organization budget and a day of usage.
 */
export async function createTenant(label: string) {
  const world = await createOrganizationWithRoles(`Tenant ${label} ${randomBytes(4).toString("hex")}`);
  const organizationId = world.organization.id;
  const invitee = await createUser({ email: uniqueEmail(`invitee-${label.toLowerCase()}`) });
  const invitation = await createInvitationRow(organizationId, {
    email: invitee.email,
    role: "editor",
    invitedById: world.owner.user.id,
  });
  const apiToken = await createApiTokenRow(organizationId, world.editor.user.id);
  for (const action of ["organization.created", "member.joined", "invitation.created"] as const) {
    await writeAudit(db(), {
      organizationId,
      actorId: world.owner.user.id,
      action,
      targetType: "organization",
      targetId: organizationId,
      metadata: { fixture: label },
    });
  }
  const bot = await db().bot.create({
    data: {
      organizationId,
      name: `Bot ${label} ${randomBytes(4).toString("hex")}`,
      description: `Fixture bot of tenant ${label}`,
      draftFlow: blankFlow(),
      updatedById: world.editor.user.id,
    },
  });
  // A published version of it, for procedures that take a versionId.
  const version = await db().flowVersion.create({
    data: { organizationId, botId: bot.id, number: 1, flow: blankFlow(), createdById: world.editor.user.id },
  });
  const template = await createTemplateFixtures(organizationId, label, bot.id, world.owner.user.id);
  const ai = await createAiFixtures(organizationId, label, world.owner.user.id);
  const chat = await createConversationFixtures(organizationId, label, bot.id, version.id);
  const deploymentKey = await createDeploymentKeyRow(organizationId, chat.deployment.id, world.editor.user.id);
  // The newest row: a cursor there would page through all of this tenant's older rows.
  const audit = await db().auditLog.findFirstOrThrow({
    where: { organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return {
    ...world,
    organizationId,
    invitee,
    invitation,
    apiToken,
    bot,
    version,
    template,
    auditId: audit.id,
    ...ai,
    ...chat,
    deploymentKey,
  };
}

/** The public platform template every tenant may use and rate; the generated samples name it by its slug. */
export const SAMPLE_TEMPLATE_SLUG = "sample";

/**
 * The tenant's own template, published from its bot for the organization only (for procedures that take a
 * templateId), and the shared public template whose slug is the generated sample's "sample" (so templates.use
 * and templates.rate succeed with a sample input, as the control checks require).
 */
async function createTemplateFixtures(organizationId: string, label: string, botId: string, ownerId: string) {
  const tag = `${label.toLowerCase()}-${randomBytes(4).toString("hex")}`;
  await db().template.upsert({
    where: { slug: SAMPLE_TEMPLATE_SLUG },
    update: {},
    create: {
      slug: SAMPLE_TEMPLATE_SLUG,
      name: "Sample template",
      description: "The platform's public template of the tenancy fixtures",
      category: "testing",
      tags: [],
      requiredIntegrations: [],
      languages: ["en"],
      status: "published",
      visibility: "public",
      flow: blankFlow(),
    },
  });
  return db().template.create({
    data: {
      organizationId,
      slug: `tenant-${tag}`,
      name: `Template ${tag}`,
      description: `Fixture template of tenant ${label}`,
      category: "testing",
      tags: [`tag-${tag}`],
      requiredIntegrations: [],
      languages: ["en"],
      status: "published",
      visibility: "organization",
      flow: blankFlow(),
      sourceBotId: botId,
      publishedById: ownerId,
      versions: { create: { version: "1.0.0", flow: blankFlow(), createdById: ownerId } },
    },
    select: { id: true, slug: true, name: true },
  });
}

/** An API key of the fixture deployment (only its hash is stored), for procedures that take a keyId. */
async function createDeploymentKeyRow(organizationId: string, deploymentId: string, createdById: string) {
  const token = generateToken("pxd", 32);
  return db().deploymentApiKey.create({
    data: {
      organizationId,
      deploymentId,
      name: `Key ${randomBytes(4).toString("hex")}`,
      tokenHash: hashToken(token),
      lastFour: token.slice(-4),
      createdById,
    },
  });
}

/** A deployment serving version 1 and one conversation on it: a user message and the bot's answer. */
async function createConversationFixtures(organizationId: string, label: string, botId: string, versionId: string) {
  const tag = `${label.toLowerCase()}-${randomBytes(4).toString("hex")}`;
  const deployment = await db().deployment.create({
    data: {
      organizationId,
      botId,
      flowVersionId: versionId,
      slug: `chat-${tag}`,
      name: `Deployment ${tag}`,
      channels: ["hosted"],
    },
  });
  const conversation = await db().conversation.create({
    data: { organizationId, botId, deploymentId: deployment.id, channel: "hosted", endUserId: `visitor-${tag}` },
  });
  const messageText = `Question from ${tag}`;
  await db().message.createMany({
    data: [
      {
        organizationId,
        conversationId: conversation.id,
        botId,
        role: "user",
        parts: [{ type: "text", text: messageText }],
        createdAt: new Date(Date.now() - 1_000),
      },
      {
        organizationId,
        conversationId: conversation.id,
        botId,
        role: "assistant",
        parts: [{ type: "text", text: `Answer for ${tag}` }],
        nodeId: "greeting",
        model: "gpt-4o-mini",
        provider: "openai",
        tokensIn: 12,
        tokensOut: 34,
        costUsd: 0.000123,
        latencyMs: 456,
      },
    ],
  });
  return { deployment, conversation, messageText };
}

async function createAiFixtures(organizationId: string, label: string, ownerId: string) {
  const tag = `${label}-${randomBytes(4).toString("hex")}`;
  const secret = `sk-tenant-${tag}-${randomBytes(8).toString("hex")}`;
  const providerKey = await db().providerKey.create({
    data: {
      organizationId,
      provider: "openai",
      label: `Key ${tag}`,
      encryptedSecret: sealSecret(secret, encryptionKey()),
      lastFour: lastFourOf(secret),
      // Port 9 (discard) is closed on test machines: a live test of this key fails at once.
      baseUrl: "http://127.0.0.1:9/v1",
      settings: { version: 1, models: ["gpt-4o-mini"], headers: {}, preset: null },
      createdById: ownerId,
    },
  });
  await db().providerKeyRevision.create({
    data: {
      organizationId,
      providerKeyId: providerKey.id,
      event: "created",
      lastFour: providerKey.lastFour,
      actorId: ownerId,
    },
  });
  await db().aiSettings.create({
    data: { organizationId, fallback: [{ providerKeyId: providerKey.id, model: "gpt-4o-mini" }] },
  });
  const budget = await db().budget.create({
    data: { organizationId, scope: "organization", scopeId: organizationId, monthlyLimitUsd: 50 },
  });
  const usageModel = `model-${tag}`;
  const today = new Date(new Date().toISOString().slice(0, 10));
  await db().usageDaily.create({
    data: {
      organizationId,
      day: today,
      providerKeyId: providerKey.id,
      provider: "openai",
      model: usageModel,
      calls: 3,
      tokensIn: 30n,
      tokensOut: 60n,
      costUsd: 0.25,
    },
  });
  return { providerKey, providerKeySecret: secret, budget, usageModel };
}

export type Tenant = Awaited<ReturnType<typeof createTenant>>;

/** Values for resource-naming input fields, all belonging to `tenant`. */
export async function tenantResources(tenant: Tenant, fields: Iterable<string>): Promise<Map<string, string>> {
  const known: Record<string, string> = {
    organizationId: tenant.organizationId,
    // A non-owner member, so a wrongly allowed removal or role change would be visible.
    membershipId: tenant.editor.membershipId,
    userId: tenant.editor.user.id,
    invitationId: tenant.invitation.id,
    tokenId: tenant.apiToken.id,
    apiTokenId: tenant.apiToken.id,
    cursor: tenant.auditId,
    token: tenant.invitation.token,
    providerKeyId: tenant.providerKey.id,
    budgetId: tenant.budget.id,
    botId: tenant.bot.id,
    versionId: tenant.version.id,
    deploymentId: tenant.deployment.id,
    keyId: tenant.deploymentKey.id,
    templateId: tenant.template.id,
    // budgets.upsert's sample scope is its last option, "provider_key".
    scopeId: tenant.providerKey.id,
  };
  const values = new Map<string, string>();
  const missing: string[] = [];
  for (const field of fields) {
    const value = known[field] ?? (await findRowOfModel(field, tenant.organizationId));
    if (value) values.set(field, value);
    else if (field.endsWith("Id")) missing.push(field);
  }
  if (missing.length > 0) {
    throw new Error(
      `No fixture row for input field(s) ${missing.join(", ")}: create one in createTenant() (test/tenants.ts) ` +
        "so the generated tenancy test can pass another organization's id.",
    );
  }
  return values;
}

/** `botId` → a row of prisma.bot in the organization, when such a model and row exist. */
async function findRowOfModel(field: string, organizationId: string): Promise<string | undefined> {
  if (!field.endsWith("Id")) return undefined;
  const model = field.slice(0, -2);
  const delegate = (db() as unknown as Record<string, unknown>)[model] as
    | { findFirst(args: unknown): Promise<{ id: string } | null> }
    | undefined;
  if (!delegate || typeof delegate.findFirst !== "function") return undefined;
  const row = await delegate.findFirst({ where: { organizationId }, select: { id: true } });
  return row?.id;
}

/** Everything stored for an organization, to prove a call did not change it. */
export async function snapshotTenant(tenant: Tenant) {
  const organizationId = tenant.organizationId;
  const prisma = db();
  const memberships = await prisma.membership.findMany({ where: { organizationId }, orderBy: { id: "asc" } });
  return {
    organization: await prisma.organization.findUnique({ where: { id: organizationId } }),
    memberships,
    users: await prisma.user.findMany({
      where: { id: { in: [...memberships.map((m) => m.userId), tenant.invitee.id] } },
      orderBy: { id: "asc" },
    }),
    invitations: await prisma.invitation.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    apiTokens: await prisma.apiToken.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    bots: await prisma.bot.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    flowVersions: await prisma.flowVersion.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    deployments: await prisma.deployment.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    deploymentApiKeys: await prisma.deploymentApiKey.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    auditLogs: await prisma.auditLog.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    providerKeys: await prisma.providerKey.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    providerKeyRevisions: await prisma.providerKeyRevision.findMany({
      where: { organizationId },
      orderBy: { id: "asc" },
    }),
    aiSettings: await prisma.aiSettings.findUnique({ where: { organizationId } }),
    budgets: await prisma.budget.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    usageDaily: await prisma.usageDaily.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    aiAttempts: await prisma.aiAttempt.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    conversations: await prisma.conversation.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    messages: await prisma.message.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    templates: await prisma.template.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    templateVersions: await prisma.templateVersion.findMany({
      where: { template: { organizationId } },
      orderBy: { id: "asc" },
    }),
    templateRatings: await prisma.templateRating.findMany({
      where: { template: { organizationId } },
      orderBy: { id: "asc" },
    }),
  };
}

/** Strings that only this tenant's data contains: none may show up in another tenant's results. */
export async function tenantFingerprints(tenant: Tenant): Promise<string[]> {
  const snapshot = await snapshotTenant(tenant);
  const values = new Set<string>();
  if (snapshot.organization) {
    values.add(snapshot.organization.id);
    values.add(snapshot.organization.name);
    values.add(snapshot.organization.slug);
  }
  for (const m of snapshot.memberships) values.add(m.id);
  for (const u of snapshot.users) {
    values.add(u.id);
    values.add(u.email);
  }
  for (const i of snapshot.invitations) {
    values.add(i.id);
    values.add(i.email);
  }
  for (const t of snapshot.apiTokens) values.add(t.id);
  for (const b of snapshot.bots) {
    values.add(b.id);
    values.add(b.name);
  }
  for (const v of snapshot.flowVersions) values.add(v.id);
  for (const d of snapshot.deployments) {
    values.add(d.id);
    values.add(d.slug);
    values.add(d.name);
  }
  for (const k of snapshot.deploymentApiKeys) {
    values.add(k.id);
    values.add(k.tokenHash);
  }
  for (const a of snapshot.auditLogs) values.add(a.id);
  for (const k of snapshot.providerKeys) {
    values.add(k.id);
    values.add(k.label);
  }
  for (const b of snapshot.budgets) values.add(b.id);
  for (const u of snapshot.usageDaily) values.add(u.model);
  for (const c of snapshot.conversations) values.add(c.id);
  for (const m of snapshot.messages) values.add(m.id);
  for (const t of snapshot.templates) {
    values.add(t.id);
    values.add(t.slug);
    values.add(t.name);
  }
  for (const v of snapshot.templateVersions) values.add(v.id);
  values.add(tenant.deployment.id);
  values.add(tenant.deployment.name);
  values.add(tenant.messageText);
  values.add(tenant.providerKeySecret);
  return [...values];
}
