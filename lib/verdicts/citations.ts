// Citations in a verdict's explanation: "[2]" points at the claim's second source. Pure, so the
// service (which refuses citations of missing sources on submit) and the page (which turns them
// into links) read the text the same way.

// A bracketed number. A year in brackets ("[2020]") is prose, not a citation: no claim has a
// thousand sources, so only 1–999 count.
const CITATION = /\[(\d{1,4})\]/g;
const MAX_SOURCE_NUMBER = 999;

export type ExplanationPart = { kind: "text"; text: string } | { kind: "citation"; n: number; text: string };

/** The explanation cut into plain text and citations, in order. */
export function splitCitations(text: string): ExplanationPart[] {
  const parts: ExplanationPart[] = [];
  let last = 0;
  for (const match of text.matchAll(CITATION)) {
    const n = Number(match[1]);
    if (n < 1 || n > MAX_SOURCE_NUMBER) continue;
    if (match.index > last) parts.push({ kind: "text", text: text.slice(last, match.index) });
    parts.push({ kind: "citation", n, text: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

/** The source numbers cited, each once, in order of first citation. */
export function citedNumbers(text: string): number[] {
  const seen = new Set<number>();
  for (const part of splitCitations(text)) if (part.kind === "citation") seen.add(part.n);
  return [...seen];
}

/** Cited numbers that name no source (sources are numbered 1..count). */
export function missingCitations(text: string, sourceCount: number): number[] {
  return citedNumbers(text).filter((n) => n > sourceCount);
}

/** "[3]" or "[3] and [5]" or "[3], [5] and [7]", for messages. */
export function listCitations(numbers: readonly number[]): string {
  const items = numbers.map((n) => `[${n}]`);
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** What a removed source's citations read as afterwards, so the author sees what to fix. */
export const REMOVED_CITATION = "[source removed]";

/**
 * The explanation after source `removed` is deleted: its citations become REMOVED_CITATION and
 * every later number moves down by one, as the list of sources does. Numbers outside 1–999 are
 * prose and stay.
 */
export function renumberAfterRemoval(text: string, removed: number): string {
  return splitCitations(text)
    .map((part) => {
      if (part.kind === "text" || part.n < removed) return part.text;
      return part.n === removed ? REMOVED_CITATION : `[${part.n - 1}]`;
    })
    .join("");
}
