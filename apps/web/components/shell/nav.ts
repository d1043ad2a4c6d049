export interface NavItem {
  href: string;
  label: string;
  icon: string;
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/app", label: "Overview", icon: "🏠" },
  { href: "/app/bots", label: "Bots", icon: "🤖" },
  { href: "/app/templates", label: "Templates", icon: "🧩" },
  { href: "/app/deployments", label: "Deployments", icon: "🚀" },
  { href: "/app/providers", label: "AI providers", icon: "🔌" },
  { href: "/app/conversations", label: "Conversations", icon: "💬" },
  { href: "/app/analytics", label: "Analytics", icon: "📈" },
  { href: "/app/settings", label: "Settings", icon: "⚙️" },
];

export function isActive(pathname: string, href: string): boolean {
  return href === "/app" ? pathname === "/app" : pathname === href || pathname.startsWith(`${href}/`);
}
