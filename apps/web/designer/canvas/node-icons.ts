import {
  BrainCircuit,
  CircleStop,
  ClipboardList,
  CornerDownRight,
  GraduationCap,
  Headset,
  type LucideIcon,
  MessageSquare,
  MousePointerClick,
  Play,
  Sparkles,
  Split,
  Square,
  Variable,
  Webhook,
} from "lucide-react";

/** The icons node forms name (kebab-case lucide names), imported one by one to keep the bundle small. */
const ICONS: Record<string, LucideIcon> = {
  "brain-circuit": BrainCircuit,
  sparkles: Sparkles,
  "clipboard-list": ClipboardList,
  split: Split,
  "circle-stop": CircleStop,
  "graduation-cap": GraduationCap,
  headset: Headset,
  "corner-down-right": CornerDownRight,
  "message-square": MessageSquare,
  "mouse-pointer-click": MousePointerClick,
  variable: Variable,
  play: Play,
  webhook: Webhook,
};

export function nodeIcon(name: string | undefined): LucideIcon {
  return (name && ICONS[name]) || Square;
}

/** Tailwind classes per accent: written out in full so the compiler keeps them. */
export const ACCENTS: Record<string, { bar: string; icon: string; chip: string }> = {
  slate: { bar: "bg-slate-400", icon: "text-slate-600 dark:text-slate-300", chip: "bg-slate-100 dark:bg-slate-800" },
  sky: { bar: "bg-sky-500", icon: "text-sky-600 dark:text-sky-300", chip: "bg-sky-50 dark:bg-sky-950" },
  violet: {
    bar: "bg-violet-500",
    icon: "text-violet-600 dark:text-violet-300",
    chip: "bg-violet-50 dark:bg-violet-950",
  },
  emerald: {
    bar: "bg-emerald-500",
    icon: "text-emerald-600 dark:text-emerald-300",
    chip: "bg-emerald-50 dark:bg-emerald-950",
  },
  amber: { bar: "bg-amber-500", icon: "text-amber-600 dark:text-amber-300", chip: "bg-amber-50 dark:bg-amber-950" },
  rose: { bar: "bg-rose-500", icon: "text-rose-600 dark:text-rose-300", chip: "bg-rose-50 dark:bg-rose-950" },
  indigo: {
    bar: "bg-indigo-500",
    icon: "text-indigo-600 dark:text-indigo-300",
    chip: "bg-indigo-50 dark:bg-indigo-950",
  },
  teal: { bar: "bg-teal-500", icon: "text-teal-600 dark:text-teal-300", chip: "bg-teal-50 dark:bg-teal-950" },
  orange: {
    bar: "bg-orange-500",
    icon: "text-orange-600 dark:text-orange-300",
    chip: "bg-orange-50 dark:bg-orange-950",
  },
};
