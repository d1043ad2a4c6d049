import type { CSSProperties } from "react";
import type { ChatTheme } from "./types.ts";

const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNCTION = /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([0-9a-z.,%\s/+-]{1,80}\)$/i;
const NAMED = /^[a-z]{3,20}$/i;

/** The colour if it is a plain CSS colour (hex, colour function or name), else undefined: no `url()`, no `;`. */
export function safeCssColor(value: string | undefined): string | undefined {
  const colour = value?.trim();
  if (!colour) return undefined;
  return HEX.test(colour) || FUNCTION.test(colour) || NAMED.test(colour) ? colour : undefined;
}

/** Dark or light text for a background colour; white unless the colour is a light hex colour. */
export function textColorOn(colour: string | undefined): string {
  const hex = colour && HEX.test(colour) ? colour.slice(1) : undefined;
  if (!hex) return "#ffffff";
  const full = hex.length <= 4 ? [...hex.slice(0, 3)].map((c) => c + c).join("") : hex.slice(0, 6);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Pick whichever of white (L = 1) and slate-900 (L ≈ 0.012) contrasts more.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.062 ? "#ffffff" : "#0f172a";
}

export const DEFAULT_PRIMARY = "#4f46e5";

/**
 * CSS variables of a chat window: `--pixel-chat-primary`, `--pixel-chat-on-primary` (text on it),
 * `--pixel-chat-primary-light` (the primary mixed with white, for text and outlines on dark backgrounds)
 * and `--pixel-chat-bg` when a background is set.
 */
export function themeStyle(theme: ChatTheme | undefined): CSSProperties {
  const primary = safeCssColor(theme?.primary) ?? DEFAULT_PRIMARY;
  const background = safeCssColor(theme?.background);
  return {
    "--pixel-chat-primary": primary,
    "--pixel-chat-on-primary": textColorOn(primary),
    "--pixel-chat-primary-light": `color-mix(in oklab, ${primary} 55%, white)`,
    ...(background ? { "--pixel-chat-bg": background } : {}),
  } as CSSProperties;
}
