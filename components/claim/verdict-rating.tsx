// A verdict's rating: the desk's rating badge, or a quiet placeholder before one is chosen.
import { RatingBadge } from "@/components/rating-scale/rating-badge";

export function VerdictRating({ level, size = "md" }: { level: { label: string; color: string; retired?: boolean } | null; size?: "sm" | "md" }) {
  if (!level) return <span className="inline-flex rounded-full border border-dashed border-line px-2.5 py-0.5 text-xs text-muted">No rating yet</span>;
  return (
    <span data-testid="verdict-rating" className="inline-flex">
      <RatingBadge label={level.label} color={level.color} retired={level.retired} className={size === "md" ? "px-3! py-1! text-sm!" : ""} />
    </span>
  );
}
