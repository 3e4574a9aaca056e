// Proposes a statement title when the importer gives none. Press releases often open with a
// headline line ("Ministry: … continued its provocations"); otherwise the opening words serve.

export const MAX_HEADLINE_LENGTH = 140;
export const MAX_TITLE_LENGTH = 300;
const PROPOSED_TITLE_LENGTH = 80;

/** A short line that does not end like a sentence or an introduction. */
export function looksLikeHeadline(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length < 3 || trimmed.length > MAX_HEADLINE_LENGTH) return false;
  if (/[.,;:…]$/u.test(trimmed)) return false;
  if (!/\p{L}/u.test(trimmed)) return false;
  return !looksLikeDateline(trimmed);
}

/**
 * A line that is mostly a date or a time stamp ("date 2023-07-29 29 Jul. 15:00 (UTC+3 MSK)"):
 * short and published-at-like, never a useful title.
 */
export function looksLikeDateline(line: string): boolean {
  if (line.length > 100) return false;
  const hasDate =
    /\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{1,2}:\d{2}\b/.test(line) ||
    /\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\.?(\s+\d{4})?\b/iu.test(line);
  if (!hasDate) return false;
  const words = line.match(/\p{L}{4,}/gu) ?? [];
  return words.length <= 3;
}

/**
 * Title for a normalised text: its headline if it opens with one (a paragraph of one short line,
 * after any dateline), else the opening words of its first real paragraph. The headline stays in
 * the text: statements are kept as published.
 */
export function proposeTitle(text: string): string {
  // Only the opening paragraphs matter; a limited split keeps long texts cheap.
  const all = text.trim().split(/\n\n+/, 6).filter(Boolean);
  const undated = all.filter((p) => !looksLikeDateline(p.trim()));
  const paragraphs = undated.length ? undated : all;
  const first = paragraphs[0] ?? "";
  // A hard-wrapped first line is not a headline: a headline is a paragraph of its own.
  if (paragraphs.length > 1 && !first.includes("\n") && looksLikeHeadline(first)) return first.trim();
  return openingWords(first) || "Untitled statement";
}

function openingWords(text: string): string {
  const flat = text.replace(/\s+/gu, " ").trim();
  if (flat.length <= PROPOSED_TITLE_LENGTH) return flat.replace(/[.,;:]$/u, "");
  const words = flat.split(" ");
  let title = "";
  for (const word of words) {
    if ((title + " " + word).trim().length > PROPOSED_TITLE_LENGTH) break;
    title = (title + " " + word).trim();
  }
  // A single very long "word" (a URL, text without spaces) is cut by characters.
  if (!title) title = Array.from(flat).slice(0, PROPOSED_TITLE_LENGTH).join("");
  return `${title.replace(/[\s.,;:–—-]+$/u, "")}…`;
}
