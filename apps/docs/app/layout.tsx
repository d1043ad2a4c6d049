import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Sidebar } from "../components/Sidebar.tsx";
import { sections } from "../content/pages.ts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pixel AI Creator docs", template: "%s · Pixel AI Creator docs" },
  description: "Documentation for Pixel AI Creator, the open-source platform to build, publish and run chatbots.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0b0d12" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-bg text-fg antialiased">
        <a href="#content" className="skip-link">
          Skip to content
        </a>
        <header className="sticky top-0 z-30 border-b border-line bg-bg/90 backdrop-blur">
          <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4 md:px-6">
            <Link href="/" className="flex items-center gap-2.5 rounded-md font-semibold tracking-tight">
              <span aria-hidden="true" className="logo-mark" />
              <span>
                Pixel AI Creator <span className="font-normal text-muted">docs</span>
              </span>
            </Link>
          </div>
        </header>
        <div className="mx-auto max-w-7xl md:grid md:grid-cols-[15rem_minmax(0,1fr)] md:gap-8 md:px-6 lg:grid-cols-[16rem_minmax(0,1fr)] lg:gap-12">
          <Sidebar sections={sections()} />
          <div className="min-w-0 px-4 md:px-0">{children}</div>
        </div>
      </body>
    </html>
  );
}
