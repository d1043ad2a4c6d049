import { type HostedChatPage, loadHostedChat } from "@pixel/api";
import { getPrisma } from "@pixel/db";
import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { HostedChat } from "./hosted-chat";

// A deployment can be paused, re-themed or re-pinned at any time.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const load = cache((slug: string): Promise<HostedChatPage> => loadHostedChat(getPrisma(), slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await load((await params).slug);
  switch (page.status) {
    case "ready":
      return {
        title: { absolute: page.config.title },
        ...(page.config.greeting ? { description: page.config.greeting } : {}),
      };
    case "paused":
      return { title: { absolute: "This chat is paused" } };
    case "unpublished":
      return { title: { absolute: "This chat is not ready yet" } };
    default:
      return {};
  }
}

export async function generateViewport({ params }: Props): Promise<Viewport> {
  const page = await load((await params).slug);
  return {
    width: "device-width",
    initialScale: 1,
    // The on-screen keyboard shrinks the page, so the message box stays above it.
    interactiveWidget: "resizes-content",
    ...(page.status === "ready" ? { themeColor: page.config.theme.primaryColor } : {}),
  };
}

/** The hosted chat page: public, no sign-in, one deployment's chat filling the screen. */
export default async function HostedChatRoute({ params }: Props) {
  const page = await load((await params).slug);
  if (page.status === "not-found") notFound();
  if (page.status !== "ready") {
    return (
      <Unavailable
        title={page.status === "paused" ? "This chat is paused" : "This chat is not ready yet"}
        text={page.status === "paused" ? "Please come back a little later." : "Please try again later."}
      />
    );
  }
  return (
    <>
      {/* Before the first paint: the deployment's colour mode, not the visitor's dashboard preference. */}
      <script
        // biome-ignore lint/security/noDangerouslySetInnerHtml: a fixed script; its one argument is an enum value.
        dangerouslySetInnerHTML={{ __html: colorModeScript(page.config.theme.mode) }}
      />
      <HostedChat config={page.config} />
    </>
  );
}

/** Sets the `dark` class and colour scheme of the page ("auto" follows the visitor's system). */
function colorModeScript(mode: "light" | "dark" | "auto"): string {
  const dark = mode === "auto" ? 'matchMedia("(prefers-color-scheme: dark)").matches' : String(mode === "dark");
  return `try{var d=${dark},r=document.documentElement;r.classList.toggle("dark",d);r.style.colorScheme=d?"dark":"light"}catch(e){}`;
}

function Unavailable({ title, text }: { title: string; text: string }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-6 py-12 text-center">
      <div className="w-full max-w-sm rounded-2xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <span
          aria-hidden
          className="mx-auto mb-4 flex size-12 items-center justify-center rounded-full bg-slate-100 text-2xl dark:bg-slate-800"
        >
          💬
        </span>
        <h1 className="text-lg font-semibold text-slate-900 dark:text-white">{title}</h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{text}</p>
      </div>
    </main>
  );
}
