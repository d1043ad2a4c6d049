"use client";

import type { PendingChoices } from "./chat-parts-view.ts";
import { focusRing } from "./styles.ts";

export interface QuickRepliesProps {
  choices: PendingChoices;
  disabled: boolean;
  onChoose: (optionId: string, label: string) => void;
}

/** The buttons of the question the bot waits on; a click answers with the option. */
export function QuickReplies({ choices, disabled, onChoose }: QuickRepliesProps) {
  return (
    <fieldset className="m-0 min-w-0 border-0 p-0">
      <legend className="sr-only">Quick replies</legend>
      <div className="flex flex-wrap justify-end gap-2">
        {choices.options.map((option) => (
          <button
            key={option.id}
            type="button"
            disabled={disabled}
            onClick={() => onChoose(option.id, option.label)}
            className={`min-h-9 rounded-full border border-(--pixel-chat-primary) bg-transparent px-3.5 py-1.5 text-sm font-medium text-(--pixel-chat-primary) transition-colors enabled:hover:bg-(--pixel-chat-primary) enabled:hover:text-(--pixel-chat-on-primary) disabled:cursor-not-allowed disabled:opacity-50 dark:border-(--pixel-chat-primary-light) dark:text-(--pixel-chat-primary-light) dark:enabled:hover:text-(--pixel-chat-on-primary) ${focusRing}`}
          >
            {option.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
