export { authenticateDeploymentKey, DEPLOYMENT_KEY_PREFIX } from "./auth.ts";
export { handleChatCompletions } from "./completions.ts";
export { type ApiRequestOptions, handleConversationGet, handleConversationTurn } from "./conversations.ts";
export { buildOpenApiDocument, handleOpenApiRequest, type OpenApiDocument } from "./openapi.ts";
export { CONVERSATION_HEADER } from "./respond.ts";
