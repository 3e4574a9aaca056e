// Plain shapes the export renderers read. The service layer fills them from the database (dates
// may arrive as Date objects or ISO strings, as DTOs carry them); the renderers never query.
import type { ScaleLevel } from "../verdicts/rating-scale";
import type { ClaimStatus, VerdictState } from "../verdicts/workflow";

export type { ClaimStatus, VerdictState };

/** An instant or a calendar day: a Date, or an ISO 8601 string ("2024-05-01" or a full timestamp). */
export type DateLike = Date | string;

export type ExportPerson = { id: string; name: string };

export type ExportWorkspace = {
  name: string;
  /** The organisation named as author of published fact-checks; the workspace name when empty. */
  publisherName: string;
  /** Where the published fact-checks live (no trailing slash needed); empty when not configured. */
  publicBaseUrl: string;
};

export type ExportStatement = {
  id: string;
  title: string;
  /** Who made the statement: a person ("Name, Title") or an organisation. */
  speaker: string;
  /** Set when the service knows better than the guess from the speaker's name. */
  speakerType?: "Person" | "Organization";
  outlet: string;
  /** Where the statement was published (the claim's appearance); empty when unknown. */
  url: string;
  publishedAt: DateLike | null;
  language: string;
};

export type SourceStance = "supports" | "refutes" | "context";

export type ExportSource = {
  url: string;
  title: string;
  publisher: string;
  publishedAt: DateLike | null;
  excerpt: string;
  stance: SourceStance;
};

export type ExportVerdict = {
  status: VerdictState;
  /** The rating level (null while a draft has none). */
  levelId: string | null;
  levelLabel: string | null;
  summary: string;
  explanation: string;
  /** The checker who wrote the verdict. */
  author: ExportPerson | null;
  /** The editor who approved (or last reviewed) it. */
  reviewer: ExportPerson | null;
  submittedAt: DateLike | null;
  publishedAt: DateLike | null;
  updatedAt: DateLike;
};

/** A claim with what every export needs to say about it. Offsets are UTF-16 code units. */
export type ExportClaim = {
  id: string;
  start: number;
  end: number;
  /** The passage as quoted from the statement. */
  quote: string;
  claimReviewed: string;
  status: ClaimStatus;
  tags: string[];
  assignee: ExportPerson | null;
  sources: ExportSource[];
  verdict: ExportVerdict | null;
  createdAt: DateLike;
  updatedAt: DateLike;
};

export type { ScaleLevel };

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  to_check: "To check",
  researching: "Researching",
  in_review: "In review",
  checked: "Checked",
};

export const STANCE_LABELS: Record<SourceStance, string> = {
  supports: "supports",
  refutes: "refutes",
  context: "context",
};

// ---------------------------------------------------------------------------------------------
// Dates: ISO strings from DTOs and Dates from the database read alike.

function toDate(value: DateLike): Date | null {
  const date = typeof value === "string" ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2024-05-01": a calendar day in UTC (publication dates are days, never shifted by a zone). */
export function isoDay(value: DateLike | null | undefined): string {
  if (value == null) return "";
  return toDate(value)?.toISOString().slice(0, 10) ?? "";
}

/** "2024-05-01T10:30:00.000Z"; empty for a missing or unreadable date. */
export function isoInstant(value: DateLike | null | undefined): string {
  if (value == null) return "";
  return toDate(value)?.toISOString() ?? "";
}
