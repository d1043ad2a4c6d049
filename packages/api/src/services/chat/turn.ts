import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@pixel/db";
import {
  type FlowDocument,
  type FlowEvent,
  type FlowPorts,
  type FlowState,
  mathRandom,
  streamTurn,
  systemClock,
  type TurnInput,
} from "@pixel/flow";
import { createAiRuntime } from "../ai/runtime.ts";
import type { TimedAttempt } from "../ai/usage.ts";
import { createChunkMapper, type PixelChunk } from "./chunks.ts";
import type { ConversationScope } from "./conversation-store.ts";
import { describeInput, stateFreeText } from "./describe-input.ts";
import { createHttpPort } from "./http-port.ts";
import { databaseStore, type TurnStore } from "./store.ts";
import { TurnTranscript } from "./transcript.ts";

export interface ChatTurnRequest extends ConversationScope {
  flow: FlowDocument;
  conversationId?: string | null;
  input: TurnInput;
  /** Preview: stream what the engine did (path, variables, model, tokens, cost). */
  trace?: boolean;
}

export interface ChatTurnOutcome {
  conversationId: string;
  state: FlowState;
  events: FlowEvent[];
  messageIds: string[];
}

export interface ChatTurn {
  conversationId: string;
  /** Runs the engine, streaming chunks through `write`, and saves the bot's messages and the state. */
  run(write: (chunk: PixelChunk) => void): Promise<ChatTurnOutcome>;
}

export interface ChatDeps {
  prisma: PrismaClient;
  /** Overrides for tests and benches; the app uses the memoised AI runtime of its Prisma client. */
  ports?: Partial<FlowPorts>;
  /** Where the conversation lives; default PostgreSQL through `prisma`. */
  store?: TurnStore;
}

/**
 * The chat-turn path of the design: everything that can refuse the request (unknown conversation)
 * happens here, before any stream starts, so refusals are plain 4xx responses; the user's message is
 * saved before any model is called.
 */
export async function openChatTurn(deps: ChatDeps, request: ChatTurnRequest): Promise<ChatTurn> {
  const { prisma } = deps;
  const store = deps.store ?? databaseStore(prisma);
  const early = stateFreeText(request.input);
  const conversation = await store.open(
    request,
    request.conversationId ?? null,
    typeof early === "string" ? { text: early, input: request.input } : undefined,
  );
  if (early === undefined) {
    const text = describeInput(request.input, { flow: request.flow, state: conversation.state });
    if (text !== null) await store.saveUserMessage(request, conversation.id, text, request.input);
  }
  // The engine adds the current message itself; history is what came before it.
  const history = conversation.history;

  return {
    conversationId: conversation.id,
    async run(write) {
      // AI attempts are written with the bot's messages, in the turn's last statement.
      const attempts: TimedAttempt[] = [];
      const ports: FlowPorts = {
        ai:
          deps.ports?.ai ??
          createAiRuntime(prisma).port(
            {
              organizationId: request.organizationId,
              botId: request.botId,
              deploymentId: request.deploymentId,
              conversationId: conversation.id,
            },
            { deferUsageTo: attempts },
          ),
        http: deps.ports?.http ?? createHttpPort(),
        clock: deps.ports?.clock ?? systemClock,
        random: deps.ports?.random ?? mathRandom,
      };
      const mapper = createChunkMapper({ trace: request.trace ?? false, newId: randomUUID });
      const transcript = new TurnTranscript();
      const events: FlowEvent[] = [];
      write({ type: "data-conversation", data: { conversationId: conversation.id } });
      const turn = streamTurn({ flow: request.flow, state: conversation.state, input: request.input, ports, history });
      let state: FlowState;
      let messageIds: string[];
      let conversationId = conversation.id;
      try {
        let next = await turn.next();
        while (!next.done) {
          events.push(next.value);
          transcript.add(next.value);
          for (const chunk of mapper.map(next.value)) write(chunk);
          next = await turn.next();
        }
        state = next.value;
        const saved = await store.saveTurn(request, conversation.id, transcript.records, state, attempts);
        attempts.length = 0;
        messageIds = saved.messageIds;
        if (saved.conversationId && saved.conversationId !== conversationId) {
          conversationId = saved.conversationId;
          write({ type: "data-conversation", data: { conversationId } });
        }
      } finally {
        // A turn that failed or was cut short still counts what its AI calls cost.
        await store.saveAttempts(attempts.splice(0)).catch((error) => {
          console.error(`[chat] could not record the AI attempts of a turn: ${(error as Error).message}`);
        });
      }
      if (request.trace) {
        write({
          type: "data-trace",
          transient: true,
          data: {
            kind: "state",
            path: state.path,
            vars: state.vars,
            waitingNodeId: state.waiting?.nodeId ?? null,
            status: state.status,
          },
        });
      }
      return { conversationId, state, events, messageIds };
    },
  };
}
