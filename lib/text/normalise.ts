// How statement text is stored. Everything that compares, hashes or offsets statement text works on
// this form, so the same statement pasted from a Windows editor and from a web page is one text.

/**
 * Unicode NFC; CRLF and lone CR become LF; trailing whitespace goes from every line; any run of
 * blank lines becomes exactly one (a paragraph break); leading and trailing blank lines go.
 * Leading spaces, tabs inside lines, emoji, bidi marks and right-to-left script are left alone:
 * the text stays as published.
 */
export function normaliseText(raw: string): string {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  text = text.normalize("NFC");
  if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
  // One pass per rule over the whole text (bulk imports normalise thousands of statements).
  // The class is JavaScript's \s without the line terminators; bidi marks are not in it.
  return text
    .replace(/[\t\v\f \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\n+$/g, "");
}

/** The paragraphs of a normalised text: blocks separated by a blank line. */
export function splitParagraphs(text: string): string[] {
  if (text === "") return [];
  return text.split(/\n\n+/);
}
