import { flowJsonSchema } from "./json-schema.ts";

process.stdout.write(`${JSON.stringify(flowJsonSchema(), null, 2)}\n`);
