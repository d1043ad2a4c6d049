import type { TextPiece } from "./types.ts";

/**
 * ts_headline wraps matches in these. Control characters never occur in template text (publishing refuses
 * them and the SQL strips them before highlighting), so the markers cannot be forged by content, and the
 * pages render pieces as text — no HTML from the database ever reaches dangerouslySetInnerHTML.
 */
export const START_MARK = "\u0002";
export const STOP_MARK = "\u0003";

/** "AI \u0002Finance\u0003 expert" → [{ "AI ", false }, { "Finance", true }, { " expert", false }]. */
export function splitHighlight(marked: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  const push = (text: string, match: boolean) => {
    if (!text) return;
    const last = pieces[pieces.length - 1];
    if (last && last.match === match) last.text += text;
    else pieces.push({ text, match });
  };
  let rest = marked;
  while (rest) {
    const start = rest.indexOf(START_MARK);
    if (start < 0) {
      push(rest.replaceAll(STOP_MARK, ""), false);
      break;
    }
    push(rest.slice(0, start).replaceAll(STOP_MARK, ""), false);
    rest = rest.slice(start + START_MARK.length);
    const stop = rest.indexOf(STOP_MARK);
    const match = stop < 0 ? rest : rest.slice(0, stop);
    push(match.replaceAll(START_MARK, ""), true);
    rest = stop < 0 ? "" : rest.slice(stop + STOP_MARK.length);
  }
  return pieces;
}

/** The text without markers. */
export function plainText(pieces: readonly TextPiece[]): string {
  return pieces.map((piece) => piece.text).join("");
}

const ELLIPSIS = "…";

/**
 * A description excerpt from ts_headline's fragments. No match in it (the search hit the name or tags):
 * the whole description, unmarked. Otherwise the fragments, with "…" where they leave text out at either end.
 */
export function descriptionPieces(marked: string | null, description: string): TextPiece[] {
  const pieces = marked ? splitHighlight(marked) : [];
  if (!pieces.some((piece) => piece.match)) return description ? [{ text: description, match: false }] : [];
  const text = plainText(pieces);
  const out = [...pieces];
  if (!description.startsWith(text.slice(0, 24))) out.unshift({ text: `${ELLIPSIS} `, match: false });
  if (!description.trimEnd().endsWith(text.trimEnd().slice(-24))) out.push({ text: ` ${ELLIPSIS}`, match: false });
  return mergeAdjacent(out);
}

function mergeAdjacent(pieces: TextPiece[]): TextPiece[] {
  const merged: TextPiece[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && last.match === piece.match) last.text += piece.text;
    else merged.push({ ...piece });
  }
  return merged;
}
