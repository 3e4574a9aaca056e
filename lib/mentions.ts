// @-mentions in comments. Pure: shared by the service layer (which decides who is mentioned) and the
// comment box (autocomplete), so both read a mention the same way.
//
// Writers type "@" and a member's name as it is shown ("@Eddie Editor"); the box offers the names
// as you type. On save the server turns every "@Name" that names exactly one member into a stored
// token "@[Name](userId)", so a mention keeps pointing at its person after a rename and two
// members with one name are told apart (for those the box inserts the token itself). Text that
// merely looks like a token but names nobody of the desk stays text: only tokens of members who
// were actually mentioned (CommentMention rows) are ever drawn as mentions.

export type MentionMember = { id: string; name: string };

export type CommentSegment = { kind: "text"; text: string } | { kind: "mention"; userId: string; name: string };

const TOKEN = /@\[([^\[\]\n]{1,100})\]\(([A-Za-z0-9_-]{1,64})\)/y;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, "en", { sensitivity: "accent" }) === 0;
}

/** The label inside a token: the name without the characters that would end the token early. */
function tokenLabel(name: string): string {
  return name.replace(/[\[\]\n]/g, " ").trim().slice(0, 100) || "member";
}

export function mentionToken(member: MentionMember): string {
  return `@[${tokenLabel(member.name)}](${member.id})`;
}

/** Names shared by more than one member (compared as people read them: ignoring case). */
function ambiguousNames(members: readonly MentionMember[]): Set<string> {
  const seen = new Map<string, number>();
  for (const m of members) {
    const key = m.name.trim().toLocaleLowerCase("en");
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n > 1).map(([key]) => key));
}

export function isAmbiguousName(name: string, members: readonly MentionMember[]): boolean {
  return ambiguousNames(members).has(name.trim().toLocaleLowerCase("en"));
}

function tokenAt(text: string, at: number): { label: string; id: string; length: number } | null {
  TOKEN.lastIndex = at;
  const match = TOKEN.exec(text);
  return match ? { label: match[1]!, id: match[2]!, length: match[0].length } : null;
}

function startsMention(text: string, at: number): boolean {
  return text[at] === "@" && (at === 0 || !WORD_CHAR.test(text[at - 1]!));
}

/**
 * Resolves the mentions in what a member typed against the desk's members: "@Name" of exactly one
 * member (the longest name that fits, ending at a word boundary) becomes a token; a token of a
 * member is kept; everything else is left as typed. Returns the body to store and who it mentions.
 */
export function encodeMentions(text: string, members: readonly MentionMember[]): { body: string; mentionedIds: string[] } {
  const byId = new Map(members.map((m) => [m.id, m]));
  const named = members
    .map((m) => ({ ...m, name: m.name.trim() }))
    .filter((m) => m.name !== "")
    .sort((a, b) => b.name.length - a.name.length);
  const ambiguous = ambiguousNames(named);
  const mentioned: string[] = [];
  let body = "";
  let i = 0;
  while (i < text.length) {
    if (!startsMention(text, i)) {
      body += text[i];
      i += 1;
      continue;
    }
    const token = tokenAt(text, i);
    if (token) {
      const member = byId.get(token.id);
      if (member) {
        body += mentionToken(member);
        if (!mentioned.includes(member.id)) mentioned.push(member.id);
      } else {
        body += text.slice(i, i + token.length);
      }
      i += token.length;
      continue;
    }
    const member = named.find((m) => {
      const end = i + 1 + m.name.length;
      return sameName(text.slice(i + 1, end), m.name) && (end >= text.length || !WORD_CHAR.test(text[end]!));
    });
    if (member && !ambiguous.has(member.name.toLocaleLowerCase("en"))) {
      body += mentionToken(member);
      if (!mentioned.includes(member.id)) mentioned.push(member.id);
      i += 1 + member.name.length;
      continue;
    }
    body += "@";
    i += 1;
  }
  return { body, mentionedIds: mentioned };
}

/**
 * A stored body as text and mentions, for drawing: a token is a mention only if its person is
 * among `mentioned` (the comment's mention rows), shown under their current name.
 */
export function segmentComment(body: string, mentioned: ReadonlyMap<string, string>): CommentSegment[] {
  const segments: CommentSegment[] = [];
  let text = "";
  let i = 0;
  while (i < body.length) {
    const token = startsMention(body, i) ? tokenAt(body, i) : null;
    const name = token ? mentioned.get(token.id) : undefined;
    if (token && name !== undefined) {
      if (text) segments.push({ kind: "text", text });
      text = "";
      segments.push({ kind: "mention", userId: token.id, name });
      i += token.length;
    } else {
      text += body[i];
      i += 1;
    }
  }
  if (text) segments.push({ kind: "text", text });
  return segments;
}

/**
 * A stored body back as its author would type it, for editing: mentions as "@Name", except where
 * the name is shared by several members (the token stays, so saving again mentions the same person).
 */
export function editableText(body: string, mentioned: ReadonlyMap<string, string>, members: readonly MentionMember[]): string {
  const ambiguous = ambiguousNames(members);
  return segmentComment(body, mentioned)
    .map((s) =>
      s.kind === "text" ? s.text : ambiguous.has(s.name.trim().toLocaleLowerCase("en")) ? mentionToken({ id: s.userId, name: s.name }) : `@${s.name}`,
    )
    .join("");
}

/** The whole body as plain text (mentions as "@Name"), for excerpts and notifications. */
export function plainText(segments: readonly CommentSegment[]): string {
  return segments.map((s) => (s.kind === "text" ? s.text : `@${s.name}`)).join("");
}

// ---------------------------------------------------------------------------------------------
// Autocomplete in the comment box

/** The "@query" being typed at the caret, if any: from an "@" that starts a word, on this line. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const lineStart = text.lastIndexOf("\n", caret - 1) + 1;
  for (let at = caret - 1; at >= lineStart && caret - at <= 41; at--) {
    if (text[at] === "@") {
      if (!startsMention(text, at)) return null;
      const query = text.slice(at + 1, caret);
      // A finished token or a sentence that has moved on ("@Eddie, see the second source") ends it.
      if (query.startsWith("[") || /[,.;:!?()]/.test(query) || /\s\s/.test(query)) return null;
      return { start: at, query };
    }
  }
  return null;
}

/** Members whose name, or a word of it, starts with the query; whole-name matches first. */
export function suggestMembers(query: string, members: readonly MentionMember[], limit = 8): MentionMember[] {
  const q = query.trim().toLocaleLowerCase("en");
  const scored = members
    .map((m) => {
      const name = m.name.toLocaleLowerCase("en");
      const rank = name.startsWith(q) ? 0 : name.split(/\s+/).some((word) => word.startsWith(q)) ? 1 : -1;
      return { m, rank };
    })
    .filter((s) => s.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.m.name.localeCompare(b.m.name, "en"));
  return scored.slice(0, limit).map((s) => s.m);
}

/** Replaces the "@query" at `start`…`caret` by the member's mention and a space; returns the new caret. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  member: MentionMember,
  members: readonly MentionMember[],
): { text: string; caret: number } {
  const mention = isAmbiguousName(member.name, members) ? mentionToken(member) : `@${member.name.trim()}`;
  const after = text.slice(caret);
  const insert = after.startsWith(" ") ? mention : `${mention} `;
  return { text: text.slice(0, start) + insert + after, caret: start + insert.length };
}
