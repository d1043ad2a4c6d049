export { loadTemplateDetail } from "./detail.ts";
export { expertsOfFlow } from "./experts.ts";
export { seedTemplatesOnFirstStart } from "./first-start.ts";
export { splitHighlight } from "./highlight.ts";
export { parseGalleryQuery } from "./parse-query.ts";
export { searchGallery } from "./search.ts";
export { type SeedResult, seedTemplates } from "./seed.ts";
export * from "./types.ts";
