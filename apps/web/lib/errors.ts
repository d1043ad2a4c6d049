import { TRPCClientError } from "@trpc/client";

interface FieldError {
  path: string;
  message: string;
}

/** Field-level messages from a tRPC 400 (zod), keyed by path; empty for other errors. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const fields = (error.data as { fieldErrors?: FieldError[] | null } | undefined)?.fieldErrors ?? [];
  return Object.fromEntries(fields.map((f) => [f.path, f.message]));
}

export function messageOf(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const fields = (error.data as { fieldErrors?: FieldError[] | null } | undefined)?.fieldErrors;
    if (fields?.length) return fields.map((f) => f.message).join(". ");
    return error.message;
  }
  return error instanceof Error ? error.message : "Something went wrong.";
}
