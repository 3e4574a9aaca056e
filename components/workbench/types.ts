// Shapes the workbench's client components share. Types only: the DTOs come from the service layer.
import type { ShownHighlight } from "@/lib/highlight-payload";
import type { ClaimSummary, HighlightDTO } from "@/lib/server/highlights";

export type { ClaimSummary, HighlightDTO, ShownHighlight };

/** A highlight as the page shows it: saved, or still saving / failed (optimistic, not yet stored). */
export type WorkbenchHighlight = ShownHighlight & {
  state?: "saving" | "failed";
  error?: string;
  /** Of an unsaved highlight: the revision whose text its offsets count in. */
  revision?: number;
  /** Unsaved and made on a text corrected since: not placed, not retried, only discarded. */
  stale?: boolean;
};

export type WorkbenchTag = { id: string; name: string; color: string };
export type WorkbenchMember = { id: string; name: string; role: string };
export type Can = { annotate: boolean; moderate: boolean; correct: boolean };

export type Filters = { person: string; kind: string; tag: string; status: string; mine: boolean };
export const NO_FILTERS: Filters = { person: "", kind: "", tag: "", status: "", mine: false };

export const STATUS_LABELS: Record<string, string> = {
  to_check: "To check",
  researching: "Researching",
  in_review: "In review",
  checked: "Checked",
};

/** Offsets of the passage the reader selected in the current text, and where it is on screen. */
export type TextSelection = { start: number; end: number; rect: { top: number; left: number; width: number; bottom: number } };

export function matchesFilters(h: WorkbenchHighlight, filters: Filters, userId: string): boolean {
  if (filters.mine && h.author.id !== userId) return false;
  if (filters.person && h.author.id !== filters.person) return false;
  if (filters.kind && h.kind !== filters.kind) return false;
  if (filters.tag && !h.claim?.tags.some((t) => t.id === filters.tag)) return false;
  if (filters.status && h.claim?.status !== filters.status) return false;
  return true;
}

export function isFiltering(filters: Filters): boolean {
  return Boolean(filters.person || filters.kind || filters.tag || filters.status || filters.mine);
}
