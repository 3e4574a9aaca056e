// Why a file or a pasted text cannot become a statement, in words a fact-checker can act on.

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_TEXT_BYTES = 1024 * 1024;

export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm", ".docx"] as const;

/** A refusal with a message meant for the person importing. */
export class ImportProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportProblem";
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * What is wrong with a text (already decoded) as statement text, or null when nothing is: no
 * text at all, more than 1 MB, or control characters that only binary data contains.
 */
export function textProblem(text: string): string | null {
  if (text.trim() === "") return "There is no text to import.";
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_TEXT_BYTES) {
    return `The text is ${megabytes(bytes)} long; the limit is 1 MB of text per statement. Split it into several statements.`;
  }
  if (looksBinary(text)) return "This looks like binary data, not text.";
  return null;
}

/** NUL anywhere, or more than a few C0 controls other than tab, newlines and form feed. */
export function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  if (!/[\u0001-\u0008\u000B\u000E-\u001F\u007F]/.test(text)) return false;
  const controls = text.match(/[\u0001-\u0008\u000B\u000E-\u001F\u007F]/g)?.length ?? 0;
  return controls > 8 && controls > text.length / 1000;
}
