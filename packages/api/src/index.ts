export { appRouter, type AppRouter } from "./routers/_app.ts";
export { createContext, InvalidTokenError, ORGANIZATION_COOKIE, ORGANIZATION_HEADER, type Context } from "./trpc/context.ts";
export { createCallerFactory } from "./trpc/init.ts";
export { handleTrpcRequest } from "./http/trpc-handler.ts";
export type { Access } from "./trpc/access.ts";
