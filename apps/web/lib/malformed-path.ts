/**
 * Whether a request path carries a percent-escape that does not decode (e.g. "%E0%A4%A"). Next.js answers such
 * paths with a 500 when it decodes a dynamic segment; the proxy answers 400 first.
 */
export function hasMalformedEscape(path: string): boolean {
  if (!path.includes("%")) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}
