import type { PixelChatDataParts, PixelChatMetadata, TurnInput } from "@pixel/flow";
import type { ChatStatus, UIMessage } from "ai";

/**
 * Metadata of a chat message. Assistant messages get `conversationId`/`messageIds` from the server;
 * user messages carry the turn's `input` (what is sent) and `hidden` (no bubble, e.g. `start`).
 */
export type PixelMessageMetadata = PixelChatMetadata & { input?: TurnInput; hidden?: boolean };

/** A chat message as `useChat` keeps it: text parts plus the Pixel data parts. */
export type PixelUIMessage = UIMessage<PixelMessageMetadata, PixelChatDataParts>;

export type PixelChatStatus = ChatStatus;

/** Colours of a chat window. `primary`/`background` are CSS colours; unsafe values are ignored. */
export interface ChatTheme {
  primary?: string;
  background?: string;
  mode?: "light" | "dark";
}
