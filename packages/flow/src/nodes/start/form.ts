import { defineNodeForm } from "../../forms/types.ts";
import type { StartData } from "./node.ts";

export const startForm = defineNodeForm<StartData>({
  icon: "play",
  color: "emerald",
  fields: [],
  summary: () => [],
});
