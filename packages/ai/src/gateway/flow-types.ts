import type { AiPort } from "@pixel/flow";

// @pixel/flow exports AiPort but not its request types; derive them so they follow the port exactly.
export type TextGenerationRequest = Parameters<AiPort["streamText"]>[0];
export type ObjectGenerationRequest = Parameters<AiPort["generateObject"]>[0];
export type ModelPreference = TextGenerationRequest["modelPreference"];
export type TextChunk = ReturnType<AiPort["streamText"]> extends AsyncIterable<infer T> ? T : never;
