import "server-only";
import { buildAuthOptions } from "@pixel/api/auth";
import { getPrisma } from "@pixel/db";
import { getServerSession } from "next-auth";

export const authOptions = buildAuthOptions(getPrisma);

/** The signed-in user, or null. The user must still exist (a JWT can outlive a reset database). */
export async function getSessionUser(): Promise<{ id: string; email: string; name: string | null } | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await getPrisma().user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
  return user;
}

export function appUrl(): string {
  return process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}
