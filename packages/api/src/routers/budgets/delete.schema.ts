import { z } from "zod";

export const deleteBudgetSchema = z.object({ budgetId: z.string().min(1) });
export type DeleteBudgetInput = z.infer<typeof deleteBudgetSchema>;
