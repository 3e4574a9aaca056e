// Re-anchoring budget: 1,000 highlights on a ~6,000-character statement after a correction in
// ≤ 200 ms. `npm run bench` calls benchReanchor; unit tests never assert timings.
import { reanchorAll, type AnchorMethod, type HighlightToReanchor } from "./anchor";
import { describeRange } from "./text-quote";

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same work. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const subjects = ["The ministry", "The delegation", "Our government", "The commission", "The spokesperson", "The council"];
const verbs = ["stated", "recalled", "stressed", "noted", "confirmed", "denied"];
const claims = [
  "that {n} civilians were injured by landmines since March {y}",
  "that the agreement of {y} was violated {n} times along the border",
  "that reconstruction of {n} villages began in {y} and continues",
  "that {n} families returned to their homes after the ceasefire of {y}",
  "that the resolution adopted in {y} demanded the withdrawal of all forces",
  "that international observers recorded {n} incidents in {y} alone",
  "that the “humanitarian corridor” carried {n} convoys during {y}",
];

/** A self-written statement of about `length` characters: paragraphs of claims with figures. */
export function syntheticStatement(length = 6_000, seed = 7): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const paragraphs: string[] = [];
  let size = 0;
  while (size < length) {
    const sentences: string[] = [];
    const count = 2 + Math.floor(next() * 4);
    for (let i = 0; i < count; i++) {
      const claim = pick(claims)
        .replace("{n}", String(10 + Math.floor(next() * 990)))
        .replace("{y}", String(1990 + Math.floor(next() * 35)));
      sentences.push(`${pick(subjects)} ${pick(verbs)} ${claim}.`);
    }
    const paragraph = sentences.join(" ");
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return paragraphs.join("\n\n");
}

/** `n` highlights on whole sentences, phrases, figures and random spans, several users alike. */
export function syntheticHighlights(text: string, n: number, seed = 11): HighlightToReanchor[] {
  const next = random(seed);
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/[^\s.][^.]*\./g)) spans.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(/\d+/g)) spans.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(/that [^.]{10,60}?(?= in | of | the |\.)/g)) spans.push([m.index, m.index + m[0].length]);
  const highlights: HighlightToReanchor[] = [];
  for (let i = 0; i < n; i++) {
    let range: [number, number];
    if (next() < 0.6) {
      range = spans[Math.floor(next() * spans.length)]!;
    } else {
      const start = Math.floor(next() * (text.length - 120));
      range = [start, start + 5 + Math.floor(next() * 110)];
    }
    highlights.push({ id: `h${i}`, ...describeRange(text, range[0], range[1]) });
  }
  return highlights;
}

/**
 * A realistic correction: a dateline added at the top (everything shifts), a figure changed, a
 * sentence deleted and a typo fixed.
 */
export function correctStatement(text: string): string {
  let corrected = `Press release, 12 May. ${text}`;
  corrected = corrected.replace(/\d{3}/, (figure) => String(Number(figure) + 1));
  const sentences = [...corrected.matchAll(/[^\s.][^.]*\. /g)];
  const victim = sentences[Math.floor(sentences.length / 2)];
  if (victim) corrected = corrected.slice(0, victim.index) + corrected.slice(victim.index + victim[0].length);
  return corrected.replace("continues", "continue").replace(" the ", " tha ");
}

export type ReanchorBench = {
  highlights: number;
  textLength: number;
  runs: number;
  /** The benchmark's first call: cold JIT when nothing anchored before in this process. */
  firstCallMs: number;
  /** Median and maximum of the following (warm) runs. */
  medianMs: number;
  maxMs: number;
  placed: number;
  orphans: number;
  byMethod: Record<AnchorMethod, number>;
};

export function benchReanchor(n = 1_000, options: { text?: string; runs?: number } = {}): ReanchorBench {
  const text = options.text ?? syntheticStatement();
  const runs = Math.max(1, options.runs ?? 7);
  const highlights = syntheticHighlights(text, n);
  const corrected = correctStatement(text);
  const first = performance.now();
  let result = reanchorAll(corrected, highlights);
  const firstCallMs = performance.now() - first;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = reanchorAll(corrected, highlights);
    times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const byMethod: Record<AnchorMethod, number> = { position: 0, exact: 0, fuzzy: 0 };
  for (const p of result.placed) byMethod[p.method] += 1;
  return {
    highlights: n,
    textLength: text.length,
    runs,
    firstCallMs,
    medianMs: sorted[Math.floor(sorted.length / 2)]!,
    maxMs: sorted[sorted.length - 1]!,
    placed: result.placed.length,
    orphans: result.orphans.length,
    byMethod,
  };
}
