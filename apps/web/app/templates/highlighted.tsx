import type { TextPiece } from "@pixel/api";

/** Text with the search's matches in <mark>: built from pieces, so no HTML from the database is ever injected. */
export function Highlighted({ pieces }: { pieces: TextPiece[] }) {
  return (
    <>
      {pieces.map((piece, index) =>
        piece.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces are a fixed sequence of one text
          <mark key={index} className="rounded-sm bg-amber-200/80 px-0.5 text-inherit dark:bg-amber-500/40">
            {piece.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces are a fixed sequence of one text
          <span key={index}>{piece.text}</span>
        ),
      )}
    </>
  );
}
