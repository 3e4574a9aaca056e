import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderHtmlReport } from "../export/html-report";
import { claim, starterLevels, statement } from "../export/test-fixtures";
import { closePdfBrowser, PdfUnavailable, renderPdf } from "./pdf";

afterAll(() => closePdfBrowser());

const TEXT = "The ministry said 303 victims were recorded since November 2020.";

function twoStatements() {
  const quote = "303 victims were recorded since November 2020";
  const start = TEXT.indexOf(quote);
  const one = { ...statement(), text: TEXT, claims: [claim({ start, end: start + quote.length, quote })] };
  return renderHtmlReport({
    workspace: { name: "Norvania Desk" },
    statements: [one, { ...one, id: "st2", title: "Second statement" }],
    scale: starterLevels(),
    includeDrafts: false,
    generatedAt: "2024-06-01T12:00:00.000Z",
    selection: { filters: [] },
  });
}

describe("renderPdf", () => {
  it("prints the report: one page per statement after the summary, with header and page numbers", async () => {
    const pdf = await renderPdf(twoStatements());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const file = path.join(mkdtempSync(path.join(tmpdir(), "factdesk-pdf-")), "report.pdf");
    writeFileSync(file, pdf);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/^Pages:\s+3$/m);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("Page 1 of 3");
    expect(text).toContain("Page 3 of 3");
    expect(text).toContain("Norvania Desk");
    expect(text).toContain("Second statement");
    // A second report reuses the warm browser and page.
    expect((await renderPdf(twoStatements())).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("says how to install Chromium when it is missing, without crashing", async () => {
    const before = process.env.FACTDESK_CHROMIUM_PATH;
    process.env.FACTDESK_CHROMIUM_PATH = "/nonexistent/chromium";
    try {
      const error = await renderPdf("<p>x</p>").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PdfUnavailable);
      expect((error as Error).message).toMatch(/PDF export needs Chromium on the server, and \/nonexistent\/chromium was not found\. Install it \(on Debian or Ubuntu: apt-get install chromium\)/);
    } finally {
      if (before === undefined) delete process.env.FACTDESK_CHROMIUM_PATH;
      else process.env.FACTDESK_CHROMIUM_PATH = before;
    }
  });
});
