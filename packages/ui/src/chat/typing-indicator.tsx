const DELAYS = [0, 160, 320];

/** Three bouncing dots in a bot bubble, announced once as "Bot is typing". */
export function TypingIndicator() {
  return (
    <div className="flex justify-start">
      <div
        role="status"
        aria-label="Bot is typing"
        className="flex items-center gap-1 rounded-2xl rounded-bl-sm bg-slate-100 px-3.5 py-3 dark:bg-slate-800"
      >
        {DELAYS.map((delay) => (
          <span
            key={delay}
            aria-hidden
            className="size-1.5 animate-bounce rounded-full bg-slate-400 motion-reduce:animate-pulse dark:bg-slate-500"
            style={{ animationDelay: `${delay}ms` }}
          />
        ))}
      </div>
    </div>
  );
}
