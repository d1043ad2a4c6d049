import { z } from "zod";

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  password: z.string().min(8, "Use at least 8 characters").max(128, "Use at most 128 characters"),
});
export type SignUpInput = z.infer<typeof signUpSchema>;
