import { router } from "../../trpc/init.ts";
import { procedure } from "../../trpc/procedure.ts";
import { meHandler } from "./me.handler.ts";
import { signUpHandler } from "./signUp.handler.ts";
import { signUpSchema } from "./signUp.schema.ts";

export const authRouter = router({
  signUp: procedure({ scope: "public", rateLimit: { points: 20, duration: 600 } })
    .input(signUpSchema)
    .mutation(signUpHandler),
  me: procedure({ scope: "user" }).query(meHandler),
});
