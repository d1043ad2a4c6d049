"use client";

import { memo } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

const components: Components = {
  a: ({ node: _node, href, children, ...rest }) => (
    <a
      {...rest}
      href={href}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className="font-medium text-(--pixel-chat-primary) underline underline-offset-2 hover:opacity-80 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-(--pixel-chat-primary) dark:text-(--pixel-chat-primary-light)"
    >
      {children}
    </a>
  ),
  p: ({ node: _node, ...rest }) => <p className="my-2 first:mt-0 last:mb-0" {...rest} />,
  ul: ({ node: _node, ...rest }) => <ul className="my-2 list-disc space-y-1 pl-5" {...rest} />,
  ol: ({ node: _node, ...rest }) => <ol className="my-2 list-decimal space-y-1 pl-5" {...rest} />,
  h1: ({ node: _node, ...rest }) => <p className="my-2 text-base font-semibold" {...rest} />,
  h2: ({ node: _node, ...rest }) => <p className="my-2 text-base font-semibold" {...rest} />,
  h3: ({ node: _node, ...rest }) => <p className="my-2 font-semibold" {...rest} />,
  h4: ({ node: _node, ...rest }) => <p className="my-2 font-semibold" {...rest} />,
  blockquote: ({ node: _node, ...rest }) => (
    <blockquote
      className="my-2 border-l-2 border-slate-300 pl-3 text-slate-600 dark:border-slate-600 dark:text-slate-300"
      {...rest}
    />
  ),
  code: ({ node: _node, className, ...rest }) => (
    <code
      className={className ?? "rounded bg-black/5 px-1 py-0.5 font-mono text-[0.85em] dark:bg-white/10"}
      {...rest}
    />
  ),
  pre: ({ node: _node, ...rest }) => (
    <pre className="my-2 overflow-x-auto rounded-lg bg-black/5 p-3 font-mono text-xs dark:bg-white/10" {...rest} />
  ),
  table: ({ node: _node, ...rest }) => (
    <div className="my-2 overflow-x-auto">
      <table className="w-full border-collapse text-left text-xs" {...rest} />
    </div>
  ),
  th: ({ node: _node, ...rest }) => (
    <th className="border-b border-slate-300 px-2 py-1 font-semibold dark:border-slate-600" {...rest} />
  ),
  td: ({ node: _node, ...rest }) => (
    <td className="border-b border-slate-200 px-2 py-1 dark:border-slate-700" {...rest} />
  ),
  img: ({ node: _node, alt, ...rest }) => (
    <img alt={alt ?? ""} loading="lazy" className="my-2 max-h-64 max-w-full rounded-lg" {...rest} />
  ),
  hr: () => <hr className="my-3 border-slate-200 dark:border-slate-700" />,
};

/**
 * A bot message as markdown (GitHub flavoured). Raw HTML is dropped and the result sanitized;
 * links open in a new tab without access to this page.
 */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return (
    <div className="min-w-0 break-words">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} skipHtml components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
});
