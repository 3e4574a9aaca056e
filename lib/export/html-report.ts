// The annotated report as one standalone HTML document: the statement text with its claims marked
// and numbered, then per claim the verdict in its rating's colour, the explanation with its
// citations linked to the numbered sources, the people and the dates. A selection of statements
// opens with a summary table and a bar chart of verdicts by rating (inline SVG: the file has no
// script and loads nothing, so it opens offline, prints, and renders to PDF unchanged).
//
// Everything a user typed is escaped for its place (text, attribute, SVG text); colours are only
// written into styles when they are #rrggbb; links only when they are http(s), and never followed
// with the reader's referrer. Verdicts that are not approved appear only when asked for, and then
// carry "not approved" wherever they show.
import { splitCitations } from "../verdicts/citations";
import { badgeTextColor, isHexColor, scaleOrder, type ScaleLevel } from "../verdicts/rating-scale";
import { VERDICT_STATE_LABELS, type VerdictState } from "../verdicts/workflow";
import { formatDateTime, formatDay } from "../text/dates";
import { CLAIM_STATUS_LABELS, STANCE_LABELS, isoDay, type DateLike, type ExportClaim, type ExportStatement, type ExportVerdict } from "./types";

export type ReportVerdict = ExportVerdict & {
  /** When the reviewer approved the current version. */
  reviewedAt?: DateLike | null;
};

export type ReportClaim = Omit<ExportClaim, "verdict"> & { verdict: ReportVerdict | null };

export type ReportStatement = ExportStatement & {
  /** The current text; claim offsets are UTF-16 code units into it. */
  text: string;
  revision?: number;
  claims: readonly ReportClaim[];
};

export type ReportFilter = { label: string; value: string };

export type HtmlReportInput = {
  workspace: { name: string };
  statements: readonly ReportStatement[];
  /** The workspace's rating scale (retired levels too: old verdicts point at them). */
  scale: readonly ScaleLevel[];
  /** Show verdicts that are not approved (drafts, in review, withdrawn), marked as such. */
  includeDrafts: boolean;
  generatedAt: DateLike;
  /**
   * Present for a report over a selection of statements: the filters that chose them (shown at the
   * top), and the report opens with a summary table and a chart. Absent for one statement.
   */
  selection?: { filters: readonly ReportFilter[] };
};

/** Approved and published verdicts are findings; everything else is work in progress. */
export const FINDING_STATES: readonly VerdictState[] = ["approved", "published"];

export function isFinding(verdict: Pick<ExportVerdict, "status"> | null | undefined): boolean {
  return verdict != null && FINDING_STATES.includes(verdict.status);
}

function isShown(verdict: ReportVerdict | null, includeDrafts: boolean): verdict is ReportVerdict {
  return verdict !== null && (isFinding(verdict) || includeDrafts);
}

// ---------------------------------------------------------------------------------------------
// Escaping

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** A link a user typed, as an href: only http(s), normalised by URL; null for anything else. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
    return parsed.href;
  } catch {
    return null;
  }
}

const EXTERNAL = 'rel="noopener noreferrer nofollow" target="_blank"';

function externalLink(url: string, label: string): string {
  const href = safeHref(url);
  return href ? `<a href="${escapeHtml(href)}" ${EXTERNAL}>${escapeHtml(label)}</a>` : escapeHtml(label);
}

/** A colour for a style attribute: #rrggbb as typed, anything else a neutral grey. */
function safeColor(color: string | null | undefined): string {
  return color && isHexColor(color) ? color.toLowerCase() : "#6b7785";
}

const day = (value: DateLike | null | undefined) => {
  const iso = isoDay(value);
  return iso ? formatDay(iso) : "";
};

const time = (value: DateLike | null | undefined, text = day(value)) => {
  const iso = isoDay(value);
  return iso ? `<time datetime="${iso}">${escapeHtml(text)}</time>` : "";
};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** Multi-line user text: blank lines part paragraphs, single line breaks stay breaks. */
function paragraphs(text: string, inline: (line: string) => string = escapeHtml): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean)
        .map(inline)
        .join("<br>"),
    )
    .filter(Boolean)
    .map((p) => `<p>${p}</p>`)
    .join("\n");
}

// ---------------------------------------------------------------------------------------------
// The statement text with its claims marked

export type MarkedClaim = { number: number; start: number; end: number; color: string | null; anchor: string };

/**
 * The text as paragraphs with every stretch covered by a claim in <mark> and each claim's number
 * after its last character, linking to its section. Marks are cut at line breaks and where claims
 * overlap, so the HTML stays well nested whatever the claims; the innermost claim of a stretch
 * gives it its colour.
 */
export function markClaimsHtml(text: string, claims: readonly MarkedClaim[]): string {
  const boundaries = new Set<number>([0, text.length]);
  const trimmed: MarkedClaim[] = [];
  for (const claim of claims) {
    // Marks hug the words: whitespace at a claim's edges stays outside.
    const passage = text.slice(claim.start, claim.end);
    const start = claim.start + (passage.length - passage.trimStart().length);
    const end = claim.end - (passage.length - passage.trimEnd().length);
    if (end <= start) continue;
    trimmed.push({ ...claim, start, end });
    boundaries.add(start).add(end);
  }
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) boundaries.add(i).add(i + 1);
  const points = [...boundaries].sort((a, b) => a - b);
  const endingAt = new Map<number, MarkedClaim[]>();
  for (const c of trimmed) endingAt.set(c.end, [...(endingAt.get(c.end) ?? []), c]);

  const out: string[] = [];
  let line = "";
  const flush = () => {
    out.push(line);
    line = "";
  };
  for (let k = 0; k < points.length - 1; k++) {
    const at = points[k]!;
    const next = points[k + 1]!;
    const piece = text.slice(at, next);
    if (piece === "\n") {
      flush();
      continue;
    }
    const covering = trimmed.filter((c) => c.start <= at && c.end >= next);
    if (covering.length === 0) {
      line += escapeHtml(piece);
    } else {
      const inner = covering.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
      const depth = Math.min(covering.length, 3);
      const style = inner.color ? ` style="border-bottom-color:${safeColor(inner.color)}"` : "";
      line += `<mark class="claim depth-${depth}"${style}>${escapeHtml(piece)}</mark>`;
    }
    const ending = endingAt.get(next);
    if (ending) {
      line += ending
        .sort((a, b) => a.number - b.number)
        .map((c) => `<a class="claim-ref" href="#${c.anchor}" aria-label="Claim ${c.number}">${c.number}</a>`)
        .join("");
    }
  }
  flush();

  // Lines back into paragraphs: a blank line ends one, a single break stays a <br>.
  const paras: string[][] = [[]];
  for (const l of out) {
    if (l.trim() === "") {
      if (paras[paras.length - 1]!.length) paras.push([]);
    } else {
      paras[paras.length - 1]!.push(l.trim());
    }
  }
  return paras
    .filter((p) => p.length)
    .map((p) => `<p dir="auto">${p.join("<br>")}</p>`)
    .join("\n");
}

// ---------------------------------------------------------------------------------------------
// Pieces

function levelOf(scale: readonly ScaleLevel[], verdict: ReportVerdict): ScaleLevel | null {
  return verdict.levelId ? (scale.find((l) => l.id === verdict.levelId) ?? null) : null;
}

function ratingBadge(label: string, color: string): string {
  const bg = safeColor(color);
  return `<span class="rating" style="background:${bg};color:${badgeTextColor(bg)}">${escapeHtml(label)}</span>`;
}

function explanationHtml(text: string, sourceAnchor: (n: number) => string | null): string {
  return paragraphs(text, (line) =>
    splitCitations(line)
      .map((part) => {
        if (part.kind === "text") return escapeHtml(part.text);
        const anchor = sourceAnchor(part.n);
        return anchor ? `<a class="cite" href="#${anchor}">[${part.n}]</a>` : escapeHtml(part.text);
      })
      .join(""),
  );
}

function sourcesHtml(claim: ReportClaim, anchor: (n: number) => string): string {
  if (claim.sources.length === 0) return "";
  const items = claim.sources.map((source, i) => {
    const n = i + 1;
    const title = source.title.trim() || source.url;
    const details = [source.publisher.trim() ? escapeHtml(source.publisher.trim()) : "", time(source.publishedAt)].filter(Boolean).join(", ");
    const href = safeHref(source.url);
    const stance = STANCE_LABELS[source.stance] ?? source.stance;
    const stanceClass = source.stance in STANCE_LABELS ? source.stance : "context";
    return [
      `<li id="${anchor(n)}" value="${n}">`,
      `<span class="stance stance-${stanceClass}">${escapeHtml(stance)}</span> `,
      `<cite>${externalLink(source.url, title)}</cite>`,
      details ? ` — ${details}` : "",
      href ? `<span class="url">${escapeHtml(href)}</span>` : source.url.trim() ? `<span class="url">${escapeHtml(source.url)}</span>` : "",
      source.excerpt.trim() ? `<q class="excerpt">${escapeHtml(source.excerpt.replace(/\s+/g, " ").trim())}</q>` : "",
      `</li>`,
    ].join("");
  });
  return `<h5>Sources</h5>\n<ol class="sources">\n${items.join("\n")}\n</ol>`;
}

/** The verdict's rating as a badge in its colour, or a neutral one saying why there is none. */
function verdictBadge(verdict: ReportVerdict | null, shown: boolean, scale: readonly ScaleLevel[]): string {
  if (!verdict) return `<span class="rating rating-none">Not yet rated</span>`;
  if (!shown) return `<span class="rating rating-none">No approved verdict yet</span>`;
  const level = levelOf(scale, verdict);
  const label = verdict.levelLabel?.trim() || level?.label || "No rating chosen";
  return level || verdict.levelLabel ? ratingBadge(label, level?.color ?? "") : `<span class="rating rating-none">${escapeHtml(label)}</span>`;
}

function verdictLine(verdict: ReportVerdict | null, shown: boolean, scale: readonly ScaleLevel[]): string {
  const badge = verdictBadge(verdict, shown, scale);
  if (!verdict || !shown) return `<p class="verdict">${badge}</p>`;
  const state = isFinding(verdict)
    ? `<span class="state">${verdict.status === "published" ? "Published" : "Approved, not yet published"}</span>`
    : `<span class="draft-mark">${escapeHtml(VERDICT_STATE_LABELS[verdict.status] ?? verdict.status)} — not approved</span>`;
  return `<p class="verdict">${badge} ${state}</p>`;
}

function claimSection(claim: ReportClaim, number: number, anchor: string, inText: boolean, input: HtmlReportInput): string {
  const verdict = claim.verdict;
  const shown = isShown(verdict, input.includeDrafts);
  const sourceAnchor = (n: number) => `${anchor}-src${n}`;
  const title = claim.claimReviewed.trim() || claim.quote.trim();
  const parts: string[] = [];
  const draft = shown && !isFinding(verdict);
  parts.push(`<section class="claim${draft ? " is-draft" : ""}" id="${anchor}" aria-labelledby="${anchor}-title">`);
  // Number, claim, quote and verdict stay on one page.
  parts.push(`<div class="claim-top">`);
  parts.push(`<header class="claim-head"><span class="claim-number" aria-hidden="true">${number}</span>`);
  parts.push(`<h4 id="${anchor}-title" dir="auto"><span class="sr-only">Claim ${number}: </span>${escapeHtml(title)}</h4></header>`);
  const quote = claim.quote.replace(/\s+/g, " ").trim();
  if (quote && quote !== title) parts.push(`<blockquote dir="auto">${escapeHtml(quote)}</blockquote>`);
  if (!inText) parts.push(`<p class="note">This passage is no longer in the statement’s current text.</p>`);
  parts.push(verdictLine(verdict, shown, input.scale));
  if (shown && verdict.summary.trim()) parts.push(`<p class="summary" dir="auto">${escapeHtml(verdict.summary.trim())}</p>`);
  parts.push(`</div>`);
  if (shown && verdict.explanation.trim()) {
    parts.push(
      `<div class="explanation" dir="auto">${explanationHtml(verdict.explanation, (n) => (n <= claim.sources.length ? sourceAnchor(n) : null))}</div>`,
    );
  }
  if (shown) parts.push(sourcesHtml(claim, sourceAnchor));

  const facts: Array<[string, string]> = [];
  const checker = shown ? (verdict.author ?? claim.assignee) : claim.assignee;
  if (checker) facts.push(["Checker", escapeHtml(checker.name)]);
  if (shown && verdict.reviewer) facts.push(["Reviewer", escapeHtml(verdict.reviewer.name)]);
  facts.push(["Status", escapeHtml(CLAIM_STATUS_LABELS[claim.status] ?? claim.status)]);
  if (claim.tags.length) facts.push(["Tags", claim.tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join(" ")]);
  const dates = [`recorded ${time(claim.createdAt)}`];
  if (shown && verdict.submittedAt) dates.push(`submitted ${time(verdict.submittedAt)}`);
  if (shown && verdict.reviewer && verdict.reviewedAt) dates.push(`approved ${time(verdict.reviewedAt)}`);
  if (shown && verdict.publishedAt) dates.push(`published ${time(verdict.publishedAt)}`);
  facts.push(["Dates", dates.join(" · ")]);
  parts.push(`<dl class="facts">${facts.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join("")}</dl>`);
  parts.push(`</section>`);
  return parts.filter(Boolean).join("\n");
}

/** Claims in reading order (an outer claim before one nested in it); those no longer in the text last. */
function numberClaims(statement: ReportStatement): Array<{ claim: ReportClaim; inText: boolean }> {
  const text = statement.text;
  const fits = (c: ReportClaim) => c.start >= 0 && c.end > c.start && c.end <= text.length && text.slice(c.start, c.end) === c.quote;
  const placed = statement.claims.filter(fits).sort((a, b) => a.start - b.start || b.end - a.end);
  const lost = statement.claims.filter((c) => !fits(c));
  return [...placed.map((claim) => ({ claim, inText: true })), ...lost.map((claim) => ({ claim, inText: false }))];
}

function statementArticle(statement: ReportStatement, index: number, input: HtmlReportInput, headingLevel: "h1" | "h2"): string {
  const anchor = `s${index + 1}`;
  const numbered = numberClaims(statement);
  const claimAnchor = (n: number) => `${anchor}-c${n}`;
  const meta: Array<[string, string]> = [];
  if (statement.speaker.trim()) meta.push(["Speaker", escapeHtml(statement.speaker.trim())]);
  if (statement.outlet.trim()) meta.push(["Outlet", escapeHtml(statement.outlet.trim())]);
  if (statement.publishedAt) meta.push(["Published", time(statement.publishedAt, formatDay(isoDay(statement.publishedAt), "long"))]);
  if (statement.url.trim()) {
    const href = safeHref(statement.url);
    meta.push(["Source", href ? `<a href="${escapeHtml(href)}" ${EXTERNAL}>${escapeHtml(href)}</a>` : escapeHtml(statement.url.trim())]);
  }
  if (statement.language.trim()) meta.push(["Language", escapeHtml(statement.language.trim())]);
  if (statement.revision !== undefined && statement.revision > 1) meta.push(["Text revision", String(statement.revision)]);
  meta.push(["Claims", String(numbered.length)]);

  const marked = markClaimsHtml(
    statement.text,
    numbered
      .filter((n) => n.inText)
      .map(({ claim }, i) => {
        const v = claim.verdict;
        const level = v && isShown(v, input.includeDrafts) ? levelOf(input.scale, v) : null;
        return { number: i + 1, start: claim.start, end: claim.end, color: level?.color ?? null, anchor: claimAnchor(i + 1) };
      }),
  );

  const glance = numbered.length
    ? [
        `<section class="glance" aria-labelledby="${anchor}-glance">`,
        `<h3 id="${anchor}-glance">Verdicts at a glance</h3>`,
        `<table class="glance-table"><tbody>`,
        ...numbered.map(({ claim }, i) => {
          const v = claim.verdict;
          const shown = isShown(v, input.includeDrafts);
          const draft = shown && !isFinding(v) ? ` <span class="draft-mark">not approved</span>` : "";
          return `<tr><td class="num"><a class="claim-ref" href="#${claimAnchor(i + 1)}">${i + 1}</a></td><td dir="auto">${escapeHtml(claim.claimReviewed.trim() || claim.quote.trim())}</td><td class="glance-verdict">${verdictBadge(v, shown, input.scale)}${draft}</td></tr>`;
        }),
        `</tbody></table>`,
        `</section>`,
      ].join("\n")
    : "";

  return [
    `<article class="statement" id="${anchor}" aria-labelledby="${anchor}-title">`,
    `<header class="statement-head">`,
    `<${headingLevel} id="${anchor}-title" dir="auto">${escapeHtml(statement.title.trim() || "Untitled statement")}</${headingLevel}>`,
    `<dl class="meta">${meta.map(([k, v]) => `<div><dt>${k}</dt><dd dir="auto">${v}</dd></div>`).join("")}</dl>`,
    `</header>`,
    glance,
    `<section class="statement-text" aria-label="Statement text">`,
    marked || `<p class="note">The statement has no text.</p>`,
    `</section>`,
    `<section class="claims" aria-labelledby="${anchor}-claims">`,
    `<h3 id="${anchor}-claims">Claims</h3>`,
    numbered.length === 0 ? `<p class="note">No claims have been marked in this statement.</p>` : "",
    ...numbered.map(({ claim, inText }, i) => claimSection(claim, i + 1, claimAnchor(i + 1), inText, input)),
    `</section>`,
    `</article>`,
  ]
    .filter(Boolean)
    .join("\n");
}

// ---------------------------------------------------------------------------------------------
// Selection: summary table and chart

export type RatingCount = { id: string | null; label: string; color: string; count: number };

/**
 * How many claims of the report carry each rating (only verdicts the report shows), in the scale's
 * order; levels nobody used are left out unless active, and claims without a shown verdict count
 * as "Not rated yet".
 */
export function countRatings(input: Pick<HtmlReportInput, "statements" | "scale" | "includeDrafts">): RatingCount[] {
  const counts = new Map<string, number>();
  let unrated = 0;
  for (const s of input.statements) {
    for (const c of s.claims) {
      const v = c.verdict;
      if (v && isShown(v, input.includeDrafts) && v.levelId) counts.set(v.levelId, (counts.get(v.levelId) ?? 0) + 1);
      else unrated += 1;
    }
  }
  const rows: RatingCount[] = scaleOrder(input.scale)
    .filter((l) => !l.retiredAt || counts.has(l.id))
    .map((l) => ({ id: l.id, label: l.label, color: safeColor(l.color), count: counts.get(l.id) ?? 0 }));
  // A verdict whose level is not on the scale given still counts, under its own label.
  const known = new Set(input.scale.map((l) => l.id));
  for (const s of input.statements)
    for (const c of s.claims) {
      const v = c.verdict;
      if (v?.levelId && !known.has(v.levelId) && isShown(v, input.includeDrafts)) {
        known.add(v.levelId);
        rows.push({ id: v.levelId, label: v.levelLabel ?? "Unknown rating", color: safeColor(null), count: counts.get(v.levelId) ?? 0 });
      }
    }
  rows.push({ id: null, label: "Not rated yet", color: "#c9ced6", count: unrated });
  return rows;
}

/** A horizontal bar chart as inline SVG: one row per rating, labelled, with its count. */
export function ratingChartSvg(rows: readonly RatingCount[]): string {
  const rowHeight = 26;
  const labelWidth = 170;
  const barMax = 380;
  const width = labelWidth + barMax + 60;
  const height = rows.length * rowHeight + 8;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const description = rows.map((r) => `${r.label}: ${r.count}`).join(", ");
  const bars = rows.map((r, i) => {
    const y = i * rowHeight + 4;
    const w = r.count === 0 ? 0 : Math.max(3, Math.round((r.count / max) * barMax));
    return [
      `<text x="${labelWidth - 10}" y="${y + 16}" text-anchor="end" class="chart-label">${escapeHtml(r.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 8}" rx="2" fill="${safeColor(r.color)}"/>`,
      `<text x="${labelWidth + w + 8}" y="${y + 16}" class="chart-count">${r.count}</text>`,
    ].join("");
  });
  return [
    `<svg class="chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="chart-title">Verdicts by rating (${plural(total, "claim")})</title>`,
    `<desc id="chart-desc">${escapeHtml(description)}</desc>`,
    `<line x1="${labelWidth}" y1="0" x2="${labelWidth}" y2="${height}" stroke="#9aa3ad" stroke-width="1"/>`,
    ...bars,
    `</svg>`,
  ].join("\n");
}

function ratingChips(statement: ReportStatement, input: HtmlReportInput): string {
  const counts = new Map<string, { label: string; color: string; count: number }>();
  let unrated = 0;
  for (const c of statement.claims) {
    const v = c.verdict;
    if (v && isShown(v, input.includeDrafts) && v.levelId) {
      const level = levelOf(input.scale, v);
      const entry = counts.get(v.levelId) ?? { label: level?.label ?? v.levelLabel ?? "Unknown", color: level?.color ?? "", count: 0 };
      entry.count += 1;
      counts.set(v.levelId, entry);
    } else {
      unrated += 1;
    }
  }
  const order = new Map(scaleOrder(input.scale).map((l, i) => [l.id, i]));
  const chips = [...counts.entries()]
    .sort(([a], [b]) => (order.get(a) ?? 999) - (order.get(b) ?? 999))
    .map(([, e]) => `<span class="chip"><span class="swatch" style="background:${safeColor(e.color)}"></span>${escapeHtml(e.label)}${e.count > 1 ? ` ×${e.count}` : ""}</span>`);
  if (unrated) chips.push(`<span class="chip muted">${plural(unrated, "not rated yet", "not rated yet")}</span>`);
  return chips.join(" ") || `<span class="muted">—</span>`;
}

function selectionSummary(input: HtmlReportInput): string {
  const claims = input.statements.reduce((n, s) => n + s.claims.length, 0);
  const rated = input.statements.reduce((n, s) => n + s.claims.filter((c) => c.verdict && isShown(c.verdict, input.includeDrafts) && c.verdict.levelId).length, 0);
  const filters = input.selection?.filters ?? [];
  const rows = input.statements.map((s, i) => {
    return [
      `<tr>`,
      `<td class="num">${i + 1}</td>`,
      `<td dir="auto"><a href="#s${i + 1}">${escapeHtml(s.title.trim() || "Untitled statement")}</a></td>`,
      `<td dir="auto">${escapeHtml(s.speaker.trim())}</td>`,
      `<td class="nowrap">${time(s.publishedAt) || "—"}</td>`,
      `<td class="num">${s.claims.length}</td>`,
      `<td>${ratingChips(s, input)}</td>`,
      `</tr>`,
    ].join("");
  });
  return [
    `<section class="selection" aria-labelledby="selection-title">`,
    `<h2 id="selection-title">Summary</h2>`,
    `<p class="lede">${plural(input.statements.length, "statement")}, ${plural(claims, "claim")}, ${plural(rated, "rated claim")}.</p>`,
    filters.length
      ? `<dl class="meta filters">${filters.map((f) => `<div><dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd></div>`).join("")}</dl>`
      : `<p class="note">All statements of the workspace.</p>`,
    `<figure class="chart-figure">`,
    ratingChartSvg(countRatings(input)),
    `<figcaption>Verdicts by rating${input.includeDrafts ? ", unapproved drafts included" : ""}.</figcaption>`,
    `</figure>`,
    input.statements.length
      ? `<table class="overview"><thead><tr><th scope="col" class="num">#</th><th scope="col">Statement</th><th scope="col">Speaker</th><th scope="col">Published</th><th scope="col" class="num">Claims</th><th scope="col">Verdicts</th></tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`
      : `<p class="note">No statement matches this selection.</p>`,
    `</section>`,
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------
// The document

const SERIF = `Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Iowan Old Style", "Liberation Serif", "DejaVu Serif", serif`;
// Print-proven faces first: system-ui is DejaVu Sans on many Linux servers, too wide beside a serif.
const SANS = `"Helvetica Neue", Helvetica, Arial, "Liberation Sans", "Segoe UI", Roboto, "Noto Sans", system-ui, sans-serif`;

const CSS = `
:root { --ink: #1f2933; --muted: #5b6673; --line: #dcd8cf; --paper: #ffffff; --accent: #1d4ed8; --mark: #fbeec1; --mark2: #f6dc86; --mark3: #efc94f; }
* { box-sizing: border-box; }
html { color: var(--ink); background: var(--paper); -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: ${SERIF}; font-size: 17px; line-height: 1.55; font-kerning: normal; font-variant-numeric: oldstyle-nums proportional-nums; }
main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
h1, h2, h3, h4, h5, .kicker, .meta, .facts, .rating, .state, .draft-mark, .stance, .chip, table, figcaption, .claim-number, .claim-ref, .banner, .colophon, .lede { font-family: ${SANS}; }
h1, h2, h3, h4, h5 { line-height: 1.25; margin: 0; letter-spacing: -0.01em; }
h1 { font-size: 1.95rem; font-weight: 700; }
h2 { font-size: 1.5rem; font-weight: 700; }
h3 { font-size: 0.8rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); margin: 2rem 0 0.75rem; padding-bottom: 0.35rem; border-bottom: 1px solid var(--line); }
h4 { font-size: 1.05rem; font-weight: 650; }
h5 { font-size: 0.72rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); margin: 1rem 0 0.35rem; }
a { color: var(--accent); text-decoration-thickness: 1px; text-underline-offset: 2px; }
p { margin: 0 0 0.8em; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.report-head { border-bottom: 3px solid var(--ink); padding-bottom: 1rem; margin-bottom: 1.5rem; }
.kicker { font-size: 0.78rem; font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase; color: var(--muted); margin: 0 0 0.5rem; }
.generated { font-family: ${SANS}; font-size: 0.8rem; color: var(--muted); margin: 0.6rem 0 0; }
.banner { border: 2px solid #b45309; background: #fff7e6; color: #7c2d12; border-radius: 6px; padding: 0.7rem 0.9rem; font-size: 0.9rem; margin: 0 0 1.5rem; }
.banner strong { text-transform: uppercase; letter-spacing: 0.05em; }
.meta { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; font-size: 0.82rem; color: var(--muted); margin: 0.75rem 0 0; }
.meta div { display: flex; gap: 0.4rem; min-width: 0; }
.meta dt { font-weight: 600; color: var(--ink); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.statement + .statement { margin-top: 3.5rem; padding-top: 2rem; border-top: 1px solid var(--line); }
.statement-head { margin-bottom: 1.25rem; }
.statement-text { font-size: 1.02rem; }
.statement-text p { margin: 0 0 0.9em; hyphens: auto; }
mark.claim { background: var(--mark); color: inherit; border-bottom: 2px solid #b38f2a; padding: 0.05em 0; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.claim.depth-2 { background: var(--mark2); }
mark.claim.depth-3 { background: var(--mark3); }
.claim-ref { display: inline-block; min-width: 1.35em; height: 1.35em; padding: 0 0.3em; margin: 0 0.1em 0 0.15em; border-radius: 0.7em; background: var(--ink); color: #fff; font-size: 0.66em; font-weight: 700; line-height: 1.35em; text-align: center; text-decoration: none; vertical-align: 0.45em; font-variant-numeric: lining-nums; }
.claim { border-left: 3px solid var(--line); padding: 0.1rem 0 0.2rem 1rem; margin: 0 0 1.75rem; }
.claim.is-draft { border-left-color: #d97706; }
.claim-head { display: flex; gap: 0.6rem; align-items: baseline; }
.claim-number { flex: none; display: inline-block; min-width: 1.6rem; height: 1.6rem; border-radius: 0.8rem; background: var(--ink); color: #fff; font-size: 0.8rem; font-weight: 700; line-height: 1.6rem; text-align: center; position: relative; top: -0.1rem; }
blockquote { margin: 0.6rem 0 0.7rem; padding: 0 0 0 0.8rem; border-left: 2px solid var(--mark2); color: #3e4a57; font-style: italic; }
.verdict { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin: 0.7rem 0 0.5rem; }
.rating { display: inline-block; border-radius: 4px; padding: 0.22rem 0.6rem; font-size: 0.8rem; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; }
.rating-none { background: #eef0f3; color: #4a5562; font-weight: 600; text-transform: none; letter-spacing: 0; }
.state { font-size: 0.78rem; color: var(--muted); }
.draft-mark { font-size: 0.78rem; font-weight: 700; color: #9a3412; background: #fff1dc; border: 1px dashed #c2410c; border-radius: 4px; padding: 0.12rem 0.45rem; }
.summary { font-weight: 600; font-size: 1.02rem; }
.explanation p { margin: 0 0 0.6em; }
.cite { text-decoration: none; font-variant-numeric: lining-nums; }
ol.sources { margin: 0; padding-left: 1.6rem; font-size: 0.92rem; }
ol.sources li { margin: 0 0 0.45rem; padding-left: 0.2rem; }
ol.sources li::marker { font-family: ${SANS}; font-size: 0.8rem; font-weight: 600; color: var(--muted); }
ol.sources cite { font-style: normal; font-weight: 600; }
.url { display: block; font-family: ${SANS}; font-size: 0.72rem; color: var(--muted); overflow-wrap: anywhere; }
.excerpt { display: block; font-style: italic; color: #3e4a57; margin-top: 0.15rem; }
.stance { display: inline-block; font-size: 0.66rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.06em; border-radius: 3px; padding: 0.05rem 0.35rem; vertical-align: 0.1em; border: 1px solid; }
.stance-supports { color: #166534; border-color: #86c79c; background: #effaf2; }
.stance-refutes { color: #991b1b; border-color: #e7a3a3; background: #fdf1f1; }
.stance-context { color: #374151; border-color: #c5cad1; background: #f4f5f7; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.9rem; font-size: 0.78rem; color: var(--muted); margin: 0.9rem 0 0; padding-top: 0.55rem; border-top: 1px dotted var(--line); }
.facts div { display: contents; }
.facts dt { font-weight: 600; color: var(--ink); }
.facts dd { margin: 0; }
.tag { display: inline-block; border: 1px solid var(--line); border-radius: 999px; padding: 0 0.45rem; color: var(--ink); }
.note { font-style: italic; color: var(--muted); }
.lede { font-size: 0.95rem; margin: 0.75rem 0 0; }
.selection { margin-bottom: 2.5rem; }
.chart-figure { margin: 1.25rem 0 1.5rem; }
.chart { max-width: 100%; height: auto; font-family: ${SANS}; }
.chart-label { font-size: 12px; fill: #1f2933; }
.chart-count { font-size: 12px; font-weight: 700; fill: #1f2933; }
figcaption { font-size: 0.75rem; color: var(--muted); margin-top: 0.3rem; }
table.overview { width: 100%; border-collapse: collapse; font-size: 0.8rem; line-height: 1.35; }
table.overview th { text-align: left; font-weight: 700; border-bottom: 2px solid var(--ink); padding: 0.35rem 0.5rem 0.35rem 0; }
table.overview td { border-bottom: 1px solid var(--line); padding: 0.4rem 0.5rem 0.4rem 0; vertical-align: top; }
table.overview .num { text-align: right; font-variant-numeric: tabular-nums lining-nums; }
.nowrap { white-space: nowrap; }
.chip { display: inline-flex; align-items: center; gap: 0.3rem; margin: 0 0.4rem 0.15rem 0; white-space: nowrap; }
.swatch { display: inline-block; width: 0.7rem; height: 0.7rem; border-radius: 2px; }
.muted { color: var(--muted); }
.glance { margin: 0 0 1.5rem; }
.glance h3 { margin-top: 0; }
.glance-table { width: 100%; border-collapse: collapse; font-family: ${SANS}; font-size: 0.82rem; line-height: 1.35; }
.glance-table td { padding: 0.3rem 0.6rem 0.3rem 0; border-bottom: 1px solid var(--line); vertical-align: middle; }
.glance-table td.num { width: 2rem; }
.glance-table .claim-ref { font-size: 0.72rem; vertical-align: 0; }
.glance-verdict { text-align: right; white-space: nowrap; }
.glance-verdict .rating { font-size: 0.7rem; }
.colophon { margin-top: 3rem; padding-top: 0.75rem; border-top: 1px solid var(--line); font-size: 0.75rem; color: var(--muted); }
@page { size: A4; margin: 20mm 17mm 20mm 17mm; }
@media print {
  html, body { background: #fff; }
  body { font-size: 10.5pt; line-height: 1.45; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; margin: 0; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .statement-head a, ol.sources a { color: var(--accent); }
  .statement + .statement { margin-top: 0; padding-top: 0; border-top: 0; break-before: page; }
  .selection + .statement { break-before: page; }
  h1, h2, h3, h4, h5, .claim-head { break-after: avoid; }
  .claim-top, ol.sources li, .facts, tr, .chart-figure, .glance { break-inside: avoid; }
  .statement-text p, .explanation p { orphans: 3; widows: 3; }
  .colophon { display: none; }
}
`;

/** A CSS string literal: anything but letters, digits and plain punctuation as a hex escape. */
export function cssString(text: string): string {
  return `"${text.replace(/[^\p{L}\p{N} .,:;!?()'–—·-]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** Running header and footer, with page numbers, in the page margins of print and PDF alike. */
function marginBoxes(left: string, right: string, footer: string, draft: boolean): string {
  const box = `font-family: ${SANS}; font-size: 7.5pt; color: #5b6673;`;
  return `@page {
  @top-left { content: ${cssString(clip(left, 60))}; ${box} vertical-align: bottom; padding-bottom: 5mm; }
  @top-right { content: ${cssString(clip(right, 70))}; ${box} vertical-align: bottom; padding-bottom: 5mm; }
  @bottom-left { content: ${cssString(footer)}; ${box} ${draft ? "color: #9a3412; font-weight: 700;" : ""} vertical-align: top; padding-top: 5mm; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} vertical-align: top; padding-top: 5mm; }
}`;
}

/** The whole document, ending with a newline. */
export function renderHtmlReport(input: HtmlReportInput): string {
  const selection = input.selection !== undefined;
  const single = !selection && input.statements.length === 1 ? input.statements[0]! : null;
  const workspace = input.workspace.name.trim() || "Factdesk";
  const title = single ? single.title.trim() || "Untitled statement" : "Fact-check report";
  const generated = formatDateTime(input.generatedAt);

  const head = [
    `<header class="report-head">`,
    `<p class="kicker">${single ? "Fact-check report · " : ""}${escapeHtml(workspace)}</p>`,
    single ? "" : `<h1>Fact-check report</h1>`,
    `<p class="generated">Generated <time datetime="${escapeHtml(new Date(input.generatedAt).toISOString())}">${escapeHtml(generated)}</time> from ${escapeHtml(workspace)}${input.includeDrafts ? " · includes unapproved verdicts" : " · approved verdicts only"}</p>`,
    `</header>`,
  ];
  const banner = input.includeDrafts
    ? `<div class="banner" role="note"><strong>Draft report</strong> — includes verdicts that an editor has not approved. They are marked “not approved”, may still change and must not be shared as findings.</div>`
    : "";

  const body = [
    ...head,
    banner,
    selection ? selectionSummary(input) : "",
    ...input.statements.map((s, i) => statementArticle(s, i, input, single ? "h1" : "h2")),
    `<footer class="colophon">Generated ${escapeHtml(generated)} by Factdesk for ${escapeHtml(workspace)}.</footer>`,
  ];
  return [
    `<!doctype html>`,
    `<html lang="en">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="robots" content="noindex, nofollow">`,
    `<meta name="referrer" content="no-referrer">`,
    `<meta name="generator" content="Factdesk">`,
    `<title>${escapeHtml(title)} — ${escapeHtml(workspace)}</title>`,
    `<style>${CSS}${marginBoxes(workspace, title, `Fact-check report · generated ${generated}${input.includeDrafts ? " · DRAFT: includes unapproved verdicts" : ""}`, input.includeDrafts)}</style>`,
    `</head>`,
    `<body>`,
    `<main>`,
    body.filter(Boolean).join("\n"),
    `</main>`,
    `</body>`,
    `</html>`,
  ].join("\n") + "\n";
}
