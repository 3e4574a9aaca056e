// Turns an uploaded file into statement text: .txt, .md, .html and .docx. Refusals are
// ImportProblems whose messages say what is wrong and what to do.
import mammoth from "mammoth";
import { decodeText } from "./decode";
import { htmlToText } from "./html-to-text";
import { markdownToText } from "./markdown-to-text";
import { ImportProblem, MAX_FILE_BYTES, SUPPORTED_EXTENSIONS, textProblem } from "./problems";

export type ExtractedText = { text: string; title?: string };

export function extensionOf(filename: string): string {
  const match = /\.[^./\\]+$/.exec(filename.toLowerCase());
  return match ? match[0] : "";
}

export function isSupportedFile(filename: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(extensionOf(filename));
}

export async function extractText(file: { filename: string; bytes: Uint8Array }): Promise<ExtractedText> {
  const { filename, bytes } = file;
  if (bytes.byteLength === 0) throw new ImportProblem("The file is empty.");
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new ImportProblem(`The file is ${(bytes.byteLength / 1048576).toFixed(1)} MB; the limit is 10 MB.`);
  }
  const extension = extensionOf(filename);
  let extracted: ExtractedText;
  switch (extension) {
    case ".txt":
      extracted = { text: decodeText(bytes) };
      break;
    case ".md":
    case ".markdown":
      extracted = { text: markdownToText(decodeText(bytes)) };
      break;
    case ".html":
    case ".htm":
      extracted = htmlToText(decodeText(bytes));
      break;
    case ".docx":
      extracted = { text: await docxToText(bytes) };
      break;
    case ".pdf":
      throw new ImportProblem("PDF files cannot be read; save the statement as .txt, .docx or .html, or paste its text.");
    case ".doc":
      throw new ImportProblem("Old Word (.doc) files cannot be read; save it as .docx and import that.");
    default:
      throw new ImportProblem(
        `${extension ? `"${extension}" files are` : "Files without an extension are"} not supported; use .txt, .md, .html or .docx.`,
      );
  }
  const problem = textProblem(extracted.text);
  if (problem) throw new ImportProblem(problem === "There is no text to import." ? "The file contains no text." : problem);
  return extracted;
}

async function docxToText(bytes: Uint8Array): Promise<string> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw new ImportProblem("This is not a Word (.docx) document, although its name ends in .docx.");
  }
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return result.value;
  } catch {
    throw new ImportProblem("This Word (.docx) document could not be read; it may be damaged. Open and save it again, or paste its text.");
  }
}
