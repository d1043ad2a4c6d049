import type { PixelUIMessage } from "./types.ts";

/** The text of a message: its text parts, in order, separated by a blank line. */
export function textOf(message: PixelUIMessage): string {
  return message.parts
    .flatMap((part) => (part.type === "text" ? [part.text] : []))
    .filter((text) => text.length > 0)
    .join("\n\n");
}

/** A user message that shows no bubble: marked hidden (start, restart…) or without any text. */
export function isHiddenMessage(message: PixelUIMessage): boolean {
  if (message.role !== "user") return false;
  return message.metadata?.hidden === true || textOf(message).trim() === "";
}
