/**
 * PostgreSQL's English stop words (tsearch_data/english.stop, the list `websearch_to_tsquery('english', …)`
 * drops). A search made only of these finds nothing; parseGalleryQuery says so instead of showing an empty page.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers " +
    "herself it its itself they them their theirs themselves what which who whom this that these those am is are " +
    "was were be been being have has had having do does did doing a an the and but if or because as until while " +
    "of at by for with about against between into through during before after above below to from up down in out " +
    "on off over under again further then once here there when where why how all any both each few more most " +
    "other some such no nor not only own same so than too very s t can will just don should now"
  ).split(" "),
);

/** The words PostgreSQL's parser would index: runs of letters and digits. */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** True when the text has at least one word that is not a stop word (so the tsquery is not empty). */
export function hasSearchableWord(text: string): boolean {
  return searchWords(text).some((word) => !ENGLISH_STOP_WORDS.has(word));
}
