import { resolveDeployment } from "../../services/deployments/index.ts";
import { callerOf, corsHeaders, mayReadAnswers, type PublicChatRequestOptions } from "./access.ts";

const PREFLIGHT_HEADERS = {
  "access-control-allow-methods": "GET, POST",
  "access-control-allow-headers": "content-type",
  "access-control-max-age": "600",
};

/**
 * CORS preflight of every public chat endpoint. An allowed origin gets the allow headers; another gets
 * none (the browser then refuses the request). When the deployment cannot be served (unknown, paused,
 * unpublished) the preflight passes, so the widget can read the refusal of the request itself.
 */
export async function handleChatOptions(options: PublicChatRequestOptions): Promise<Response> {
  const caller = callerOf(options.req, options.appUrl);
  let allow = caller.channel === "widget";
  try {
    allow = mayReadAnswers(await resolveDeployment(options.prisma, options.slug), caller);
  } catch {
    // The request itself will answer with the reason.
  }
  const cors = corsHeaders(caller.origin, allow);
  return new Response(null, {
    status: 204,
    headers: cors["access-control-allow-origin"] ? { ...cors, ...PREFLIGHT_HEADERS } : cors,
  });
}
