// How statement text is stored. Everything that compares, hashes or offsets statement text works on
// this form, so the same statement pasted from a Windows editor and from a web page is one text.

/**
 * Unicode NFC; CRLF and lone CR become LF; trailing whitespace goes from every line; any run of
 * blank lines becomes exactly one (a paragraph break); leading and trailing blank lines go.
 * Leading spaces, tabs inside lines, emoji, bidi marks and right-to-left script are left alone:
 * the text stays as published.
 */
export function normaliseText(raw: string): string {
  const lines = raw
    .replace(/^\uFEFF/, "")
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    // \s covers no-break and other Unicode spaces but not the bidi marks (U+200E/U+200F).
    .map((line) => line.replace(/\s+$/u, ""));
  const kept: string[] = [];
  for (const line of lines) {
    if (line === "" && (kept.length === 0 || kept[kept.length - 1] === "")) continue;
    kept.push(line);
  }
  while (kept.length && kept[kept.length - 1] === "") kept.pop();
  return kept.join("\n");
}

/** The paragraphs of a normalised text: blocks separated by a blank line. */
export function splitParagraphs(text: string): string[] {
  if (text === "") return [];
  return text.split(/\n\n+/);
}
