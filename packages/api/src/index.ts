export { handlePreviewRequest } from "./http/preview-handler.ts";
export * from "./http/template-preview/index.ts";
export * from "./http/public-chat/index.ts";
export { handleTrpcRequest } from "./http/trpc-handler.ts";
export {
  buildOpenApiDocument,
  handleChatCompletions,
  handleConversationGet,
  handleConversationTurn,
  handleOpenApiRequest,
} from "./http/v1/index.ts";
export { type AppRouter, appRouter } from "./routers/_app.ts";
export * as chat from "./services/chat/index.ts";
export type { Access } from "./trpc/access.ts";
export {
  type Context,
  createContext,
  InvalidTokenError,
  ORGANIZATION_COOKIE,
  ORGANIZATION_HEADER,
} from "./trpc/context.ts";
export { createCallerFactory } from "./trpc/init.ts";
