// Shared by the anchoring tests and the benchmark: text edits that know where old offsets land.
import { describeRange } from "./text-quote";
import type { HighlightToReanchor } from "./anchor";

export type Edit = { at: number; remove: number; insert: string };

/**
 * Where an old offset lands after the edit; offsets inside the removed text go to its start. Text
 * inserted exactly at a highlight's start goes before it (`side` "start"), at its end after it.
 */
export function mapOffset(edit: Edit, offset: number, side: "start" | "end" = "end"): number {
  if (offset < edit.at || (offset === edit.at && side === "end")) return offset;
  if (offset >= edit.at + edit.remove) return offset - edit.remove + edit.insert.length;
  return edit.at;
}

export function applyEdit(text: string, edit: Edit): string {
  return text.slice(0, edit.at) + edit.insert + text.slice(edit.at + edit.remove);
}

/**
 * The smallest edit turning the first occurrence of `before` into `after` (a correction is written
 * as whole phrases; the edit keeps only what differs).
 */
export function correction(text: string, before: string, after: string): Edit {
  const at = text.indexOf(before);
  if (at === -1) throw new Error(`"${before}" is not in the text`);
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) {
    tail++;
  }
  return { at: at + head, remove: before.length - head - tail, insert: after.slice(head, after.length - tail) };
}

/** Sentences (and a trailing closing quote) of a statement, as [start, end) ranges. */
export function sentenceRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(/[^\s.!?][^.!?\n]*[.!?]+["”’]?/g)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/** Figures ("303", "2,700", "1993") as [start, end) ranges. */
export function figureRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(/\d[\d,]*\d|\d/g)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/** Comma-separated phrases of at least 15 characters. */
export function phraseRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(/[^,.;:\n“”"]{15,}/g)) {
    const lead = m[0].length - m[0].trimStart().length;
    const trimmed = m[0].trim();
    ranges.push([m.index + lead, m.index + lead + trimmed.length]);
  }
  return ranges;
}

export function highlightsOn(text: string, ranges: [number, number][], prefix = "h"): HighlightToReanchor[] {
  return ranges.map(([start, end], i) => ({ id: `${prefix}${i}`, ...describeRange(text, start, end) }));
}
