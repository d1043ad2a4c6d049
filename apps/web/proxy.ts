import { type NextRequest, NextResponse } from "next/server";
import { hasMalformedEscape } from "@/lib/malformed-path";

/** Bad addresses get a clear 400 instead of the framework's 500 (see hasMalformedEscape). */
export function proxy(request: NextRequest) {
  if (!hasMalformedEscape(request.nextUrl.pathname)) return NextResponse.next();
  const message = "This address is not valid: it has a broken %-escape.";
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { code: "malformed-url", message } }, { status: 400 });
  }
  return new NextResponse(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
}

export const config = {
  // Only paths that can hold a "%": static assets never do.
  matcher: "/((?!_next/static|_next/image).*)",
};
