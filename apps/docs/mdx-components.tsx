import type { MDXComponents } from "mdx/types";
import Link from "next/link";
import { type ComponentPropsWithoutRef, isValidElement, type ReactNode } from "react";
import { Callout } from "./components/Callout.tsx";
import { CodeBlock } from "./components/CodeBlock.tsx";
import { slugify } from "./lib/slug.ts";

/** The plain text of a React tree, used to derive heading ids. */
function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}

function heading(Tag: "h2" | "h3") {
  return function Heading({ children, id, ...rest }: ComponentPropsWithoutRef<"h2">) {
    const anchor = id ?? slugify(textOf(children));
    return (
      <Tag id={anchor} {...rest}>
        <a href={`#${anchor}`} className="heading-anchor">
          {children}
        </a>
      </Tag>
    );
  };
}

function Anchor({ href = "", children, ...rest }: ComponentPropsWithoutRef<"a">) {
  if (href.startsWith("/")) {
    return (
      <Link href={href} {...rest}>
        {children}
      </Link>
    );
  }
  if (href.startsWith("#")) {
    return (
      <a href={href} {...rest}>
        {children}
      </a>
    );
  }
  return (
    <a href={href} rel="noreferrer" {...rest}>
      {children}
    </a>
  );
}

const components: MDXComponents = {
  h2: heading("h2"),
  h3: heading("h3"),
  a: Anchor,
  pre: CodeBlock,
  Callout,
};

export function useMDXComponents(): MDXComponents {
  return components;
}
