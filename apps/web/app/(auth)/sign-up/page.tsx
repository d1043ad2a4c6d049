import type { Metadata } from "next";
import { safeCallbackUrl } from "../callback-url";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  return <SignUpForm callbackUrl={safeCallbackUrl(params.callbackUrl)} />;
}
