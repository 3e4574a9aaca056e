// Word-level diff between two revisions of a statement, for the "what changed" view. Pure.
// Myers' O((n+m)·d) greedy algorithm over word tokens; shared head and tail are trimmed first, so a
// correction of one figure in a long statement costs almost nothing.

export type DiffOp = "equal" | "insert" | "delete";
export type DiffSegment = { op: DiffOp; text: string };

/** Words (letters, digits and joiners), whitespace runs, and single other characters. */
const TOKEN = /[\p{L}\p{M}\p{N}_'’.,-]*[\p{L}\p{M}\p{N}]|\s+|[^]/gu;

/**
 * Words keep inner apostrophes, dots, commas and hyphens ("don't", "3.5", "1,000", "well-known"),
 * so a changed figure shows as one replaced word rather than as scattered digits.
 */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Beyond this many differing tokens the diff gives up on detail: all old text out, all new in. */
const MAX_EDIT_DISTANCE = 5_000;

export function diffWords(before: string, after: string): DiffSegment[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;

  const out: DiffSegment[] = [];
  const push = (op: DiffOp, text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  push("equal", a.slice(0, head).join(""));
  const middleA = a.slice(head, a.length - tail);
  const middleB = b.slice(head, b.length - tail);
  for (const [op, token] of myers(middleA, middleB)) push(op, token);
  push("equal", a.slice(a.length - tail).join(""));
  return groupReplacements(out);
}

/** The edit script turning `a` into `b`, token by token. */
function myers(a: string[], b: string[]): Array<[DiffOp, string]> {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((t) => ["insert", t]);
  if (m === 0) return a.map((t) => ["delete", t]);
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v[-d..d] after step d: O(d²) memory, enough to walk the path back.
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  if (found < 0) return [...a.map((t): [DiffOp, string] => ["delete", t]), ...b.map((t): [DiffOp, string] => ["insert", t])];

  const script: Array<[DiffOp, string]> = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1]!; // v[-(d-1)..d-1]
    const at = (k: number) => prev[k + d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX + (down ? 0 : 1) && y > prevY + (down ? 1 : 0)) {
      script.push(["equal", a[--x]!]);
      y--;
    }
    if (down) script.push(["insert", b[--y]!]);
    else script.push(["delete", a[--x]!]);
  }
  while (x > 0 && y > 0) {
    script.push(["equal", a[--x]!]);
    y--;
  }
  return script.reverse();
}

/**
 * Within one changed stretch, shows all deleted text before all inserted text ("-3 people- +5
 * people+" instead of interleaved pieces), which reads better for corrections. A stretch ends at
 * an equal segment longer than a space or a stop.
 */
function groupReplacements(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    if (deleted) out.push({ op: "delete", text: deleted });
    if (inserted) out.push({ op: "insert", text: inserted });
    deleted = inserted = "";
  };
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const inChange = deleted !== "" || inserted !== "";
    const next = segments[i + 1];
    if (s.op === "delete") deleted += s.text;
    else if (s.op === "insert") inserted += s.text;
    else if (inChange && /^[\s\p{P}]{1,3}$/u.test(s.text) && next && next.op !== "equal") {
      // A space or a stop between two changes belongs to both sides of one replacement: "gone. Three"
      // reads better than two changes split around ". ".
      deleted += s.text;
      inserted += s.text;
    } else {
      flush();
      out.push({ ...s });
    }
  }
  flush();
  return out;
}

/** Applies a diff: the text before (equal + delete) or after (equal + insert). */
export function sideOf(segments: readonly DiffSegment[], side: "before" | "after"): string {
  const skip: DiffOp = side === "before" ? "insert" : "delete";
  return segments.filter((s) => s.op !== skip).map((s) => s.text).join("");
}

/** How many words a diff inserts and deletes, for a one-line summary. */
export function diffStats(segments: readonly DiffSegment[]): { inserted: number; deleted: number } {
  const words = (t: string) => tokenize(t).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  let inserted = 0;
  let deleted = 0;
  for (const s of segments) {
    if (s.op === "insert") inserted += words(s.text);
    if (s.op === "delete") deleted += words(s.text);
  }
  return { inserted, deleted };
}
