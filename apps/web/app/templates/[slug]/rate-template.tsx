"use client";
import { Alert, cn } from "@pixel/ui";
import { useMutation } from "@tanstack/react-query";
import { Star } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { formatRating, plural } from "../labels";
import { StarBar } from "../rating-stars";

interface Rating {
  ratingAverage: number;
  ratingCount: number;
  myRating: number | null;
}

const STARS = [1, 2, 3, 4, 5];

/** The template's average and count; signed-in visitors give 1–5 stars (again to change them). */
export function RateTemplate({
  slug,
  initial,
  signInHref,
}: {
  slug: string;
  initial: Rating;
  /** Where signed-out visitors go to rate; null when signed in. */
  signInHref: string | null;
}) {
  const trpc = useTRPC();
  const [rating, setRating] = useState<Rating>(initial);
  const [hover, setHover] = useState<number | null>(null);
  const [saved, setSaved] = useState(false);
  const rate = useMutation(
    trpc.templates.rate.mutationOptions({
      onSuccess: (next) => {
        setRating(next);
        setSaved(true);
      },
    }),
  );
  const shown = hover ?? rating.myRating ?? 0;

  return (
    <div className="space-y-2" data-testid="template-rating">
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
        <StarBar average={rating.ratingAverage} className="size-4" />
        {rating.ratingCount === 0 ? (
          <span>No ratings yet</span>
        ) : (
          <span>
            <span className="font-semibold text-slate-900 dark:text-slate-100">
              {formatRating(rating.ratingAverage)}
            </span>{" "}
            out of 5 · {plural(rating.ratingCount, "rating")}
          </span>
        )}
      </p>
      {signInHref ? (
        <p className="text-sm">
          <Link href={signInHref} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
            Sign in to rate this template
          </Link>
        </p>
      ) : (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span id="your-rating-label" className="text-sm font-medium text-slate-700 dark:text-slate-300">
            Your rating
          </span>
          {/* biome-ignore lint/a11y/useSemanticElements: a row of star buttons, labelled as a group */}
          <div role="group" aria-labelledby="your-rating-label" className="flex" onMouseLeave={() => setHover(null)}>
            {STARS.map((stars) => (
              <button
                key={stars}
                type="button"
                aria-label={`Rate ${plural(stars, "star")}`}
                aria-pressed={rating.myRating === stars}
                disabled={rate.isPending}
                onMouseEnter={() => setHover(stars)}
                onFocus={() => setHover(stars)}
                onBlur={() => setHover(null)}
                onClick={() => {
                  setSaved(false);
                  rate.mutate({ slug, rating: stars });
                }}
                className="rounded p-0.5 text-amber-400 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:opacity-60"
              >
                <Star
                  className={cn("size-6", stars <= shown ? "fill-current" : "text-slate-300 dark:text-slate-600")}
                  aria-hidden
                />
              </button>
            ))}
          </div>
          <span className="text-sm text-slate-500 dark:text-slate-400" aria-live="polite">
            {rate.isPending
              ? "Saving…"
              : rating.myRating
                ? `${saved ? "Saved: " : "You gave "}${plural(rating.myRating, "star")}`
                : "Not rated yet"}
          </span>
        </div>
      )}
      {rate.error ? <Alert>{messageOf(rate.error)}</Alert> : null}
    </div>
  );
}
