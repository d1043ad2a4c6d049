import { GraduationCap, MessagesSquare, Plug, Users, Wallet, Workflow } from "lucide-react";
import Link from "next/link";
import { Logo } from "@/components/logo";
import { ThemeToggle } from "@/components/theme-toggle";

const features = [
  {
    icon: Workflow,
    title: "Visual flow designer",
    text: "Drag nodes, connect branches, undo anything, preview live, publish versions and roll back.",
  },
  {
    icon: GraduationCap,
    title: "Expert templates",
    text: "Finance, legal, marketing, HR and more — plus multi-expert collaboration flows that hand off with shared context.",
  },
  {
    icon: Plug,
    title: "Any AI provider",
    text: "OpenAI, Anthropic, Google, Mistral or your own OpenAI-compatible server, with ordered fallback.",
  },
  {
    icon: Wallet,
    title: "Costs under control",
    text: "Keys encrypted at rest, every token and cent counted, budgets with a hard stop.",
  },
  {
    icon: MessagesSquare,
    title: "Deploy anywhere",
    text: "A hosted chat page, a tiny embeddable widget, a REST API and an OpenAI-compatible endpoint.",
  },
  {
    icon: Users,
    title: "Built for teams",
    text: "Organizations, roles, invitations, API tokens and an audit log from day one.",
  },
];

export default function LandingPage() {
  return (
    <div className="min-h-dvh">
      <header className="mx-auto flex max-w-6xl items-center justify-between px-6 py-5">
        <Logo />
        <nav className="flex items-center gap-2 text-sm">
          <Link
            href="/templates"
            className="hidden rounded-lg px-3 py-2 font-medium hover:bg-slate-100 sm:inline-block dark:hover:bg-slate-800"
          >
            Templates
          </Link>
          <ThemeToggle />
          <Link href="/sign-in" className="rounded-lg px-3 py-2 font-medium hover:bg-slate-100 dark:hover:bg-slate-800">
            Sign in
          </Link>
          <Link
            href="/sign-up"
            className="rounded-lg bg-indigo-600 px-3 py-2 font-medium text-white hover:bg-indigo-500"
          >
            Get started
          </Link>
        </nav>
      </header>
      <main>
        <section className="mx-auto max-w-4xl px-6 pt-16 pb-12 text-center sm:pt-24">
          <p className="mb-4 inline-block rounded-full bg-indigo-50 px-3 py-1 text-xs font-semibold text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300">
            Open source · self-hostable · runs with no setup
          </p>
          <h1 className="text-4xl font-bold tracking-tight sm:text-6xl">
            Build, publish and run <span className="text-indigo-600 dark:text-indigo-400">chatbots</span> your way.
          </h1>
          <p className="mx-auto mt-6 max-w-2xl text-lg text-slate-600 dark:text-slate-300">
            Pixel AI Creator is a platform to design bots as graphs, start from expert templates, stream answers from
            the AI provider you choose, and deploy them on a hosted page, a widget or an API.
          </p>
          <div className="mt-10 flex flex-wrap justify-center gap-3">
            <Link
              href="/sign-up"
              className="rounded-lg bg-indigo-600 px-5 py-3 font-semibold text-white shadow hover:bg-indigo-500"
            >
              Create your workspace
            </Link>
            <Link
              href="/templates"
              className="rounded-lg px-5 py-3 font-semibold ring-1 ring-slate-300 hover:bg-white dark:ring-slate-700 dark:hover:bg-slate-900"
            >
              Browse templates
            </Link>
            <Link
              href="/sign-in"
              className="rounded-lg px-5 py-3 font-semibold ring-1 ring-slate-300 hover:bg-white dark:ring-slate-700 dark:hover:bg-slate-900"
            >
              I have an account
            </Link>
          </div>
        </section>
        <section
          className="mx-auto grid max-w-6xl gap-4 px-6 pb-24 sm:grid-cols-2 lg:grid-cols-3"
          aria-label="Features"
        >
          {features.map((f) => (
            <div
              key={f.title}
              className="rounded-xl border border-slate-200 bg-white p-6 dark:border-slate-800 dark:bg-slate-900"
            >
              <div className="grid size-10 place-items-center rounded-lg bg-indigo-50 text-indigo-600 dark:bg-indigo-950 dark:text-indigo-300">
                <f.icon className="size-5" aria-hidden />
              </div>
              <h2 className="mt-3 font-semibold">{f.title}</h2>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{f.text}</p>
            </div>
          ))}
        </section>
      </main>
      <footer className="border-t border-slate-200 py-6 text-center text-xs text-slate-500 dark:border-slate-800">
        Pixel AI Creator — open-source chatbot platform
      </footer>
    </div>
  );
}
