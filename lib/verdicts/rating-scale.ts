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

// --- Editing the scale ---------------------------------------------------------------------------
//
// The scale is shown as one list: the truth order (most true first), then the active levels outside
// it, then retired levels. Each edit below returns the whole scale re-arranged that way, with
// positions 0..n-1 and the active ordinals n..1, so the service only writes what changed.

const groupOf = (level: ScaleLevel) => (isRetired(level) ? 2 : isOrdinal(level) ? 0 : 1);

/** The levels in the order the scale shows them (see above). */
export function scaleOrder<L extends ScaleLevel>(levels: readonly L[]): L[] {
  return [...levels].sort((a, b) => groupOf(a) - groupOf(b) || byPosition(a, b));
}

/** Re-numbers positions and active ordinals after an edit, keeping the grouped display order. */
export function arrangeLevels<L extends ScaleLevel>(levels: readonly L[]): L[] {
  const result = reorderLevels(
    levels,
    scaleOrder(levels)
      .filter((l) => !isRetired(l))
      .map((l) => l.id),
  );
  // Every active id is named exactly once, so reorderLevels cannot refuse it.
  if (!result.ok) throw new Error(result.message);
  return result.levels;
}

export type EditResult<L> = ReorderResult<L>;

const unknownLevel = { ok: false, message: "That level is not on this scale." } as const;

/**
 * Moves an active level one place up (truer) or down within its group: levels in the truth order
 * move among themselves, as do the levels outside it. Moving past either end is refused.
 */
export function moveLevel<L extends ScaleLevel>(levels: readonly L[], levelId: string, direction: "up" | "down"): EditResult<L> {
  const level = levels.find((l) => l.id === levelId);
  if (!level) return unknownLevel;
  if (isRetired(level)) return { ok: false, message: `“${level.label}” is retired; restore it before moving it.` };
  const active = scaleOrder(levels).filter((l) => !isRetired(l));
  const at = active.indexOf(level);
  const to = direction === "up" ? at - 1 : at + 1;
  const neighbour = active[to];
  if (!neighbour || groupOf(neighbour) !== groupOf(level)) {
    const where = isOrdinal(level) ? (direction === "up" ? "the truest level" : "the least true level") : direction === "up" ? "first" : "last";
    return { ok: false, message: `“${level.label}” is already ${isOrdinal(level) ? where : `${where} among the levels outside the truth order`}.` };
  }
  const ids = active.map((l) => l.id);
  [ids[at], ids[to]] = [ids[to]!, ids[at]!];
  return reorderLevels(levels, ids);
}

/**
 * Puts an active level into the truth order (as its least true level, to be moved up from there)
 * or takes it out (first among the levels outside the order).
 */
export function setInTruthOrder<L extends ScaleLevel>(levels: readonly L[], levelId: string, inOrder: boolean): EditResult<L> {
  const level = levels.find((l) => l.id === levelId);
  if (!level) return unknownLevel;
  if (isRetired(level)) return { ok: false, message: `“${level.label}” is retired; restore it first.` };
  if (isOrdinal(level) === inOrder)
    return { ok: false, message: inOrder ? `“${level.label}” is already in the truth order.` : `“${level.label}” is already outside the truth order.` };
  // Fractional positions only rank the level at the edge of its new group; arrangeLevels renumbers.
  const group = levels.filter((l) => !isRetired(l) && isOrdinal(l) === inOrder && l.id !== levelId).map((l) => l.position);
  const edge = group.length === 0 ? 0 : inOrder ? Math.max(...group) + 0.5 : Math.min(...group) - 0.5;
  return { ok: true, levels: arrangeLevels(levels.map((l) => (l.id === levelId ? { ...l, ordinal: inOrder ? 0 : null, position: edge } : l))) };
}

/** Adds a level at the end of its group: the least true of the truth order, or the last outside it. */
export function addLevel<L extends ScaleLevel>(levels: readonly L[], level: L, inOrder: boolean): L[] {
  const fresh = { ...level, ordinal: inOrder ? 0 : null, retiredAt: null, position: Number.MAX_SAFE_INTEGER };
  return arrangeLevels([...levels, fresh]);
}

/** Retires a level: it stays (verdicts point at it) but leaves the active scale, whose ordinals close up. */
export function retireLevel<L extends ScaleLevel>(levels: readonly L[], levelId: string, at: Date): EditResult<L> {
  const level = levels.find((l) => l.id === levelId);
  if (!level) return unknownLevel;
  if (isRetired(level)) return { ok: false, message: `“${level.label}” is already retired.` };
  return { ok: true, levels: arrangeLevels(levels.map((l) => (l.id === levelId ? { ...l, retiredAt: at } : l))) };
}

/**
 * Brings a retired level back where its kept ordinal puts it: just above the active level that
 * ranks next below it (so retiring and restoring "Mostly true" is no change at all), or at the end
 * of its group.
 */
export function restoreLevel<L extends ScaleLevel>(levels: readonly L[], levelId: string): EditResult<L> {
  const level = levels.find((l) => l.id === levelId);
  if (!level) return unknownLevel;
  if (!isRetired(level)) return { ok: false, message: `“${level.label}” is not retired.` };
  let position = Number.MAX_SAFE_INTEGER;
  if (isOrdinal(level)) {
    const ranked = levels.filter((l) => isOrdinal(l) && (!isRetired(l) || l.id === levelId)).sort(byTruth);
    const below = ranked[ranked.indexOf(level) - 1];
    position = below ? below.position - 0.5 : Math.max(-1, ...ranked.filter((l) => l !== level).map((l) => l.position)) + 0.5;
  }
  return { ok: true, levels: arrangeLevels(levels.map((l) => (l.id === levelId ? { ...l, retiredAt: null, position } : l))) };
}

/** Removes a level (the service allows it only for levels no verdict has ever used). */
export function removeLevel<L extends ScaleLevel>(levels: readonly L[], levelId: string): EditResult<L> {
  if (!levels.some((l) => l.id === levelId)) return unknownLevel;
  return { ok: true, levels: arrangeLevels(levels.filter((l) => l.id !== levelId)) };
}

/**
 * The problems an edit introduces: those of the new scale that the old one did not have, so an
 * old scale that is already off (say, imported by hand) can still be repaired step by step.
 */
export function newProblems(before: readonly ScaleLevel[], after: readonly ScaleLevel[]): ScaleProblem[] {
  const key = (p: ScaleProblem) => `${p.levelId ?? ""}|${p.field ?? ""}|${p.message}`;
  const old = new Set(validateScale(before).map(key));
  return validateScale(after).filter((p) => !old.has(key(p)));
}

// --- Colour ----------------------------------------------------------------------------------------

const INK = "#1f2933";
const WHITE = "#ffffff";
const BLACK = "#000000";
// WCAG AA for normal text. On mid-tones neither white nor our ink reaches it, black always does.
const READABLE = 4.5;

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The text colour for a label on a level's colour: white or the app's ink, whichever contrasts
 * more, and black where neither reaches 4.5 : 1. Ink for a colour that is not #rrggbb.
 */
export function badgeTextColor(background: string): string {
  if (!isHexColor(background)) return INK;
  const white = contrastRatio(WHITE, background);
  const ink = contrastRatio(INK, background);
  if (Math.max(white, ink) >= READABLE) return white >= ink ? WHITE : INK;
  return white >= contrastRatio(BLACK, background) ? WHITE : BLACK;
}
