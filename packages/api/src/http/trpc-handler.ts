import type { PrismaClient } from "@pixel/db";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { RateLimitedError } from "../lib/rate-limit.ts";
import { appRouter } from "../routers/_app.ts";
import { createContext, InvalidTokenError } from "../trpc/context.ts";

export interface TrpcRequestOptions {
  req: Request;
  prisma: PrismaClient;
  endpoint: string;
  appUrl: string;
  getSessionUser: () => Promise<{ id: string; email: string } | null>;
}

/** Serves the tRPC API over fetch Request/Response; the Next.js route only wires it in. */
export async function handleTrpcRequest(options: TrpcRequestOptions): Promise<Response> {
  const { req, prisma } = options;
  let sessionUser: { id: string; email: string } | null = null;
  if (!req.headers.get("authorization")) sessionUser = await options.getSessionUser();
  let context: Awaited<ReturnType<typeof createContext>>;
  try {
    context = await createContext({ prisma, headers: req.headers, sessionUser, appUrl: options.appUrl });
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      // The same superjson envelope as every other tRPC error, or the tRPC client cannot read it.
      return Response.json(
        {
          error: superjson.serialize({
            message: error.message,
            code: -32001,
            data: { code: "UNAUTHORIZED", httpStatus: 401 },
          }),
        },
        { status: 401, headers: { "www-authenticate": 'Bearer error="invalid_token"' } },
      );
    }
    throw error;
  }
  return fetchRequestHandler({
    endpoint: options.endpoint,
    req,
    router: appRouter,
    createContext: () => context,
    responseMeta({ errors }) {
      // Tell rate-limited clients how long to wait, in seconds, as HTTP intends.
      const limited = errors.find((e) => e.cause instanceof RateLimitedError)?.cause as RateLimitedError | undefined;
      return limited ? { headers: new Headers({ "retry-after": String(limited.retryAfterSeconds) }) } : {};
    },
    onError({ error, path }) {
      // Only unexpected failures are logged; their messages carry no secrets (inputs are never logged).
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}: ${error.message}`);
    },
  });
}
