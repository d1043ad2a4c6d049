import { oauthProvidersEnabled } from "@pixel/api/auth";
import type { Metadata } from "next";
import { Suspense } from "react";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default function SignInPage() {
  return (
    <Suspense>
      <SignInForm oauth={oauthProvidersEnabled()} />
    </Suspense>
  );
}
