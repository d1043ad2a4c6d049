const GENERIC = "Something went wrong. Please try again.";
const OFFLINE = "Could not reach the server. Check your connection and try again.";

/** A message for a failed request, fit for users: the server's JSON `error.message` when it sent one. */
export function describeTransportError(error: Error | undefined | null): string {
  if (!error) return GENERIC;
  const status = (error as { statusCode?: unknown }).statusCode;
  const text = error.message?.trim() ?? "";
  if (text.startsWith("{")) {
    try {
      const body = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
      const message = typeof body.error === "string" ? body.error : (body.error?.message ?? body.message);
      if (typeof message === "string" && message.trim()) return message.trim().slice(0, 300);
    } catch {
      // Not JSON after all: fall through.
    }
  }
  if (status === 429) return "Too many messages. Please wait a moment and try again.";
  if (error.name === "TypeError" || /failed to fetch|networkerror|load failed|network/i.test(text)) return OFFLINE;
  if (!text || text.startsWith("<") || text.startsWith("{") || text.length > 300) return GENERIC;
  return text;
}
