// A verdict's rating as a filled badge in the level's colour, text colour chosen for contrast.
import { badgeTextColor } from "@/lib/verdicts/rating-scale";

export function VerdictRating({ level, size = "md" }: { level: { label: string; color: string; retired?: boolean } | null; size?: "sm" | "md" }) {
  if (!level) return <span className="inline-flex rounded-full border border-dashed border-line px-2.5 py-0.5 text-xs text-muted">No rating yet</span>;
  const sizing = size === "sm" ? "px-2 py-0.5 text-xs" : "px-3 py-1 text-sm";
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full font-semibold ${sizing}`}
      style={{ backgroundColor: level.color, color: badgeTextColor(level.color) }}
      data-testid="verdict-rating"
    >
      {level.label}
      {level.retired ? <span className="font-normal opacity-80">(retired)</span> : null}
    </span>
  );
}
