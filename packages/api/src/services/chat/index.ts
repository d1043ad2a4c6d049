export type { PixelChunk } from "./chunks.ts";
export { ChatError } from "./errors.ts";
export { chatErrorResponse, chatTurnResponse } from "./response.ts";
export { type ChatDeps, type ChatTurn, type ChatTurnOutcome, type ChatTurnRequest, openChatTurn } from "./turn.ts";
