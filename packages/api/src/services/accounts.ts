import type { PrismaClient } from "@pixel/db";
import { writeAudit } from "../lib/audit.ts";
import { slugify } from "../lib/slug.ts";

export interface NewUser {
  email: string;
  name: string | null;
  passwordHash: string | null;
  ip?: string | null;
}

/** Every account starts with a personal organization it owns. Used by sign-up and by OAuth's first sign-in. */
export async function createUserWithPersonalOrganization(prisma: PrismaClient, input: NewUser) {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash: input.passwordHash },
    });
    const organization = await createOwnedOrganization(tx, user.id, personalOrganizationName(input), true, input.ip);
    return { user, organization };
  });
}

export async function addPersonalOrganization(
  prisma: PrismaClient,
  userId: string,
  name: string | null,
  email: string,
) {
  return prisma.$transaction((tx) =>
    createOwnedOrganization(tx, userId, personalOrganizationName({ name, email }), true),
  );
}

function personalOrganizationName({ name, email }: { name: string | null; email: string }): string {
  return `${name?.trim() || email.split("@")[0]}'s workspace`;
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export async function createOwnedOrganization(
  tx: Tx,
  userId: string,
  name: string,
  personal: boolean,
  ip?: string | null,
) {
  const organization = await tx.organization.create({
    data: { name, slug: slugify(name), personal, memberships: { create: { userId, role: "owner" } } },
  });
  await writeAudit(tx, {
    organizationId: organization.id,
    actorId: userId,
    action: "organization.created",
    targetType: "organization",
    targetId: organization.id,
    metadata: { name },
    ip,
  });
  return organization;
}
