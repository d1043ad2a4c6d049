import type { PrismaClient } from "@pixel/db";
import type { FlowState } from "@pixel/flow";
import type { TimedAttempt } from "../ai/usage.ts";
import {
  type ConversationScope,
  type EarlyUserMessage,
  type OpenConversation,
  openConversation,
  saveAttempts,
  saveTurn,
  saveUserMessage,
} from "./conversation-store.ts";
import type { AssistantRecord } from "./transcript.ts";

/** What a turn keeps: the conversation, the user's message, the bot's messages with the state, the AI attempts. */
export interface TurnStore {
  open(scope: ConversationScope, conversationId: string | null, message?: EarlyUserMessage): Promise<OpenConversation>;
  saveUserMessage(scope: ConversationScope, conversationId: string, text: string, input: unknown): Promise<void>;
  /** `conversationId`: the id the client uses from now on, when it changes with every turn (signed state). */
  saveTurn(
    scope: ConversationScope,
    conversationId: string,
    records: AssistantRecord[],
    state: FlowState,
    attempts: TimedAttempt[],
  ): Promise<{ messageIds: string[]; conversationId?: string }>;
  saveAttempts(attempts: TimedAttempt[]): Promise<void>;
}

/** Conversations in PostgreSQL: every channel but the gallery's anonymous previews. */
export function databaseStore(prisma: PrismaClient): TurnStore {
  return {
    open: (scope, conversationId, message) => openConversation(prisma, scope, conversationId, message),
    saveUserMessage: async (scope, conversationId, text, input) => {
      await saveUserMessage(prisma, scope, conversationId, text, input);
    },
    saveTurn: async (scope, conversationId, records, state, attempts) => ({
      messageIds: await saveTurn(prisma, scope, conversationId, records, state, attempts),
    }),
    saveAttempts: (attempts) => saveAttempts(prisma, attempts),
  };
}
