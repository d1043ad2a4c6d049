// The demo page with a stand-in chat API (same contract as the real one), for trying the widget without
// the app: node packages/embed/demo/server.mjs [port]  → http://localhost:4380/
// Slugs: "blocked" → 403, "paused" → 423, "missing" → 404; anything else chats. Say "error", "429" or
// "slow" to see those cases; other text is echoed back.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundle } from "../build.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.argv[2] ?? process.env.PORT ?? 4380);
const { code } = await bundle();
/** conversationId → saved messages. */
const conversations = new Map();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const config = (slug) => ({
  slug,
  name: "Demo bot",
  title: "Pixel demo",
  greeting: "Hi! 👋 I'm the **demo bot**.",
  theme: {
    primaryColor: "#4f46e5",
    backgroundColor: "#ffffff",
    mode: "auto",
    position: "bottom-right",
    title: "Pixel demo",
    greeting: "Hi! 👋 I'm the **demo bot**.",
  },
  channels: ["widget"],
});

const menu = {
  nodeId: "menu",
  prompt: "What can I do for you?",
  options: [
    { id: "pricing", label: "Pricing" },
    { id: "form", label: "Leave my details" },
    { id: "human", label: "Talk to a person" },
  ],
  allowFreeText: true,
};

/** The chunks of one turn, by input. */
function answer(input, vars) {
  const say = (text) => ({ text });
  if (input.type === "start" || input.type === "restart") {
    return [say(`Hello${vars?.name ? ` ${vars.name}` : ""}! Ask me anything, or pick one below.`), { choices: menu }];
  }
  if (input.type === "choice" && input.optionId === "pricing") {
    return [
      { expert: "Sales" },
      say(
        "Our plans:\n- **Free**: 1 bot\n- **Pro**: 10 bots, `$29`/month\n\nDetails on [our site](https://example.com/pricing).",
      ),
      { choices: menu },
    ];
  }
  if (input.type === "choice" && input.optionId === "form") {
    return [
      say("Sure, a few details:"),
      { input: { nodeId: "f", field: { name: "email", label: "Email", type: "email", required: true } } },
      {
        input: {
          nodeId: "f",
          field: { name: "age", label: "Age", type: "number", required: false, min: 18, max: 120 },
        },
      },
      {
        input: {
          nodeId: "f",
          field: {
            name: "size",
            label: "Team size",
            type: "select",
            required: true,
            options: ["1-10", "11-50", "50+"],
          },
        },
      },
    ];
  }
  if (input.type === "form") return [say(`Thanks! We'll write to ${input.values.email}.`), { choices: menu }];
  if (input.type === "choice" && input.optionId === "human") {
    return [{ handoff: "A person will answer by email shortly." }, { end: "handoff" }];
  }
  if (input.type === "text" && input.text === "error")
    return [{ error: { code: "ai-failed", message: "The AI did not answer." } }];
  return [say(`You said: ${input.text ?? input.optionId}`), { choices: menu }];
}

function cors(req, res) {
  res.setHeader("access-control-allow-origin", req.headers.origin ?? "*");
  res.setHeader("access-control-allow-headers", "content-type");
  res.setHeader("access-control-expose-headers", "retry-after");
  res.setHeader("vary", "origin");
}

const json = (res, status, body) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

async function turn(req, res, slug) {
  let body = "";
  for await (const piece of req) body += piece;
  const { conversationId, endUserId, input } = JSON.parse(body);
  if (input?.type === "text" && input.text === "429") {
    res.setHeader("retry-after", "12");
    return json(res, 429, { error: { code: "rate-limited", message: "Too many messages." } });
  }
  let id = conversationId;
  if (!id || !conversations.has(id)) {
    id = `conv-${Math.random().toString(36).slice(2, 10)}`;
    conversations.set(id, { endUserId, slug, messages: [], status: "active" });
  }
  const conv = conversations.get(id);
  const userText = input.type === "text" ? input.text : undefined;
  conv.messages.push({
    id: `m${conv.messages.length}`,
    role: "user",
    parts: userText ? [{ type: "text", text: userText }] : [],
  });
  const parts = [{ type: "data-conversation", data: { conversationId: id } }];

  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const send = (chunk) => res.write(`data: ${typeof chunk === "string" ? chunk : JSON.stringify(chunk)}\n\n`);
  send({ type: "start" });
  send({ type: "data-conversation", data: { conversationId: id } });
  await sleep(input.type === "text" && input.text === "slow" ? 3000 : 400);
  let n = 0;
  for (const step of answer(input, input.variables)) {
    if (step.text !== undefined) {
      const tid = `t${n++}`;
      send({ type: "text-start", id: tid });
      for (const word of step.text.match(/\S+\s*/g) ?? []) {
        send({ type: "text-delta", id: tid, delta: word });
        await sleep(35);
      }
      send({ type: "text-end", id: tid });
      parts.push({ type: "text", text: step.text });
    }
    for (const [name, key] of [
      ["choices", "choices"],
      ["input", "input"],
      ["expert", "expert"],
      ["handoff", "handoff"],
      ["error", "error"],
      ["end", "end"],
    ]) {
      if (step[key] === undefined) continue;
      const data =
        name === "expert"
          ? { name: step.expert }
          : name === "handoff"
            ? { message: step.handoff }
            : name === "end"
              ? { reason: step.end }
              : step[key];
      send({ type: `data-${name}`, data });
      parts.push({ type: `data-${name}`, data });
      if (name === "end") conv.status = "ended";
    }
  }
  send({ type: "finish" });
  send("[DONE]");
  res.end();
  conv.messages.push({ id: `m${conv.messages.length}`, role: "assistant", parts });
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
  cors(req, res);
  if (req.method === "OPTIONS") return res.writeHead(204).end();
  if (url.pathname === "/" || url.pathname === "/index.html") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    return res.end(await readFile(path.join(here, "index.html")));
  }
  if (url.pathname === "/embed.js") {
    res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" });
    return res.end(code);
  }
  const m = /^\/api\/chat\/([^/]+)(\/config|\/conversations\/([^/]+))?$/.exec(url.pathname);
  if (!m) return json(res, 404, { error: { code: "not-found", message: "Not found." } });
  const slug = decodeURIComponent(m[1]);
  if (slug === "blocked") {
    // Like the real server: a site that may not use the chat gets no CORS headers, so it cannot read this.
    res.removeHeader("access-control-allow-origin");
    return json(res, 403, { error: { code: "origin-not-allowed", message: "This site may not use this chat." } });
  }
  if (slug === "paused") return json(res, 423, { error: { code: "deployment-paused", message: "Paused." } });
  if (slug === "missing") return json(res, 404, { error: { code: "deployment-not-found", message: "Unknown." } });
  if (m[2] === "/config") return json(res, 200, config(slug));
  if (m[3]) {
    const conv = conversations.get(decodeURIComponent(m[3]));
    if (!conv || conv.endUserId !== url.searchParams.get("endUserId")) {
      return json(res, 404, { error: { code: "conversation-not-found", message: "Unknown conversation." } });
    }
    return json(res, 200, { conversationId: m[3], status: conv.status, messages: conv.messages });
  }
  if (req.method === "POST") return turn(req, res, slug);
  json(res, 405, { error: { code: "method", message: "Use POST." } });
}).listen(port, () => console.log(`Widget demo on http://localhost:${port}/`));
