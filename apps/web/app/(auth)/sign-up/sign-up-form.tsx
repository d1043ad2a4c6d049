"use client";
import { Alert, Button, TextField } from "@pixel/ui";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setError(null);
    try {
      await signUp.mutateAsync({ name: String(form.get("name") ?? ""), email, password });
    } catch (e) {
      if (Object.keys(fieldErrorsOf(e)).length === 0) setError(messageOf(e));
      return;
    }
    const result = await signIn("credentials", { email, password, redirect: false });
    if (result?.error) {
      setError("Your account was created, but signing in failed. Try signing in.");
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  const fields = fieldErrorsOf(signUp.error);
  return (
    <div>
      <h1 className="text-xl font-semibold">Create your account</h1>
      <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">You get a personal workspace right away.</p>
      <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
        {error ? <Alert>{error}</Alert> : null}
        <TextField label="Name" name="name" autoComplete="name" required error={fields.name} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required error={fields.email} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 8 characters."
          error={fields.password}
        />
        <Button type="submit" className="w-full" loading={signUp.isPending}>
          Create account
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-slate-500">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          Sign in
        </Link>
      </p>
    </div>
  );
}
