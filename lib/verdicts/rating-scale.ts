// A workspace's rating scale: ordered levels (the truth order, 1 = least true) plus levels outside
// the order (misleading, unproven…). Pure, so the editor form, the verdict picker and the ClaimReview
// export share one reading of it.
//
// `ordinal` is the truth order, `position` the display order. Retired levels stay (verdicts point
// at them) but are neither offered nor counted in the active scale.

export type ScaleLevel = {
  id: string;
  label: string;
  color: string;
  description?: string;
  /** 1 = least true; null for levels outside the truth order. */
  ordinal: number | null;
  position: number;
  retiredAt?: Date | string | null;
};

export type ClaimReviewRating =
  | { ratingValue: number; bestRating: number; worstRating: 1; alternateName: string }
  | { alternateName: string };

export type ScaleProblem = { levelId?: string; field?: "label" | "color" | "ordinal" | "description"; message: string };

export const LABEL_MAX = 60;
export const DESCRIPTION_MAX = 500;
const HEX_COLOR = /^#[0-9a-f]{6}$/i;

export const isRetired = (level: Pick<ScaleLevel, "retiredAt">) => level.retiredAt != null;
export const isOrdinal = (level: Pick<ScaleLevel, "ordinal">) => level.ordinal !== null;
export const isHexColor = (color: string) => HEX_COLOR.test(color);

const byPosition = (a: ScaleLevel, b: ScaleLevel) => a.position - b.position;
// Ties in ordinal should not exist (validation refuses them); position keeps the order stable.
const byTruth = (a: ScaleLevel, b: ScaleLevel) => (a.ordinal ?? 0) - (b.ordinal ?? 0) || b.position - a.position;

/** The levels a checker may pick for a new rating, in display order. */
export function offeredLevels<L extends ScaleLevel>(levels: readonly L[]): L[] {
  return levels.filter((l) => !isRetired(l)).sort(byPosition);
}

/**
 * ClaimReview's numbers for a level: ratingValue is its rank among the active ordinal levels
 * (worst = 1, best = how many there are), so gaps left by retired levels never show. A retired
 * level still used by an old verdict is ranked as if it were active (slotted in by its ordinal) so
 * that verdict keeps a meaningful number. Levels outside the order only have a name. Null for an
 * unknown id.
 */
export function claimReviewRating(levels: readonly ScaleLevel[], levelId: string): ClaimReviewRating | null {
  const level = levels.find((l) => l.id === levelId);
  if (!level) return null;
  const alternateName = level.label.trim();
  if (!isOrdinal(level)) return { alternateName };
  const ranked = levels.filter((l) => isOrdinal(l) && (!isRetired(l) || l.id === levelId)).sort(byTruth);
  return {
    ratingValue: ranked.findIndex((l) => l.id === levelId) + 1,
    bestRating: ranked.length,
    worstRating: 1,
    alternateName,
  };
}

export type ReorderResult<L> = { ok: true; levels: L[] } | { ok: false; message: string };

/**
 * Puts the levels in the order an editor arranged them (most true first, as the scale is shown).
 * `orderedIds` must name every active level once; retired levels keep their relative order after
 * them. Positions become 0..n-1 and the active ordinal levels are renumbered n..1 in that order, so
 * moving "Mostly true" below "Half true" also changes its place in the truth order. Retired levels
 * keep their ordinal (old verdicts keep their rank, see claimReviewRating).
 */
export function reorderLevels<L extends ScaleLevel>(levels: readonly L[], orderedIds: readonly string[]): ReorderResult<L> {
  const byId = new Map(levels.map((l) => [l.id, l]));
  const seen = new Set<string>();
  for (const id of orderedIds) {
    if (!byId.has(id)) return { ok: false, message: "The new order names a level that is not on this scale." };
    if (seen.has(id)) return { ok: false, message: "The new order names a level twice." };
    seen.add(id);
  }
  const missing = levels.filter((l) => !isRetired(l) && !seen.has(l.id));
  if (missing.length > 0) return { ok: false, message: `The new order leaves out “${missing[0]!.label}”.` };

  const ordered = [
    ...orderedIds.map((id) => byId.get(id)!),
    ...levels.filter((l) => !seen.has(l.id)).sort(byPosition),
  ];
  let nextOrdinal = ordered.filter((l) => isOrdinal(l) && !isRetired(l)).length;
  return {
    ok: true,
    levels: ordered.map((level, position) => ({
      ...level,
      position,
      ordinal: isOrdinal(level) && !isRetired(level) ? nextOrdinal-- : level.ordinal,
    })),
  };
}

/**
 * What is wrong with a scale, each problem tied to a level and field where possible; empty when
 * the scale can be saved. Labels are unique case-insensitively across retired levels too, so the
 * history never shows two different "False".
 */
export function validateScale(levels: readonly ScaleLevel[]): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  const labels = new Map<string, string>();
  const ordinals = new Map<number, string>();

  for (const level of levels) {
    const label = level.label.trim();
    if (label === "") problems.push({ levelId: level.id, field: "label", message: "Give every level a label." });
    else if (label.length > LABEL_MAX)
      problems.push({ levelId: level.id, field: "label", message: `Labels can be at most ${LABEL_MAX} characters.` });
    else {
      const key = label.toLocaleLowerCase();
      const other = labels.get(key);
      if (other !== undefined)
        problems.push({ levelId: level.id, field: "label", message: `“${label}” is used by another level (labels ignore case).` });
      else labels.set(key, level.id);
    }

    if (!isHexColor(level.color))
      problems.push({ levelId: level.id, field: "color", message: "Colours are written as #rrggbb, for example #2f7d4f." });

    if ((level.description ?? "").length > DESCRIPTION_MAX)
      problems.push({ levelId: level.id, field: "description", message: `Descriptions can be at most ${DESCRIPTION_MAX} characters.` });

    if (level.ordinal !== null && !isRetired(level)) {
      if (!Number.isInteger(level.ordinal) || level.ordinal < 1)
        problems.push({ levelId: level.id, field: "ordinal", message: "A level's place in the truth order is a whole number from 1." });
      else if (ordinals.has(level.ordinal))
        problems.push({ levelId: level.id, field: "ordinal", message: "Two levels share the same place in the truth order." });
      else ordinals.set(level.ordinal, level.id);
    }
  }

  const activeOrdinal = levels.filter((l) => isOrdinal(l) && !isRetired(l)).length;
  if (activeOrdinal < 2)
    problems.push({ message: "A scale needs at least two active levels in the truth order (for example True and False)." });
  return problems;
}
