import {
  BarChart3,
  Bot,
  Gauge,
  LayoutDashboard,
  LayoutTemplate,
  type LucideIcon,
  MessagesSquare,
  Plug,
  Rocket,
  Settings,
} from "lucide-react";

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/app", label: "Overview", icon: LayoutDashboard },
  { href: "/app/bots", label: "Bots", icon: Bot },
  { href: "/app/templates", label: "Templates", icon: LayoutTemplate },
  { href: "/app/deployments", label: "Deployments", icon: Rocket },
  { href: "/app/providers", label: "AI providers", icon: Plug },
  { href: "/app/usage", label: "Usage", icon: Gauge },
  { href: "/app/conversations", label: "Conversations", icon: MessagesSquare },
  { href: "/app/analytics", label: "Analytics", icon: BarChart3 },
  { href: "/app/settings", label: "Settings", icon: Settings },
];

export function isActive(pathname: string, href: string): boolean {
  return href === "/app" ? pathname === "/app" : pathname === href || pathname.startsWith(`${href}/`);
}
