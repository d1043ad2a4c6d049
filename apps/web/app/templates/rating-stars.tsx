import { Star } from "lucide-react";
import { classes as cn } from "./bits";
import { formatRating, plural } from "./labels";

const FIVE = [1, 2, 3, 4, 5];

/** Five stars filled to the average (partly filled for fractions), for cards and the template page. */
export function StarBar({ average, className }: { average: number; className?: string }) {
  const percent = Math.max(0, Math.min(100, (average / 5) * 100));
  return (
    <span className="relative inline-flex shrink-0" aria-hidden>
      <span className="flex text-slate-300 dark:text-slate-600">
        {FIVE.map((n) => (
          <Star key={n} className={cn("size-3.5 shrink-0", className)} />
        ))}
      </span>
      <span className="absolute inset-y-0 left-0 flex overflow-hidden text-amber-400" style={{ width: `${percent}%` }}>
        {FIVE.map((n) => (
          <Star key={n} className={cn("size-3.5 shrink-0 fill-current", className)} />
        ))}
      </span>
    </span>
  );
}

/** "★★★★☆ 4.2 (12)" or "No ratings yet", with the full sentence for screen readers. */
export function RatingSummary({ average, count }: { average: number; count: number }) {
  if (count === 0) {
    return (
      <span className="inline-flex items-center gap-1.5">
        <StarBar average={0} />
        <span>No ratings yet</span>
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-1.5">
      <StarBar average={average} />
      <span aria-hidden>
        <span className="font-medium text-slate-700 dark:text-slate-200">{formatRating(average)}</span> ({count})
      </span>
      <span className="sr-only">
        Rated {formatRating(average)} out of 5 by {plural(count, "person", "people")}
      </span>
    </span>
  );
}
