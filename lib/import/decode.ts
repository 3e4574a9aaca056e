import { ImportProblem } from "./problems";

const MAGIC: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], "This is a PDF file; save the statement as .txt, .docx or .html and import that."],
  [[0xd0, 0xcf, 0x11, 0xe0], "This is an old Word (.doc) file; save it as .docx and import that."],
  [[0x50, 0x4b, 0x03, 0x04], "This is a compressed (zip) file, not text."],
  [[0x89, 0x50, 0x4e, 0x47], "This is an image, not text."],
  [[0xff, 0xd8, 0xff], "This is an image, not text."],
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Decodes a text file. UTF-8 (with or without a byte-order mark) is expected; UTF-16 with a
 * byte-order mark is unambiguous and read too. Anything else is refused with the reason rather
 * than guessed at: a wrongly guessed encoding would silently corrupt quotes and names.
 */
export function decodeText(bytes: Uint8Array): string {
  for (const [magic, message] of MAGIC) if (startsWith(bytes, magic)) throw new ImportProblem(message);
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (bytes.subarray(0, 8192).includes(0)) throw new ImportProblem("This looks like binary data, not text.");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportProblem(
      "This is not UTF-8 text (perhaps Windows-1252 or Latin-1). Save it as UTF-8 in your editor and import it again.",
    );
  }
  // Control characters are checked with the other text problems, once, after extraction.
  return text;
}
