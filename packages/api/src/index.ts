export { handlePreviewRequest } from "./http/preview-handler.ts";
export * from "./http/public-chat/index.ts";
export * from "./http/template-preview/index.ts";
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
export {
  COMPLEXITIES,
  type Complexity,
  type FacetValue,
  GALLERY_PAGE_SIZE,
  GALLERY_SORTS,
  type GalleryCard,
  type GalleryPage,
  type GalleryQuery,
  type GallerySort,
  type GalleryViewer,
  loadTemplateDetail,
  type ParsedGalleryQuery,
  PRICE_TIERS,
  type PriceTier,
  parseGalleryQuery,
  searchGallery,
  seedTemplates,
  seedTemplatesOnFirstStart,
  type TemplateDetail,
  type TextPiece,
} from "./services/templates/index.ts";
export type { Access } from "./trpc/access.ts";
export {
  type Context,
  createContext,
  InvalidTokenError,
  ORGANIZATION_COOKIE,
  ORGANIZATION_HEADER,
} from "./trpc/context.ts";
export { createCallerFactory } from "./trpc/init.ts";
