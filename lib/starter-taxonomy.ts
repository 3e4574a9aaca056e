// What a new fact-checking desk starts with: a handful of claim tags and a rating scale modelled on
// the scales most fact-checkers publish (PolitiFact, Full Fact, AFP). Pure data, so the service
// layer, the seed script and the tests all share one definition; desks edit their copy afterwards.

export type StarterTag = { name: string; color: string };

export type StarterRatingLevel = {
  label: string;
  /** 5 = true … 1 = false; null for ratings outside the truth order (misleading, unproven). */
  ordinal: number | null;
  color: string;
  description: string;
};

// Muted, distinguishable colours: tags sit next to highlighted text, so nothing shouts.
export const STARTER_TAGS: readonly StarterTag[] = [
  { name: "statistic", color: "#4f7cac" },
  { name: "date", color: "#7a8b99" },
  { name: "history", color: "#9c7a54" },
  { name: "law", color: "#6b6fa8" },
  { name: "attribution", color: "#5f9487" },
  { name: "quote", color: "#a0728f" },
  { name: "health", color: "#5d9a6b" },
  { name: "economy", color: "#b08d3c" },
  { name: "international", color: "#5b8fa3" },
  { name: "environment", color: "#6f9a4e" },
];

export const STARTER_RATING_SCALE_NAME = "Truth scale";

export const STARTER_RATING_LEVELS: readonly StarterRatingLevel[] = [
  { label: "True", ordinal: 5, color: "#2f7d4f", description: "The claim is accurate and nothing significant is missing." },
  { label: "Mostly true", ordinal: 4, color: "#6a9a3c", description: "Accurate, but needs clarification or additional information." },
  { label: "Half true", ordinal: 3, color: "#b38f2a", description: "Partially accurate; leaves out important details or takes things out of context." },
  { label: "Mostly false", ordinal: 2, color: "#c0692f", description: "Contains an element of truth but ignores facts that would give a different impression." },
  { label: "False", ordinal: 1, color: "#b23b3b", description: "The claim is not accurate." },
  { label: "Misleading", ordinal: null, color: "#8a5a9e", description: "Uses accurate facts in a way that leaves a false impression." },
  { label: "Unproven", ordinal: null, color: "#6b7785", description: "There is not enough evidence to support or refute the claim." },
];

/** The highest ordinal of the starter scale: ClaimReview's bestRating. */
export const STARTER_BEST_RATING = 5;
/** The lowest ordinal of the starter scale: ClaimReview's worstRating. */
export const STARTER_WORST_RATING = 1;

// --- Workspace addresses -------------------------------------------------------------------------

export const SLUG_MIN = 2;
export const SLUG_MAX = 48;
const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** Whether a string can be used as a workspace's address (/w/<slug>). */
export function isValidSlug(slug: string): boolean {
  return slug.length >= SLUG_MIN && slug.length <= SLUG_MAX && SLUG_PATTERN.test(slug) && !slug.includes("--");
}

/**
 * A readable address from a desk's name: lower-case ASCII letters and digits joined by single
 * hyphens ("Désinfo Lab — Paris" → "desinfo-lab-paris"). Leaves room for a "-NN" clash suffix.
 */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX - 4)
    .replace(/-+$/g, "");
  return base.length >= SLUG_MIN ? base : base ? `${base}-desk` : "desk";
}

/** The first of slug, slug-2, slug-3, … that is not taken. */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
