import type { GlobalAction } from "../document/schema.ts";

function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function words(text: string): Set<string> {
  return new Set(normalise(text).split(" ").filter(Boolean));
}

function keywordMatches(message: string, keyword: string): boolean {
  const haystack = ` ${normalise(message)} `;
  const needle = normalise(keyword);
  return needle.length > 0 && haystack.includes(` ${needle} `);
}

/** Share of the example's words found in the message; intent triggers fire at 0.6 or more. */
function similarity(message: Set<string>, example: string): number {
  const exampleWords = words(example);
  if (exampleWords.size === 0) return 0;
  let found = 0;
  for (const w of exampleWords) if (message.has(w)) found += 1;
  return found / exampleWords.size;
}

export const INTENT_THRESHOLD = 0.6;

/** The first global action a typed message triggers: whole words or phrases for keywords, overlap for intents. */
export function matchGlobalAction(actions: readonly GlobalAction[], message: string): GlobalAction | null {
  if (!message.trim() || actions.length === 0) return null;
  let messageWords: Set<string> | null = null;
  for (const action of actions) {
    if (action.trigger.kind === "keyword") {
      if (action.trigger.keywords.some((k) => keywordMatches(message, k))) return action;
    } else {
      messageWords ??= words(message);
      const words_ = messageWords;
      if (action.trigger.examples.some((e) => similarity(words_, e) >= INTENT_THRESHOLD)) return action;
    }
  }
  return null;
}
