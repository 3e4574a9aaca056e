// Context similarity is computed for every candidate of every highlight, so it must be cheap.
// Prefixes and suffixes are at most 32 code units: one 32-bit word of Myers' bit-parallel
// algorithm, with the pattern's bit masks built once per pattern instead of once per comparison.
import search from "approx-string-match";

/**
 * Returns a function giving the fewest edits that turn `pattern` into some substring of a text
 * (the measure approx-string-match minimises): 0 when the pattern occurs, at most its length.
 */
export function createSubstringDistance(pattern: string): (text: string) => number {
  const m = pattern.length;
  if (m === 0) return () => 0;
  if (m > 32) {
    return (text) => search(text, pattern, m)[0]?.errors ?? m;
  }
  const masks = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    masks.set(c, (masks.get(c) ?? 0) | (1 << i));
  }
  const last = 1 << (m - 1);
  return (text) => {
    // Pv/Mv: vertical deltas of the DP column (+1/−1 bits); the first row is all zeros because a
    // match may start anywhere in the text.
    let pv = ~0;
    let mv = 0;
    let score = m;
    let best = m;
    for (let j = 0; j < text.length; j++) {
      const eq = masks.get(text.charCodeAt(j)) ?? 0;
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & last) score += 1;
      else if (mh & last) score -= 1;
      ph <<= 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (score < best) best = score;
    }
    return best;
  };
}

/**
 * Levenshtein distance between whole strings (for scoring a re-cut match), or undefined when they
 * are too long to compare cheaply (the DP is quadratic).
 */
export function levenshtein(a: string, b: string): number | undefined {
  if (a.length * b.length > 1_000_000) return undefined;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}
