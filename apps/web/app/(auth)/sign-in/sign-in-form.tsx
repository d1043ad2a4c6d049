"use client";
import { Alert, Button, TextField } from "@pixel/ui";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";

export function SignInForm({
  oauth,
  callbackUrl,
  failed,
}: {
  oauth: { github: boolean; google: boolean };
  callbackUrl: string;
  failed: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(failed ? "Sign-in failed. Try again." : null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email or password.");
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <div>
      <h1 className="text-xl font-semibold">Sign in</h1>
      <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">Welcome back to Pixel AI Creator.</p>
      <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
        {error ? <Alert>{error}</Alert> : null}
        <TextField label="Email" name="email" type="email" autoComplete="email" required />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" className="w-full" loading={pending}>
          Sign in
        </Button>
      </form>
      {oauth.github || oauth.google ? (
        <div className="mt-6 space-y-2 border-t border-slate-200 pt-6 dark:border-slate-800">
          {oauth.github ? (
            <Button variant="secondary" className="w-full" onClick={() => signIn("github", { callbackUrl })}>
              Continue with GitHub
            </Button>
          ) : null}
          {oauth.google ? (
            <Button variant="secondary" className="w-full" onClick={() => signIn("google", { callbackUrl })}>
              Continue with Google
            </Button>
          ) : null}
        </div>
      ) : null}
      <p className="mt-6 text-center text-sm text-slate-500">
        New here?{" "}
        <Link
          href={`/sign-up${callbackUrl !== "/app" ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`}
          className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
        >
          Create an account
        </Link>
      </p>
    </div>
  );
}
