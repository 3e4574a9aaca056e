import { describe, expect, it } from "vitest";
import { normaliseText } from "../text";
import { extractText } from "./extract";
import { makeDocx, zip } from "./make-docx";
import { ImportProblem, MAX_FILE_BYTES, textProblem } from "./problems";

const utf8 = (s: string) => new TextEncoder().encode(s);

async function problemOf(filename: string, bytes: Uint8Array): Promise<string> {
  const error = await extractText({ filename, bytes }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportProblem);
  return (error as Error).message;
}

describe("extractText", () => {
  it("reads UTF-8 .txt, with or without a byte-order mark", async () => {
    expect((await extractText({ filename: "a.txt", bytes: utf8("Hello “world” — ok") })).text).toBe("Hello “world” — ok");
    expect((await extractText({ filename: "A.TXT", bytes: utf8("\uFEFFHello") })).text).toBe("Hello");
  });

  it("reads UTF-16 with a byte-order mark", async () => {
    const body = Buffer.from("Привет", "utf16le");
    expect((await extractText({ filename: "a.txt", bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), body]) })).text).toBe("Привет");
  });

  it("turns Markdown into plain text", async () => {
    const md = "# A headline\n\nSome **bold** and _emphasis_, a [link](https://example.org) and snake_case.\n\n- first\n- second\n\n> quoted";
    const { text } = await extractText({ filename: "s.md", bytes: utf8(md) });
    expect(normaliseText(text)).toBe("A headline\n\nSome bold and emphasis, a link and snake_case.\n\n- first\n- second\n\nquoted");
  });

  it("turns HTML into paragraphs without scripts, styles or navigation", async () => {
    const html = `<!doctype html><html><head><title>Statement | Ministry</title><style>p{}</style></head>
      <body><nav><a href="/">Home</a></nav><article><h1>On the  events</h1>
      <p>The ministry&nbsp;said &amp; “repeated”<br>on two lines.</p><script>alert(1)</script>
      <p dir="rtl">قالت الوزارة</p></article><footer>Copyright</footer></body></html>`;
    const { text, title } = await extractText({ filename: "s.html", bytes: utf8(html) });
    expect(normaliseText(text)).toBe("On the events\n\nThe ministry\u00a0said & “repeated”\non two lines.\n\nقالت الوزارة");
    expect(title).toBe("On the events");
  });

  it("reads a real .docx", async () => {
    const docx = makeDocx(["Ministry statement", "The ministry said 303 people were hurt since November 2020.", "Ende — ✓"]);
    const { text } = await extractText({ filename: "statement.docx", bytes: docx });
    expect(normaliseText(text)).toBe("Ministry statement\n\nThe ministry said 303 people were hurt since November 2020.\n\nEnde — ✓");
  });

  it("refuses empty files and files with no text", async () => {
    expect(await problemOf("a.txt", new Uint8Array())).toMatch(/empty/);
    expect(await problemOf("a.txt", utf8("  \n\n \t"))).toMatch(/no text/);
    expect(await problemOf("a.html", utf8("<html><body><script>x()</script></body></html>"))).toMatch(/no text/);
    expect(await problemOf("a.docx", makeDocx([""]))).toMatch(/no text/);
  });

  it("refuses binary and non-UTF-8 files with the reason", async () => {
    expect(await problemOf("a.txt", new Uint8Array([0x48, 0x00, 0x01, 0x02, 0x03]))).toMatch(/binary/);
    expect(await problemOf("a.txt", new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]))).toMatch(/not UTF-8/);
    expect(await problemOf("a.txt", utf8("%PDF-1.7 ..."))).toMatch(/PDF/);
    expect(await problemOf("a.docx", utf8("just text"))).toMatch(/not a Word/);
    expect(await problemOf("a.docx", zip([["hello.txt", "not a document"]]))).toMatch(/could not be read/);
    expect(await problemOf("a.pdf", utf8("x"))).toMatch(/PDF files cannot be read/);
    expect(await problemOf("a.rtf", utf8("x"))).toMatch(/"\.rtf" files are not supported/);
    expect(await problemOf("README", utf8("x"))).toMatch(/without an extension/);
    expect(await problemOf("a.doc", utf8("x"))).toMatch(/\.docx/);
  });

  it("refuses oversized files and oversized text", async () => {
    expect(await problemOf("a.txt", new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61))).toMatch(/limit is 10 MB/);
    expect(await problemOf("a.txt", new Uint8Array(1024 * 1024 + 10).fill(0x61))).toMatch(/1 MB of text/);
  });
});

describe("textProblem", () => {
  it("accepts ordinary text and refuses control characters", () => {
    expect(textProblem("Hello\tworld\n")).toBeNull();
    expect(textProblem("a\u0000b")).toMatch(/binary/);
    expect(textProblem("\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e")).toMatch(/binary/);
  });
});
