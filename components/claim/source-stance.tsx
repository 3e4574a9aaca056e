// How a source relates to its claim, in words and a calm colour (never colour alone).
import type { SourceStance } from "@/lib/server/sources";

export const STANCE_CHOICES: ReadonlyArray<{ value: SourceStance; label: string; hint: string }> = [
  { value: "supports", label: "Supports", hint: "backs the claim" },
  { value: "refutes", label: "Refutes", hint: "contradicts it" },
  { value: "context", label: "Context", hint: "background" },
];

const BADGE: Record<SourceStance, string> = {
  supports: "border-emerald-200 bg-emerald-50 text-emerald-800",
  refutes: "border-rose-200 bg-rose-50 text-rose-800",
  context: "border-stone-200 bg-stone-100 text-stone-700",
};

export function StanceBadge({ stance }: { stance: SourceStance }) {
  const label = STANCE_CHOICES.find((c) => c.value === stance)?.label ?? stance;
  return (
    <span className={`inline-flex shrink-0 items-center rounded-full border px-2 py-0.5 text-xs font-medium ${BADGE[stance]}`} data-stance={stance}>
      {label}
    </span>
  );
}
