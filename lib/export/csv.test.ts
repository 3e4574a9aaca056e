import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CLAIM_CSV_HEADERS,
  CSV_BOM,
  claimCsvLine,
  claimCsvLines,
  claimCsvLinesAsync,
  claimsToCsv,
  csvField,
  csvLine,
  neutraliseFormula,
  type ClaimCsvRecord,
} from "./csv";

/**
 * A strict RFC 4180 reader: records end with CRLF, quoted fields may hold anything (quotes
 * doubled), unquoted fields may hold no quote, comma, CR or LF. Throws on anything else, so a
 * writer bug shows up as a failure rather than as a different parse.
 */
function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const endRecord = () => {
    if (input[i] !== "\r" || input[i + 1] !== "\n") throw new Error(`expected CRLF at ${i}`);
    i += 2;
    rows.push(row);
    row = [];
  };
  while (i < input.length) {
    let field = "";
    if (input[i] === '"') {
      i++;
      for (;;) {
        if (i >= input.length) throw new Error("unterminated quoted field");
        if (input[i] === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += input[i++];
      }
    } else {
      while (i < input.length && input[i] !== "," && input[i] !== "\r" && input[i] !== "\n") {
        if (input[i] === '"') throw new Error(`bare quote at ${i}`);
        field += input[i++];
      }
    }
    row.push(field);
    if (input[i] === ",") i++;
    else endRecord();
  }
  return rows;
}

const record = (over: Partial<ClaimCsvRecord> = {}): ClaimCsvRecord => ({
  claimId: "c1",
  statementTitle: "Statement on mine clearance",
  statementPublishedAt: "2023-07-29",
  speaker: "Ministry of Foreign Affairs",
  quote: "303 victims since November 2020",
  claimReviewed: "303 people were victims of mines since November 2020",
  tags: ["statistic", "history"],
  status: "checked",
  verdictStatus: "published",
  rating: "Mostly true",
  summary: "The figure matches the agency's count, give or take a few.",
  sourceCount: 3,
  checker: "Ada Checker",
  reviewer: "Eve Editor",
  createdAt: new Date("2024-05-01T10:30:00Z"),
  updatedAt: "2024-05-02T08:00:00.000Z",
  publishedAt: "2024-05-03T09:15:42.000Z",
  ...over,
});

describe("csvField", () => {
  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a, b")).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\ronly")).toBe('"cr\ronly"');
    expect(csvField("")).toBe("");
    expect(csvField(null)).toBe("");
    expect(csvField(3)).toBe("3");
  });

  it("turns would-be formulas into text", () => {
    for (const danger of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]) {
      expect(neutraliseFormula(danger)).toBe(`'${danger}`);
    }
    expect(csvField('=HYPERLINK("http://evil.example","click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(neutraliseFormula("1 = 1")).toBe("1 = 1");
    expect(neutraliseFormula("'quoted")).toBe("'quoted");
  });

  it("leaves numbers alone (a count is never a formula)", () => {
    expect(csvField(-1)).toBe("-1");
    expect(csvField(Number.NaN)).toBe("");
  });
});

describe("csvLine", () => {
  it("ends every line with CRLF", () => {
    expect(csvLine(["a", "b"])).toBe("a,b\r\n");
    expect(csvLine([])).toBe("\r\n");
  });

  it("round-trips any text through an RFC 4180 reader (formulas as text)", () => {
    const cell = fc.string({
      unit: fc.oneof(
        fc.constantFrom(",", '"', "\r", "\n", "\r\n", "=", "+", "-", "@", "\t", "'", " ", "é", "😀", "ש", "\u0301"),
        fc.string({ minLength: 1, maxLength: 1 }),
      ),
      maxLength: 12,
    });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const parsed = parseCsv(rows.map((r) => csvLine(r)).join(""));
        expect(parsed).toEqual(rows.map((r) => r.map(neutraliseFormula)));
      }),
      { numRuns: 300 },
    );
  });
});

describe("claims CSV", () => {
  it("opens with the BOM and the headers, one row per claim", () => {
    const csv = claimsToCsv([record(), record({ claimId: "c2" })]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const rows = parseCsv(csv.slice(CSV_BOM.length));
    expect(rows[0]).toEqual([...CLAIM_CSV_HEADERS]);
    expect(rows).toHaveLength(3);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["c1", "c2"]);
  });

  it("says each field the way a person reads it", () => {
    const [, row] = parseCsv(claimsToCsv([record()]).slice(1));
    const byHeader = Object.fromEntries(CLAIM_CSV_HEADERS.map((h, i) => [h, row![i]]));
    expect(byHeader).toEqual({
      "Claim ID": "c1",
      Statement: "Statement on mine clearance",
      "Statement date": "2023-07-29",
      Speaker: "Ministry of Foreign Affairs",
      Quote: "303 victims since November 2020",
      "Claim reviewed": "303 people were victims of mines since November 2020",
      Tags: "statistic; history",
      Status: "Checked",
      "Verdict status": "Published",
      Rating: "Mostly true",
      Summary: "The figure matches the agency's count, give or take a few.",
      Sources: "3",
      Checker: "Ada Checker",
      Reviewer: "Eve Editor",
      "Created (UTC)": "2024-05-01 10:30:00",
      "Updated (UTC)": "2024-05-02 08:00:00",
      "Published (UTC)": "2024-05-03 09:15:42",
    });
  });

  it("leaves cells empty for what a claim does not have yet", () => {
    const line = claimCsvLine(
      record({ verdictStatus: null, rating: null, summary: "", checker: null, reviewer: null, publishedAt: null, statementPublishedAt: null, tags: [] }),
    );
    const [row] = parseCsv(line);
    expect(row!.filter((f) => f === "")).toHaveLength(8);
    expect(row![CLAIM_CSV_HEADERS.indexOf("Status")]).toBe("Checked");
  });

  it("writes hostile text as inert text in every user-typed column", () => {
    const evil = '=cmd|" /C calc"!A0';
    const [, row] = parseCsv(
      claimsToCsv([record({ statementTitle: evil, speaker: "@x", quote: "+1", claimReviewed: "-2", summary: evil, tags: ["=t"], checker: "=c", reviewer: "\tr" })]).slice(1),
    );
    for (const header of ["Statement", "Speaker", "Quote", "Claim reviewed", "Summary", "Tags", "Checker", "Reviewer"]) {
      expect(row![CLAIM_CSV_HEADERS.indexOf(header)]!.startsWith("'"), header).toBe(true);
    }
  });

  it("streams ten thousand claims line by line", async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => record({ claimId: `c${i}`, quote: `quote, "${i}"\nline` }));
    const lines = [...claimCsvLines(many)];
    expect(lines).toHaveLength(10_001);
    expect(parseCsv(lines.slice(0, 1_001).join("").slice(1))).toHaveLength(1_001);

    async function* batches() {
      for (let i = 0; i < many.length; i += 1000) for (const r of many.slice(i, i + 1000)) yield r;
    }
    let joined = "";
    for await (const line of claimCsvLinesAsync(batches())) joined += line;
    expect(joined).toBe(lines.join(""));
  });
});
