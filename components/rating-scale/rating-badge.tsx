// A rating level's label in its colour, for the scale page, the rating picker, the claim page and
// the queues. The text colour is computed from the background, so every desk colour stays readable.
import { badgeTextColor, isHexColor } from "@/lib/verdicts/rating-scale";

const FALLBACK = "#6b7785";

export function RatingBadge({
  label,
  color,
  retired = false,
  className = "",
}: {
  label: string;
  color: string;
  /** Adds "(retired)" — for a verdict that still carries a level the desk no longer offers. */
  retired?: boolean;
  className?: string;
}) {
  const background = isHexColor(color) ? color : FALLBACK;
  return (
    <span
      className={`inline-flex max-w-full items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-semibold leading-5 ${className}`}
      style={{ backgroundColor: background, color: badgeTextColor(background) }}
    >
      <span className="truncate">{label}</span>
      {retired ? <span className="font-normal">(retired)</span> : null}
    </span>
  );
}
