import { z } from "zod";

/**
 * What the user did this turn. `start` opens a conversation (the designer's preview may start at any
 * node with `atNodeId`); `restart` goes back to the start node.
 */
export const turnInputSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("start"),
    atNodeId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
    /** Values the embedding page knows already (name, plan…), set before the first node runs. */
    variables: z
      .record(
        z.string().regex(/^[A-Za-z_]\w{0,63}$/, "Variable names use letters, digits and _"),
        z.union([z.string().max(2_000), z.number(), z.boolean()]),
      )
      .refine((v) => Object.keys(v).length <= 50, "At most 50 variables")
      .optional(),
  }),
  z.object({ type: z.literal("restart") }),
  z.object({ type: z.literal("text"), text: z.string().max(20_000) }),
  z.object({ type: z.literal("choice"), optionId: z.string().min(1).max(200) }),
  z.object({ type: z.literal("form"), values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])) }),
]);

export type TurnInput = z.infer<typeof turnInputSchema>;

/** A short text form of any input, for matching global actions and free-text fallbacks. */
export function inputText(input: TurnInput): string | null {
  if (input.type === "text") return input.text;
  return null;
}
