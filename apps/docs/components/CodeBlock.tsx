"use client";

import { type ComponentPropsWithoutRef, useRef, useState } from "react";

/** A fenced code block with a "Copy" button (the button only appears once JavaScript runs). */
export function CodeBlock(props: ComponentPropsWithoutRef<"pre">) {
  const preRef = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState(false);

  async function copy() {
    const text = preRef.current?.textContent ?? "";
    try {
      await navigator.clipboard.writeText(text.replace(/\n$/, ""));
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard refused (insecure context or permissions): the text stays selectable.
    }
  }

  return (
    <div className="code-block">
      <pre ref={preRef} {...props} />
      <button type="button" className="copy-button" onClick={copy} aria-label={copied ? "Copied" : "Copy code"}>
        {copied ? "Copied" : "Copy"}
      </button>
    </div>
  );
}
