// Claims as CSV for spreadsheets: RFC 4180 (CRLF line ends, fields quoted when they hold a comma,
// a quote or a line break, quotes doubled), a UTF-8 byte order mark so Excel reads the file as
// UTF-8 rather than the system code page, and no live formulas: a cell a spreadsheet would run
// (`=HYPERLINK(...)` typed into a claim by anyone) is written as text. One line per call, so a
// route can stream ten thousand claims without building the whole file first.
import {
  CLAIM_STATUS_LABELS,
  isoDay,
  isoInstant,
  type ClaimStatus,
  type DateLike,
  type VerdictState,
} from "./types";
import { VERDICT_STATE_LABELS } from "../verdicts/workflow";

export const CSV_BOM = "\uFEFF";
export const CSV_LINE_END = "\r\n";

// OWASP's list for CSV injection: these open a formula (or, tab and CR, hide one) in Excel,
// LibreOffice and Google Sheets.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A leading single quote makes a spreadsheet show the cell as text instead of running it. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One field, neutralised (text only) and quoted where RFC 4180 needs it. */
export function csvField(value: string | number | null | undefined): string {
  if (value == null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = neutraliseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record as a line, CRLF included. */
export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  let line = "";
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += ",";
    line += csvField(fields[i]);
  }
  return line + CSV_LINE_END;
}

/** What one row of the claims CSV says. Names rather than ids: the file is read by people. */
export type ClaimCsvRecord = {
  claimId: string;
  statementTitle: string;
  statementPublishedAt: DateLike | null;
  speaker: string;
  quote: string;
  claimReviewed: string;
  tags: readonly string[];
  status: ClaimStatus;
  verdictStatus: VerdictState | null;
  /** The rating level's label; null without a rated verdict. */
  rating: string | null;
  summary: string;
  sourceCount: number;
  /** Who wrote the verdict (or, before there is one, who the claim is assigned to). */
  checker: string | null;
  reviewer: string | null;
  createdAt: DateLike;
  updatedAt: DateLike;
  /** When the verdict was published; null while unpublished. */
  publishedAt: DateLike | null;
};

const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/** "2024-05-01 10:30:00": the form Excel, LibreOffice and Sheets all read as a date and time. */
function spreadsheetInstant(value: DateLike | null): string {
  // DTOs already carry UTC ISO strings; re-parsing thirty thousand of them is most of the work.
  const iso = typeof value === "string" && UTC_ISO.test(value) ? value : isoInstant(value);
  return iso === "" ? "" : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

type Column = { header: string; value: (r: ClaimCsvRecord) => string | number | null };

const COLUMNS: readonly Column[] = [
  { header: "Claim ID", value: (r) => r.claimId },
  { header: "Statement", value: (r) => r.statementTitle },
  { header: "Statement date", value: (r) => isoDay(r.statementPublishedAt) },
  { header: "Speaker", value: (r) => r.speaker },
  { header: "Quote", value: (r) => r.quote },
  { header: "Claim reviewed", value: (r) => r.claimReviewed },
  // "; " rather than "," so the list stays readable and needs no quoting in most rows.
  { header: "Tags", value: (r) => r.tags.join("; ") },
  { header: "Status", value: (r) => CLAIM_STATUS_LABELS[r.status] ?? r.status },
  { header: "Verdict status", value: (r) => (r.verdictStatus ? VERDICT_STATE_LABELS[r.verdictStatus] : "") },
  { header: "Rating", value: (r) => r.rating },
  { header: "Summary", value: (r) => r.summary },
  { header: "Sources", value: (r) => r.sourceCount },
  { header: "Checker", value: (r) => r.checker },
  { header: "Reviewer", value: (r) => r.reviewer },
  { header: "Created (UTC)", value: (r) => spreadsheetInstant(r.createdAt) },
  { header: "Updated (UTC)", value: (r) => spreadsheetInstant(r.updatedAt) },
  { header: "Published (UTC)", value: (r) => spreadsheetInstant(r.publishedAt) },
];

export const CLAIM_CSV_HEADERS: readonly string[] = COLUMNS.map((c) => c.header);

/** The header line, with the byte order mark that must open the file. */
export const CLAIM_CSV_HEAD = CSV_BOM + csvLine(CLAIM_CSV_HEADERS);

/** One claim as one CSV line (CRLF included). */
export function claimCsvLine(record: ClaimCsvRecord): string {
  return csvLine(COLUMNS.map((c) => c.value(record)));
}

/** The file line by line: the head (BOM + headers), then one line per claim. */
export function* claimCsvLines(records: Iterable<ClaimCsvRecord>): Generator<string> {
  yield CLAIM_CSV_HEAD;
  for (const record of records) yield claimCsvLine(record);
}

/** The same for records read in batches from the database. */
export async function* claimCsvLinesAsync(records: AsyncIterable<ClaimCsvRecord> | Iterable<ClaimCsvRecord>): AsyncGenerator<string> {
  yield CLAIM_CSV_HEAD;
  for await (const record of records) yield claimCsvLine(record);
}

/** The whole file as one string (small exports, tests). */
export function claimsToCsv(records: Iterable<ClaimCsvRecord>): string {
  let out = "";
  for (const line of claimCsvLines(records)) out += line;
  return out;
}
