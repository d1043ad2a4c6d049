import type { GalleryCard } from "@pixel/api";
import { Clock, Crown, Gauge, Sparkles, Tag, Users } from "lucide-react";
import Link from "next/link";
import { Highlighted } from "./highlighted";
import {
  complexityLabel,
  formatSetupTime,
  labelOf,
  plural,
  priceTierLabel,
  tagLabel,
  visualBackground,
} from "./labels";
import { RatingSummary } from "./rating-stars";

const MAX_TAGS = 4;

/** The template's picture: its preview image, or its emoji on its theme colours. */
export function TemplateVisual({
  template,
  className,
  emojiClassName = "text-5xl",
}: {
  template: Pick<GalleryCard, "previewEmoji" | "previewImageUrl" | "themeColors">;
  className?: string;
  emojiClassName?: string;
}) {
  const image = template.previewImageUrl && /^(https:\/\/|\/)/.test(template.previewImageUrl);
  return (
    <div className={className} style={{ backgroundImage: visualBackground(template.themeColors) }}>
      {image ? (
        // biome-ignore lint/performance/noImgElement: a remote preview of unknown size; next/image needs its host configured
        <img src={template.previewImageUrl ?? ""} alt="" loading="lazy" className="size-full object-cover" />
      ) : (
        <span className={`${emojiClassName} drop-shadow-sm select-none`} aria-hidden>
          {template.previewEmoji || "🤖"}
        </span>
      )}
    </div>
  );
}

/** One template in the gallery grid; the whole card links to its page. */
export function TemplateCard({ template }: { template: GalleryCard }) {
  const tags = template.tags.slice(0, MAX_TAGS);
  return (
    <article
      className="group relative flex h-full flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm transition-shadow focus-within:ring-2 focus-within:ring-indigo-500 hover:border-indigo-300 hover:shadow-md dark:border-slate-800 dark:bg-slate-900 dark:hover:border-indigo-800"
      data-testid="template-card"
    >
      <div className="relative">
        <TemplateVisual template={template} className="flex h-28 items-end justify-center pb-3" />
        {template.featured || template.premium ? (
          <div className="absolute top-2 left-2 flex gap-1.5">
            {template.featured ? (
              <span className="inline-flex items-center gap-1 rounded-full bg-white/90 px-2 py-0.5 text-[11px] font-semibold text-indigo-700 shadow-sm dark:bg-slate-950/80 dark:text-indigo-300">
                <Sparkles className="size-3" aria-hidden />
                Featured
              </span>
            ) : null}
            {template.premium ? (
              <span className="inline-flex items-center gap-1 rounded-full bg-white/90 px-2 py-0.5 text-[11px] font-semibold text-amber-700 shadow-sm dark:bg-slate-950/80 dark:text-amber-300">
                <Crown className="size-3" aria-hidden />
                Premium
              </span>
            ) : null}
          </div>
        ) : null}
      </div>
      <div className="flex flex-1 flex-col p-4">
        <p className="text-xs font-semibold tracking-wide text-indigo-700 uppercase dark:text-indigo-300">
          {labelOf(template.category)}
        </p>
        <h2 className="mt-1 text-base leading-snug font-semibold text-slate-900 dark:text-slate-100">
          {/* The link covers the whole card. */}
          <Link
            href={`/templates/${template.slug}`}
            className="after:absolute after:inset-0 after:rounded-xl focus:outline-none"
          >
            {template.highlight ? <Highlighted pieces={template.highlight.name} /> : template.name}
          </Link>
        </h2>
        <p className="mt-1.5 line-clamp-3 text-sm text-slate-600 dark:text-slate-400">
          {template.highlight ? <Highlighted pieces={template.highlight.description} /> : template.description}
        </p>
        {tags.length ? (
          <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Tags">
            {tags.map((tag) => (
              <li
                key={tag}
                className="rounded-md bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600 dark:bg-slate-800 dark:text-slate-300"
              >
                {tagLabel(tag)}
              </li>
            ))}
            {template.tags.length > MAX_TAGS ? (
              <li className="px-1 py-0.5 text-[11px] text-slate-500">+{template.tags.length - MAX_TAGS}</li>
            ) : null}
          </ul>
        ) : null}
        <div className="mt-auto space-y-1.5 pt-4 text-xs text-slate-500 dark:text-slate-400">
          <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
            <RatingSummary average={template.ratingAverage} count={template.ratingCount} />
            <span className="inline-flex items-center gap-1">
              <Users className="size-3.5" aria-hidden />
              {plural(template.usageCount, "use")}
            </span>
          </div>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="inline-flex items-center gap-1">
              <Gauge className="size-3.5" aria-hidden />
              {complexityLabel(template.complexity)}
            </span>
            <span className="inline-flex items-center gap-1">
              <Clock className="size-3.5" aria-hidden />
              <span className="sr-only">Setup time:</span>
              {formatSetupTime(template.setupMinutes)}
            </span>
            <span className="inline-flex items-center gap-1">
              <Tag className="size-3.5" aria-hidden />
              {priceTierLabel(template.priceTier)}
            </span>
          </div>
        </div>
      </div>
    </article>
  );
}
