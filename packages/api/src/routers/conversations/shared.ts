import { createHash } from "node:crypto";

/**
 * End-user ids are opaque strings chosen by whoever embeds the chat (sometimes an email or an account
 * number): the dashboard shows a short stable hash instead, enough to tell visitors apart.
 */
export function endUserLabel(organizationId: string, endUserId: string | null): string | null {
  if (!endUserId) return null;
  return `u-${createHash("sha256").update(`${organizationId}:${endUserId}`).digest("hex").slice(0, 10)}`;
}

/** The text parts of a stored message, joined as the chat shows them. */
export function partsText(parts: unknown): string {
  if (!Array.isArray(parts)) return "";
  return parts
    .filter((p): p is { type: "text"; text: string } => p?.type === "text" && typeof p.text === "string")
    .map((p) => p.text)
    .filter((text) => text.length > 0)
    .join("\n\n");
}

export const PREVIEW_LENGTH = 120;

/** One line of at most 120 characters (an ellipsis when cut). */
export function previewOf(text: string | null): string | null {
  if (!text) return null;
  const line = text.replace(/\s+/g, " ").trim();
  if (!line) return null;
  const chars = Array.from(line);
  return chars.length > PREVIEW_LENGTH ? `${chars.slice(0, PREVIEW_LENGTH - 1).join("")}…` : line;
}

/** Cursor of the list's keyset pagination: the last row's `updatedAt` and id, so live updates never repeat a row. */
export function encodeCursor(updatedAt: Date, id: string): string {
  return `${updatedAt.getTime()}.${id}`;
}

export function decodeCursor(cursor: string): { updatedAt: Date; id: string } | null {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(cursor);
  if (!match) return null;
  return { updatedAt: new Date(Number(match[1])), id: match[2] as string };
}
