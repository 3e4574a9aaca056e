// Proposes a statement title when the importer gives none. Press releases often open with a
// headline line ("Ministry: … continued its provocations"); otherwise the opening words serve.

export const MAX_HEADLINE_LENGTH = 140;
export const MAX_TITLE_LENGTH = 300;

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

// Opening words: the first sentence when it is short enough to read as a title; otherwise the
// first clause or so, cut where a reader would pause (a comma, a semicolon, a dash) or at least
// between words, and never on a dangling "of"/"the" that makes the title read as broken off.
const MAX_SENTENCE_TITLE_LENGTH = 120;
const PROPOSED_TITLE_LENGTH = 100;
// A clause shorter than this ("However,") says too little; cut at a word instead.
const MIN_CLAUSE_LENGTH = 40;

const FUNCTION_WORDS = new Set([
  "of", "the", "a", "an", "to", "in", "by", "for", "and", "or", "with", "on", "at", "from",
  "into", "onto", "upon", "as", "but", "nor", "its", "their", "his", "our",
]);
// "Mr. Ilham Aliyev" and "U.N." do not end a sentence.
const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "etc", "gen", "col", "lt", "sgt", "jr", "sr", "art", "para", "p", "pp", "e.g", "i.e"]);
const SENTENCE_END = /[.!?…؟。](?=["'”’»)]*(\s|$))/gu;
// A comma, semicolon or colon (Latin or Arabic), or a dash between words.
const CLAUSE_BREAK = /\s*(?:[,;:،؛]|\s[–—-])\s/gu;
const TRAILING_PUNCTUATION = /[\s.,;:،؛–—-]+$/u;

function openingWords(text: string): string {
  const flat = text.replace(/\s+/gu, " ").trim();
  const sentence = firstSentence(flat);
  if (sentence.length <= MAX_SENTENCE_TITLE_LENGTH) return sentence.replace(/[.,;:،؛]$/u, "");

  const window = sentence.slice(0, PROPOSED_TITLE_LENGTH + 1);
  let clauseEnd = -1;
  for (const match of window.matchAll(CLAUSE_BREAK)) {
    if (match.index >= MIN_CLAUSE_LENGTH && match.index <= PROPOSED_TITLE_LENGTH) clauseEnd = match.index;
  }
  if (clauseEnd > 0) {
    const clause = withoutDanglingWords(sentence.slice(0, clauseEnd));
    if (clause.length >= MIN_CLAUSE_LENGTH) return `${clause}…`;
  }

  const words = sentence.split(" ");
  let title = "";
  for (const word of words) {
    if ((title + " " + word).trim().length > PROPOSED_TITLE_LENGTH) break;
    title = (title + " " + word).trim();
  }
  title = withoutDanglingWords(title);
  // A single very long "word" (a URL, text without spaces) is cut by characters.
  if (!title) title = Array.from(flat).slice(0, PROPOSED_TITLE_LENGTH).join("");
  return `${title.replace(TRAILING_PUNCTUATION, "")}…`;
}

/** The text up to the end of its first sentence (all of it if it has no sentence end). */
function firstSentence(flat: string): string {
  for (const match of flat.matchAll(SENTENCE_END)) {
    const before = flat.slice(0, match.index);
    const lastWord = (before.match(/[\p{L}.]+$/u)?.[0] ?? "").toLowerCase();
    // An initial ("J. Smith") or a known abbreviation, not the end of a sentence.
    if (match[0] === "." && (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord) || /^\p{L}(\.\p{L})+$/u.test(lastWord))) continue;
    return flat.slice(0, match.index + match[0].length);
  }
  return flat;
}

/** Drops trailing punctuation and function words ("… the Ministry of" → "… the Ministry"). */
function withoutDanglingWords(phrase: string): string {
  const words = phrase.replace(TRAILING_PUNCTUATION, "").split(" ");
  const lastWord = () => (words.at(-1) ?? "").replace(/[^\p{L}]/gu, "").toLowerCase();
  while (words.length > 1 && FUNCTION_WORDS.has(lastWord())) {
    words.pop();
    words.push((words.pop() ?? "").replace(TRAILING_PUNCTUATION, ""));
  }
  return words.join(" ");
}
