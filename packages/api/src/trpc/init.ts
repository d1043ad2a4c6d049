import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Access } from "./access.ts";
import type { Context } from "./context.ts";

export interface FieldError {
  path: string;
  message: string;
}

function fieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.join(".") || "(input)", message: issue.message }));
}

export const t = initTRPC
  .context<Context>()
  .meta<Access>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const zod = error.cause instanceof ZodError ? error.cause : null;
      if (!zod) {
        // A body or ?input= that is not JSON: say so plainly instead of echoing the parser.
        const message =
          error.cause instanceof SyntaxError ? `The request is not valid JSON: ${error.cause.message}` : shape.message;
        return { ...shape, message, data: { ...shape.data, stack: undefined, fieldErrors: null } };
      }
      const fields = fieldErrors(zod);
      return {
        ...shape,
        // A message a person can read, naming each field path.
        message: `Invalid input: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`,
        data: { ...shape.data, stack: undefined, fieldErrors: fields },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
