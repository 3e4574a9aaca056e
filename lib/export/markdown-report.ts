// One statement as a Markdown report: the text with its claims in bold, each followed by a
// superscript number (readable both raw and rendered, unlike footnote syntax, and fine when claims
// nest), then a section per claim with its verdict, sources and people. Verdicts an editor has not
// approved appear only when asked for, and then marked as drafts everywhere they show — the same
// rule as the HTML and PDF reports: an approved verdict is a finding even before publication.
//
// Everything a user typed is escaped: a statement that contains "# ", "- ", "[x](javascript:…)" or
// "<script>" must come out as the same characters, never as Markdown structure or HTML.
import { formatDateTime, formatDay } from "../text/dates";
import { VERDICT_STATE_LABELS } from "../verdicts/workflow";
import { CLAIM_STATUS_LABELS, STANCE_LABELS, isoDay, type DateLike, type ExportClaim, type ExportStatement, type ExportVerdict } from "./types";

export type MarkdownReportInput = {
  workspace: { name: string };
  statement: ExportStatement & { text: string; revision?: number };
  claims: readonly ExportClaim[];
  /** Show verdicts that are not approved (drafts, in review, changes requested, withdrawn), marked as such. */
  includeDrafts: boolean;
  generatedAt: DateLike;
};

// ---------------------------------------------------------------------------------------------
// Escaping

// CommonMark lets a backslash escape any ASCII punctuation. These are the characters that can start
// inline structure anywhere in a line: emphasis, code, links, HTML, entities, GFM tables and
// strikethrough, and "#" (an ATX heading's closing run). The rest only matter at a line's start.
const INLINE_SPECIAL = /[\\`*_[\]<>#|~&]/g;

/** User text for inside a line: whitespace collapsed, structure characters escaped. */
export function escapeInline(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(INLINE_SPECIAL, "\\$&");
}

function escapeChars(text: string): string {
  return text.replace(INLINE_SPECIAL, "\\$&");
}

/** Escapes what would start a block at the start of a line: list markers, setext underlines, ordered lists. */
function escapeLineStart(line: string): string {
  return line.replace(/^([-+=])/, "\\$1").replace(/^(\d{1,9})([.)])/, "$1\\$2");
}

/**
 * Multi-line user text (an explanation): paragraphs stay paragraphs, single line breaks become hard
 * breaks, leading spaces go (four would make a code block).
 */
export function escapeBlock(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => escapeLineStart(escapeChars(line.trim())))
        .filter((line) => line !== "")
        .join("\\\n"),
    )
    .filter((paragraph) => paragraph !== "")
    .join("\n\n");
}

/** A link a user typed: only http(s), written so no character of it can end the link early. */
function link(label: string, url: string): string {
  const href = httpHref(url);
  const text = escapeInline(label) || escapeInline(url);
  return href ? `[${text}](<${href}>)` : text;
}

function httpHref(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
    // href percent-encodes spaces and angle brackets already; be certain for the <…> form.
    return parsed.href.replace(/[<>\s]/g, encodeURIComponent);
  } catch {
    return null;
  }
}

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** 12 → "¹²". */
export function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]!);
}

// ---------------------------------------------------------------------------------------------
// The statement text with its claims marked

type Marked = { number: number; start: number; end: number };

/**
 * The text with every stretch covered by a claim in bold and each claim's number after its last
 * character. Runs are cut at line breaks (bold cannot span them); whitespace at a run's edges stays
 * outside the asterisks, where CommonMark needs it.
 */
export function markClaimsInText(text: string, claims: readonly Marked[]): string {
  const boundaries = new Set<number>([0, text.length]);
  const coverage = new Map<number, number>();
  const endings = new Map<number, number[]>();
  for (const claim of claims) {
    // Bold and number hug the words: whitespace at a claim's edges stays outside both.
    const passage = text.slice(claim.start, claim.end);
    const start = claim.start + (passage.length - passage.trimStart().length);
    const end = claim.end - (passage.length - passage.trimEnd().length);
    if (end <= start) continue;
    const c = { number: claim.number, start, end };
    boundaries.add(c.start).add(c.end);
    coverage.set(c.start, (coverage.get(c.start) ?? 0) + 1);
    coverage.set(c.end, (coverage.get(c.end) ?? 0) - 1);
    endings.set(c.end, [...(endings.get(c.end) ?? []), c.number]);
  }
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) boundaries.add(i).add(i + 1);
  const points = [...boundaries].sort((a, b) => a - b);

  const paragraphs: string[] = [];
  let lines: string[] = [];
  let runs: Array<{ covered: boolean; text: string }> = [];
  let lineStarted = false;
  let active = 0;

  const endLine = () => {
    lines.push(renderLine(runs));
    runs = [];
    lineStarted = false;
  };
  const push = (covered: boolean, piece: string) => {
    const last = runs[runs.length - 1];
    if (last && last.covered === covered) last.text += piece;
    else runs.push({ covered, text: piece });
  };

  for (let k = 0; k < points.length; k++) {
    const at = points[k]!;
    active += coverage.get(at) ?? 0;
    const marks = endings.get(at);
    // A claim ends here: its number goes right after its last character.
    if (marks) push(true, marks.sort((a, b) => a - b).map(superscript).join(","));
    const next = points[k + 1];
    if (next === undefined) break;
    let piece = text.slice(at, next);
    if (piece === "\n") {
      endLine();
      // A blank line ends the paragraph.
      if (text[next] === "\n") {
        paragraphs.push(lines.filter((l) => l !== "").join("\\\n"));
        lines = [];
      }
      continue;
    }
    if (!lineStarted) {
      piece = piece.replace(/^[ \t]+/, "");
      if (piece === "") continue;
      lineStarted = true;
      piece = escapeLineStart(escapeChars(piece));
    } else {
      piece = escapeChars(piece);
    }
    push(active > 0, piece);
  }
  endLine();
  paragraphs.push(lines.filter((l) => l !== "").join("\\\n"));
  return paragraphs.filter((p) => p !== "").join("\n\n");
}

function renderLine(runs: ReadonlyArray<{ covered: boolean; text: string }>): string {
  let out = "";
  for (const run of runs) {
    if (!run.covered) {
      out += run.text;
      continue;
    }
    const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text)!;
    out += core ? `${lead}**${core}**${trail}` : run.text;
  }
  return out.replace(/\s+$/, "");
}

// ---------------------------------------------------------------------------------------------
// The report

// formatDay reads a string as a calendar day; instants from DTOs go through their UTC day first.
const day = (value: DateLike | null | undefined) => {
  const iso = isoDay(value);
  return iso ? formatDay(iso) : "";
};

const isFinding = (verdict: ExportVerdict) => verdict.status === "approved" || verdict.status === "published";

function isShown(verdict: ExportVerdict | null, includeDrafts: boolean): verdict is ExportVerdict {
  return verdict !== null && (isFinding(verdict) || includeDrafts);
}

function verdictLine(verdict: ExportVerdict | null, includeDrafts: boolean): string {
  if (!verdict) return "- **Verdict:** not yet written";
  if (!isShown(verdict, includeDrafts)) return "- **Verdict:** not yet approved";
  const label = verdict.levelLabel ? escapeInline(verdict.levelLabel) : "no rating chosen";
  if (verdict.status === "published") return `- **Verdict:** ${label}`;
  if (verdict.status === "approved") return `- **Verdict:** ${label} (approved, not yet published)`;
  return `- **Verdict:** ${label} — **DRAFT, not approved** (${VERDICT_STATE_LABELS[verdict.status]})`;
}

function claimSection(claim: ExportClaim, number: number, inText: boolean, includeDrafts: boolean): string {
  const out: string[] = [];
  const title = escapeInline(claim.claimReviewed) || escapeInline(claim.quote);
  out.push(`### ${number}. ${title}`);
  out.push("");
  const quote = claim.quote
    .split("\n")
    .map((line) => escapeChars(line.trim()))
    .filter((line) => line !== "")
    .map((line) => `> ${line}`);
  if (quote.length > 0) out.push(quote.join("\\\n"), "");
  if (!inText) out.push("_This passage is no longer in the statement's current text._", "");

  const verdict = claim.verdict;
  const shown = isShown(verdict, includeDrafts);
  const facts: string[] = [verdictLine(verdict, includeDrafts)];
  if (shown && verdict.summary.trim()) facts.push(`- **Summary:** ${escapeInline(verdict.summary)}`);
  facts.push(`- **Status:** ${CLAIM_STATUS_LABELS[claim.status] ?? escapeInline(claim.status)}`);
  if (claim.tags.length > 0) facts.push(`- **Tags:** ${claim.tags.map(escapeInline).join(", ")}`);
  const checker = shown ? (verdict.author ?? claim.assignee) : claim.assignee;
  if (checker) facts.push(`- **Checker:** ${escapeInline(checker.name)}`);
  if (shown && verdict.reviewer) facts.push(`- **Reviewer:** ${escapeInline(verdict.reviewer.name)}`);
  const dates = [`recorded ${day(claim.createdAt)}`];
  if (shown && verdict.submittedAt) dates.push(`submitted for review ${day(verdict.submittedAt)}`);
  if (shown && verdict.publishedAt) dates.push(`published ${day(verdict.publishedAt)}`);
  facts.push(`- **Dates:** ${dates.join("; ")}`);
  out.push(facts.join("\n"), "");

  if (shown && verdict.explanation.trim()) {
    out.push("**Explanation**", "", escapeBlock(verdict.explanation), "");
  }
  if (shown && claim.sources.length > 0) {
    out.push("**Sources**", "");
    claim.sources.forEach((source, i) => {
      const details = [escapeInline(source.publisher), day(source.publishedAt)].filter(Boolean).join(", ");
      let line = `${i + 1}. ${link(source.title, source.url)}${details ? ` — ${details}` : ""} — _${STANCE_LABELS[source.stance] ?? escapeInline(source.stance)}_`;
      const excerpt = escapeInline(source.excerpt);
      if (excerpt) line += `\n   > ${excerpt}`;
      out.push(line);
    });
    out.push("");
  }
  return out.join("\n").trimEnd();
}

/** The whole report, ending with a newline. */
export function renderMarkdownReport(input: MarkdownReportInput): string {
  const { statement, workspace, includeDrafts } = input;
  const text = statement.text;

  // Numbered in reading order (an outer claim before one nested in it); claims whose passage is no
  // longer in the text come last, unmarked.
  const placed = input.claims
    .filter((c) => c.start >= 0 && c.end > c.start && c.end <= text.length && text.slice(c.start, c.end) === c.quote)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const placedIds = new Set(placed.map((c) => c.id));
  const lost = input.claims.filter((c) => !placedIds.has(c.id));
  const numbered = [...placed, ...lost];

  const out: string[] = [];
  out.push(`# ${escapeInline(statement.title) || "Untitled statement"}`, "");
  out.push(`Fact-check report from ${escapeInline(workspace.name)}, generated ${formatDateTime(input.generatedAt)}.`, "");
  if (includeDrafts) {
    out.push(
      "> **Includes unapproved verdicts.** Verdicts marked DRAFT have not been approved by an editor and may still change; do not share them as findings.",
      "",
    );
  }

  const meta: string[] = [];
  if (statement.speaker.trim()) meta.push(`- **Speaker:** ${escapeInline(statement.speaker)}`);
  if (statement.outlet.trim()) meta.push(`- **Outlet:** ${escapeInline(statement.outlet)}`);
  if (statement.publishedAt) meta.push(`- **Published:** ${day(statement.publishedAt)}`);
  const href = httpHref(statement.url);
  if (href) meta.push(`- **Source:** <${href}>`);
  else if (statement.url.trim()) meta.push(`- **Source:** ${escapeInline(statement.url)}`);
  if (statement.language.trim()) meta.push(`- **Language:** ${escapeInline(statement.language)}`);
  if (statement.revision !== undefined) meta.push(`- **Text revision:** ${statement.revision}`);
  meta.push(`- **Claims:** ${numbered.length}`);

  out.push("## Statement", "", meta.join("\n"), "");
  const marked = markClaimsInText(
    text,
    placed.map((c, i) => ({ number: i + 1, start: c.start, end: c.end })),
  );
  if (marked) out.push(marked, "");

  out.push("## Claims", "");
  if (numbered.length === 0) out.push("No claims have been marked in this statement.", "");
  numbered.forEach((claim, i) => out.push(claimSection(claim, i + 1, placedIds.has(claim.id), includeDrafts), ""));
  return out.join("\n").trimEnd() + "\n";
}
