import { oauthProvidersEnabled } from "@pixel/api/auth";
import type { Metadata } from "next";
import { safeCallbackUrl } from "../callback-url";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  return (
    <SignInForm
      oauth={oauthProvidersEnabled()}
      callbackUrl={safeCallbackUrl(params.callbackUrl)}
      failed={Boolean(params.error)}
    />
  );
}
