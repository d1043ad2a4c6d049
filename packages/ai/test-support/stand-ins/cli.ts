/**
 * Runs a stand-in for local development: `pnpm --filter @pixel/ai stand-in [--port 4010] [--key sk-local]
 * [--chunk-delay 40]`. Every model request gets a friendly canned text, streamed word by word, so a developer can
 * point a key's base URL at it (OpenAI / OpenAI-compatible / Anthropic: http://127.0.0.1:4010/v1,
 * Gemini: http://127.0.0.1:4010/v1beta, Ollama: http://127.0.0.1:4010).
 */
import { parseArgs } from "node:util";
import { startStandIn } from "./server.ts";

const CANNED_TEXT =
  "Hi! I'm the Pixel AI Creator stand-in: a local server that speaks your provider's wire format. " +
  "No real model was called and no tokens were spent. Everything between your bot and the provider works.";

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p", default: process.env.PORT ?? "4010" },
    key: { type: "string", short: "k" },
    "chunk-delay": { type: "string", default: "40" },
  },
});

const port = Number(values.port);
const chunkDelayMs = Number(values["chunk-delay"]);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`stand-in: invalid port "${values.port}"`);
  process.exit(1);
}

const standIn = await startStandIn({
  port,
  expectedKey: values.key,
  defaultReply: { text: CANNED_TEXT, chunkDelayMs: Number.isFinite(chunkDelayMs) ? chunkDelayMs : 40 },
  onRequest: (request) => {
    const model = request.model != null ? ` model=${request.model}` : "";
    const mode = request.stream ? " stream" : "";
    console.log(`${request.method} ${request.path} → ${request.status} [${request.route}]${model}${mode}`);
  },
});

console.log(`Pixel AI stand-in listening on ${standIn.url}`);
console.log(`  OpenAI / OpenAI-compatible / Ollama (v1): ${standIn.baseUrls.openai}`);
console.log(`  Anthropic:                              ${standIn.baseUrls.anthropic}`);
console.log(`  Google Gemini:                          ${standIn.baseUrls.google}`);
console.log(values.key != null ? "  Only the key given with --key is accepted." : "  Any key is accepted.");

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void standIn.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
