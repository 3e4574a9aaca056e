// Re-anchoring highlights after the statement text changed, the way Hypothesis does it: keep the
// stored position if it still holds the quote, else look for exact occurrences of the quote, else
// search fuzzily with Myers' bit-parallel edit-distance matcher; score every candidate on quote,
// prefix, suffix and closeness to where the quote was expected; the best one wins. What cannot be
// placed convincingly becomes an orphan: a wrong highlight is worse than a visibly missing one.
import search from "approx-string-match";
import { isGraphemeBoundary, snapToGraphemes } from "./code-points";
import { createSubstringDistance, levenshtein } from "./edit-distance";
import type { TextQuote } from "./text-quote";

/** What a highlight stores: the quote with its context, and where it was (UTF-16 offsets). */
export type QuoteSelector = TextQuote;

export type AnchorMethod = "position" | "exact" | "fuzzy";

export type Anchor = {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0..1: the weighted quote, prefix, suffix and position similarity of the match. */
  score: number;
};

export type AnchorOptions = {
  /**
   * Where the quote is expected to start in the new text (defaults to the stored start). Used to
   * break ties and to search a small window first; reanchorAll derives it from the shift of
   * neighbouring highlights.
   */
  hint?: number;
};

// Hypothesis' weights: the quote matters most, context tells repeated quotes apart, the position
// only breaks ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Hypothesis' error budget: half the quote, never more than 256 edits. */
export function maxErrorsFor(quote: string): number {
  return Math.min(256, Math.floor(quote.length / 2));
}

/**
 * Below this score a match is not trusted and the highlight becomes an orphan. A quote that lost
 * half its characters still anchors when its context survived (≈ 0.73); a quote-sized stretch of
 * unrelated text scores ≈ 0.45–0.5.
 */
export const MIN_ANCHOR_SCORE = 0.6;

/**
 * A short quote ("303", "1993") occurs by chance all over a statement; it is only trusted where
 * most of its context matches too (random English context scores ≈ 0.3, rarely 0.5).
 */
export const DISTINCTIVE_QUOTE_LENGTH = 24;
export const MIN_CONTEXT_FOR_SHORT_QUOTE = 0.6;

/** A candidate this good ends the search: looking further could not plausibly beat it. */
const CONFIDENT_SCORE = 0.85;

/** Exact occurrences (or fuzzy matches) scored in full; the rest lose on a cheap pre-score. */
const MAX_SCORED_CANDIDATES = 64;

type Candidate = {
  start: number;
  end: number;
  errors: number;
  score: number;
  contextScore: number;
};

// Matchers for the prefixes and suffixes in use; re-anchoring a statement compares each one with
// many candidate positions. Bounded so a long-running server does not keep every context forever.
const contextMatchers = new Map<string, (text: string) => number>();

/**
 * How well `str` occurs within `text` (a slice the same size as `str`): 1 − edit distance /
 * length, as Hypothesis' textMatchScore.
 */
function similarity(text: string, str: string): number {
  if (str.length === 0) return 1;
  if (text.length === 0) return 0;
  if (text === str) return 1;
  let distance = contextMatchers.get(str);
  if (!distance) {
    if (contextMatchers.size >= 20_000) contextMatchers.clear();
    distance = createSubstringDistance(str);
    contextMatchers.set(str, distance);
  }
  return 1 - distance(text) / str.length;
}

function scoreCandidate(
  text: string,
  selector: QuoteSelector,
  hint: number,
  start: number,
  end: number,
  errors: number,
): Candidate {
  const { exact, prefix, suffix } = selector;
  const quoteScore = Math.max(0, 1 - errors / exact.length);
  const prefixScore = prefix ? similarity(text.slice(Math.max(0, start - prefix.length), start), prefix) : 1;
  const suffixScore = suffix ? similarity(text.slice(end, end + suffix.length), suffix) : 1;
  const positionScore = Math.max(0, 1 - Math.abs(start - hint) / Math.max(1, text.length));
  const score =
    (QUOTE_WEIGHT * quoteScore +
      PREFIX_WEIGHT * prefixScore +
      SUFFIX_WEIGHT * suffixScore +
      POSITION_WEIGHT * positionScore) /
    TOTAL_WEIGHT;
  return { start, end, errors, score, contextScore: (prefixScore + suffixScore) / 2 };
}

/** Length of the common run of `a` and `b` read backwards from their ends (cheap context check). */
function commonSuffixLength(a: string, aEnd: number, b: string): number {
  let n = 0;
  while (n < b.length && aEnd - n - 1 >= 0 && a.charCodeAt(aEnd - n - 1) === b.charCodeAt(b.length - n - 1)) n++;
  return n;
}

function commonPrefixLength(a: string, aStart: number, b: string): number {
  let n = 0;
  while (n < b.length && aStart + n < a.length && a.charCodeAt(aStart + n) === b.charCodeAt(n)) n++;
  return n;
}

/**
 * Scores the most promising of many raw matches. A very common short quote can occur dozens of
 * times; exact context agreement and closeness pick the few worth a full (edit-distance) score.
 */
function scoreBest(
  text: string,
  selector: QuoteSelector,
  hint: number,
  matches: readonly { start: number; end: number; errors: number }[],
): Candidate[] {
  let chosen = matches;
  if (matches.length > MAX_SCORED_CANDIDATES) {
    const { prefix, suffix, exact } = selector;
    const rough = (m: { start: number; end: number; errors: number }) =>
      (QUOTE_WEIGHT * (1 - m.errors / exact.length) +
        PREFIX_WEIGHT * (prefix ? commonSuffixLength(text, m.start, prefix) / prefix.length : 1) +
        SUFFIX_WEIGHT * (suffix ? commonPrefixLength(text, m.end, suffix) / suffix.length : 1) +
        POSITION_WEIGHT * (1 - Math.abs(m.start - hint) / Math.max(1, text.length))) /
      TOTAL_WEIGHT;
    chosen = matches
      .map((m) => ({ m, r: rough(m) }))
      .sort((a, b) => b.r - a.r)
      .slice(0, MAX_SCORED_CANDIDATES)
      .map(({ m }) => m);
  }
  return chosen.map((m) => scoreCandidate(text, selector, hint, m.start, m.end, m.errors));
}

function exactOccurrences(text: string, quote: string): { start: number; end: number; errors: number }[] {
  const found = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    // An occurrence that cuts a grapheme cluster (the "e" of a decomposed "é") is not the quote.
    if (isGraphemeBoundary(text, at) && isGraphemeBoundary(text, at + quote.length)) {
      found.push({ start: at, end: at + quote.length, errors: 0 });
    }
  }
  return found;
}

/** Myers' search over text[from, to), offsets mapped back to the whole text. */
function fuzzyMatches(text: string, quote: string, from: number, to: number) {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (hi - lo < 1) return [];
  const window = lo === 0 && hi === text.length ? text : text.slice(lo, hi);
  return search(window, quote, maxErrorsFor(quote)).map((m) => {
    const snapped = snapToGraphemes(text, m.start + lo, m.end + lo);
    // Characters taken in to complete a cluster were not part of the match: count them as errors.
    const widenedBy = snapped.end - snapped.start - (m.end - m.start);
    return { start: snapped.start, end: snapped.end, errors: m.errors + widenedBy };
  });
}

/** Where `context` best ends (or starts) in text[from, to): the match edge nearest `near`. */
function contextEdge(text: string, context: string, from: number, to: number, near: number, edge: "end" | "start") {
  const lo = Math.max(0, from);
  const window = text.slice(lo, Math.min(text.length, to));
  const matches = search(window, context, Math.floor(context.length / 4));
  let best: number | undefined;
  for (const m of matches) {
    const at = lo + (edge === "end" ? m.end : m.start);
    if (best === undefined || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best;
}

/**
 * Myers' search returns the cheapest alignment, which drops words inserted at the very start or
 * end of the quote ("…dispatching the cargo" → "…dispatching of all the cargo" matches from "the").
 * Where the stored prefix and suffix still stand, the quote runs from the end of one to the start
 * of the other: widen (or narrow) the match to there and let the score decide.
 */
function refineByContext(text: string, selector: QuoteSelector, hint: number, candidate: Candidate): Candidate {
  const { exact, prefix, suffix } = selector;
  const slack = maxErrorsFor(exact);
  let start = candidate.start;
  let end = candidate.end;
  if (prefix) {
    const edge = contextEdge(text, prefix, start - prefix.length - slack, start + slack, start, "end");
    if (edge !== undefined) start = edge;
  }
  if (suffix) {
    const edge = contextEdge(text, suffix, end - slack, end + suffix.length + slack, end, "start");
    if (edge !== undefined) end = edge;
  }
  if (start >= end || (start === candidate.start && end === candidate.end)) return candidate;
  const snapped = snapToGraphemes(text, start, end);
  const errors = levenshtein(exact, text.slice(snapped.start, snapped.end));
  if (errors === undefined || errors > maxErrorsFor(exact)) return candidate;
  const refined = scoreCandidate(text, selector, hint, snapped.start, snapped.end, errors);
  return refined.score > candidate.score ? refined : candidate;
}

function isTrustworthy(candidate: Candidate, quote: string): boolean {
  if (candidate.score < MIN_ANCHOR_SCORE) return false;
  return quote.length >= DISTINCTIVE_QUOTE_LENGTH || candidate.contextScore >= MIN_CONTEXT_FOR_SHORT_QUOTE;
}

function best(candidates: readonly Candidate[]): Candidate | undefined {
  let top: Candidate | undefined;
  for (const c of candidates) {
    // Equal scores: the match nearer the stored start (ties are rare; keep the choice stable).
    if (!top || c.score > top.score || (c.score === top.score && c.start < top.start)) top = c;
  }
  return top;
}

function toAnchor(candidate: Candidate, selector: QuoteSelector): Anchor {
  const method: AnchorMethod =
    candidate.errors > 0
      ? "fuzzy"
      : candidate.start === selector.start && candidate.end === selector.end
        ? "position"
        : "exact";
  return { start: candidate.start, end: candidate.end, method, score: candidate.score };
}

function clampHint(text: string, hint: number): number {
  return Math.min(Math.max(0, Math.round(hint)), text.length);
}

/**
 * Only the cheap steps: the stored position, then exact occurrences. Returns the best candidate
 * found (possibly untrustworthy) so the caller can decide whether a fuzzy search is needed.
 */
function anchorWithoutFuzzy(text: string, selector: QuoteSelector, hint: number): Candidate | undefined {
  const { exact, prefix, suffix, start, end } = selector;
  // (a) Unchanged around the highlight: nothing to search.
  if (
    start >= 0 &&
    end <= text.length &&
    text.slice(start, end) === exact &&
    isGraphemeBoundary(text, start) &&
    isGraphemeBoundary(text, end) &&
    text.slice(Math.max(0, start - prefix.length), start) === prefix &&
    text.slice(end, end + suffix.length) === suffix
  ) {
    return scoreCandidate(text, selector, hint, start, end, 0);
  }
  // (b) Every exact occurrence, told apart by context and position.
  return best(scoreBest(text, selector, hint, exactOccurrences(text, exact)));
}

function anchorWithFuzzy(
  text: string,
  selector: QuoteSelector,
  hint: number,
  found: Candidate | undefined,
): Candidate | undefined {
  const top = fuzzySearch(text, selector, hint, found);
  return top && top.errors > 0 ? refineByContext(text, selector, hint, top) : top;
}

function fuzzySearch(
  text: string,
  selector: QuoteSelector,
  hint: number,
  found: Candidate | undefined,
): Candidate | undefined {
  const { exact } = selector;
  const short = exact.length < DISTINCTIVE_QUOTE_LENGTH;
  const candidates: Candidate[] = found ? [found] : [];
  const done = (nearHint: boolean) => {
    const top = best(candidates);
    if (!top || !isTrustworthy(top, exact)) return false;
    // A short quote with its context found where it was expected needs no further search: a
    // global one would only turn up chance matches of a few characters.
    return top.score >= CONFIDENT_SCORE || (short && nearHint);
  };
  const budget = maxErrorsFor(exact);
  if (budget === 0 && !short) return best(candidates);
  // (c) Fuzzy: a tight window where the quote is expected, a wider one, then the whole text.
  // Myers' search costs O(text × errors / 32); most edits are local, so the windows usually suffice.
  if (budget > 0) {
    const windows = [budget + 8, Math.max(256, exact.length * 2)];
    for (const pad of windows) {
      const from = hint - pad;
      const to = hint + exact.length + pad;
      candidates.push(...scoreBest(text, selector, hint, fuzzyMatches(text, exact, from, to)));
      if (done(true)) return best(candidates);
      if (!short && from <= 0 && to >= text.length) return best(candidates);
    }
  }
  if (short) {
    candidates.push(...contextualCandidates(text, selector, hint));
  } else {
    candidates.push(...scoreBest(text, selector, hint, fuzzyMatches(text, exact, 0, text.length)));
  }
  return best(candidates);
}

/**
 * A short quote searched on its own matches chance text everywhere ("2005" within two edits is
 * every year of the decade). Across the whole text it is searched together with its context, as
 * one distinctive pattern; the quote is then cut out of the match by where its prefix ends and
 * its suffix starts.
 */
function contextualCandidates(text: string, selector: QuoteSelector, hint: number): Candidate[] {
  const { exact, prefix, suffix } = selector;
  if (!prefix && !suffix) return [];
  const pattern = prefix + exact + suffix;
  // Strict: the context must have survived almost intact (an eighth of the pattern may differ), or
  // look-alike sentences of a formulaic statement ("… recorded 147 incidents in 2024 alone.")
  // would take in a quote whose own sentence was deleted.
  const matches = search(text, pattern, Math.min(256, Math.floor(pattern.length / 8)));
  const nearest = matches
    .sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint))
    .slice(0, MAX_SCORED_CANDIDATES);
  const candidates: Candidate[] = [];
  for (const m of nearest) {
    const start = Math.min(m.start + prefix.length, m.end);
    const end = Math.max(start, m.end - suffix.length);
    const snapped = snapToGraphemes(text, start, end);
    const errors = levenshtein(exact, text.slice(snapped.start, snapped.end)) ?? exact.length;
    const candidate = scoreCandidate(text, selector, hint, snapped.start, snapped.end, errors);
    candidates.push(refineByContext(text, selector, hint, candidate));
  }
  return candidates.filter((c) => c.end > c.start && c.errors <= maxErrorsFor(exact));
}

/**
 * Finds `selector`'s quote in `text`. Returns null (an orphan) when the quote is empty or nothing
 * matches well enough.
 */
export function anchorQuote(text: string, selector: QuoteSelector, options: AnchorOptions = {}): Anchor | null {
  if (selector.exact.length === 0) return null;
  const hint = clampHint(text, options.hint ?? selector.start);
  const quick = anchorWithoutFuzzy(text, selector, hint);
  const chosen =
    quick && quick.score >= CONFIDENT_SCORE && isTrustworthy(quick, selector.exact)
      ? quick
      : anchorWithFuzzy(text, selector, hint, quick);
  return chosen && isTrustworthy(chosen, selector.exact) ? toAnchor(chosen, selector) : null;
}

export type HighlightToReanchor = QuoteSelector & { id: string };

export type PlacedHighlight = { id: string; start: number; end: number; method: AnchorMethod; score: number };

export type ReanchorResult = { placed: PlacedHighlight[]; orphans: string[] };

function selectorKey(s: QuoteSelector): string {
  return `${s.start}\u0000${s.end}\u0000${s.exact}\u0000${s.prefix}\u0000${s.suffix}`;
}

/**
 * Re-anchors every highlight of a statement in its corrected text. Identical selectors (several
 * users marking the same passage) are anchored once. Highlights the cheap steps place with
 * confidence tell how far the text shifted around them; the rest are searched near their old
 * position moved by the shift of the nearest confidently placed highlight before them.
 */
export function reanchorAll(newText: string, highlights: readonly HighlightToReanchor[]): ReanchorResult {
  const distinct = new Map<string, QuoteSelector>();
  for (const h of highlights) {
    const key = selectorKey(h);
    if (!distinct.has(key)) distinct.set(key, h);
  }

  const anchored = new Map<string, Anchor | null>();
  const pending: [string, QuoteSelector, Candidate | undefined][] = [];
  const shifts: { oldStart: number; delta: number }[] = [];
  for (const [key, selector] of distinct) {
    if (selector.exact.length === 0) {
      anchored.set(key, null);
      continue;
    }
    const quick = anchorWithoutFuzzy(newText, selector, clampHint(newText, selector.start));
    if (quick && quick.score >= CONFIDENT_SCORE && isTrustworthy(quick, selector.exact)) {
      anchored.set(key, toAnchor(quick, selector));
      shifts.push({ oldStart: selector.start, delta: quick.start - selector.start });
    } else {
      pending.push([key, selector, quick]);
    }
  }

  shifts.sort((a, b) => a.oldStart - b.oldStart);
  const shiftAt = (oldStart: number): number => {
    if (shifts.length === 0) return 0;
    let lo = 0;
    let hi = shifts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (shifts[mid]!.oldStart <= oldStart) lo = mid + 1;
      else hi = mid;
    }
    // The nearest placed highlight at or before this one; the first one when none precedes it.
    return shifts[Math.max(0, lo - 1)]!.delta;
  };

  for (const [key, selector, quick] of pending) {
    const hint = clampHint(newText, selector.start + shiftAt(selector.start));
    const rescored = quick ? scoreCandidate(newText, selector, hint, quick.start, quick.end, quick.errors) : undefined;
    const chosen = anchorWithFuzzy(newText, selector, hint, rescored);
    anchored.set(key, chosen && isTrustworthy(chosen, selector.exact) ? toAnchor(chosen, selector) : null);
  }

  const placed: PlacedHighlight[] = [];
  const orphans: string[] = [];
  for (const h of highlights) {
    const anchor = anchored.get(selectorKey(h));
    if (anchor) placed.push({ id: h.id, start: anchor.start, end: anchor.end, method: anchor.method, score: anchor.score });
    else orphans.push(h.id);
  }
  return { placed, orphans };
}
