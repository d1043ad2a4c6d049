export type { PublicChannel, PublicChatRequestOptions } from "./access.ts";
export { type HostedChatPage, handleChatConfig, loadHostedChat, type PublicChatConfig } from "./config.ts";
export {
  type ConversationHistory,
  type ConversationHistoryOptions,
  handleConversationHistory,
  type PublicChatMessage,
} from "./history.ts";
export { handleChatOptions } from "./options.ts";
export { handleChatTurn, MAX_MESSAGE_CHARS } from "./turn.ts";
