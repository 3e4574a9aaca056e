import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { snapToGraphemes } from "../anchoring/code-points";
import { normaliseText } from "../text/normalise";
import { escapeBlock, escapeInline, markClaimsInText, renderMarkdownReport, superscript, type MarkdownReportInput } from "./markdown-report";
import { claim, statement, verdict, workspace } from "./test-fixtures";
import type { ExportClaim } from "./types";

const TEXT =
  "The ministry said 303 victims were recorded since November 2020.\n\n" +
  "Four UN Security Council resolutions of 1993 demanded the withdrawal. Nothing changed.";

function claimOn(quote: string, over: Partial<ExportClaim> = {}): ExportClaim {
  const start = TEXT.indexOf(quote);
  return claim({ id: quote, start, end: start + quote.length, quote, ...over });
}

function report(over: Partial<MarkdownReportInput> = {}) {
  return renderMarkdownReport({
    workspace: workspace(),
    statement: { ...statement(), text: TEXT, revision: 2 },
    claims: [
      claimOn("Four UN Security Council resolutions of 1993", {
        claimReviewed: "Four UN Security Council resolutions were adopted in 1993",
        tags: ["history", "legal"],
        verdict: verdict({ status: "in_review", levelId: "true", levelLabel: "True", summary: "Resolutions 822, 853, 874 and 884.", publishedAt: null }),
      }),
      claimOn("303 victims were recorded since November 2020"),
    ],
    includeDrafts: false,
    generatedAt: "2024-06-01T12:00:00.000Z",
    ...over,
  });
}

/** What a reader sees of marked text: escapes resolved, bold and numbers dropped, hard breaks as newlines. */
function readerText(markdown: string): string {
  let out = "";
  for (let i = 0; i < markdown.length; ) {
    const c = markdown[i]!;
    const next = markdown[i + 1] ?? "";
    if (c === "\\" && (next === "\n" || /[!-/:-@[-`{-~]/.test(next))) {
      out += next;
      i += 2;
    } else if (c === "*" && next === "*") {
      i += 2;
    } else if (/[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(c) || (c === "," && /[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(next))) {
      i += 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

describe("renderMarkdownReport", () => {
  it("numbers the claims in the text in reading order and gives each a section", () => {
    const md = report();
    expect(md).toContain("# Statement on mine clearance\n");
    expect(md).toContain("Fact-check report from Norvania Desk, generated 1 Jun 2024, 12:00 UTC.");
    expect(md).toContain(
      "The ministry said **303 victims were recorded since November 2020¹**.\n\n**Four UN Security Council resolutions of 1993²** demanded the withdrawal. Nothing changed.",
    );
    expect(md.indexOf("### 1. 303 people fell victim to mines since November 2020")).toBeGreaterThan(0);
    expect(md.indexOf("### 2. Four UN Security Council resolutions were adopted in 1993")).toBeGreaterThan(md.indexOf("### 1."));
    expect(md.endsWith("\n")).toBe(true);
  });

  it("lists the statement's details", () => {
    expect(report()).toContain(
      [
        "- **Speaker:** Ministry of Foreign Affairs of the Republic of Norvania",
        "- **Outlet:** Norvania Press Service",
        "- **Published:** 29 Jul 2023",
        "- **Source:** <https://mfa.norvania.example/press/303>",
        "- **Language:** en",
        "- **Text revision:** 2",
        "- **Claims:** 2",
      ].join("\n"),
    );
  });

  it("gives a published verdict in full: label, summary, people, dates, explanation, sources", () => {
    const section = report().split("### 1.")[1]!.split("### 2.")[0]!;
    expect(section).toBe(
      [
        " 303 people fell victim to mines since November 2020",
        "",
        "> 303 victims were recorded since November 2020",
        "",
        "- **Verdict:** Mostly false",
        "- **Summary:** The agency counted 287 victims, not 303.",
        "- **Status:** Checked",
        "- **Tags:** statistic",
        "- **Checker:** Ada Checker",
        "- **Reviewer:** Eve Editor",
        "- **Dates:** recorded 1 May 2024; submitted for review 2 May 2024; published 3 May 2024",
        "",
        "**Explanation**",
        "",
        "The mine action agency's register lists 287 victims \\[1\\].",
        "",
        "**Sources**",
        "",
        "1. [Victim register](<https://anama.example/register>) — Mine Action Agency, 30 Apr 2024 — _refutes_",
        "   > 287 victims recorded",
        "",
        "",
      ].join("\n"),
    );
  });

  it("keeps unapproved verdicts out unless drafts are asked for", () => {
    const section = report().split("### 2.")[1]!;
    expect(section).toContain("- **Verdict:** not yet approved");
    expect(section).not.toContain("True");
    expect(section).not.toContain("Resolutions 822");
    expect(section).not.toContain("Sources");
    expect(report()).not.toContain("DRAFT");
  });

  it("marks drafts clearly when they are included", () => {
    const md = report({ includeDrafts: true });
    expect(md).toContain("> **Includes unapproved verdicts.**");
    const section = md.split("### 2.")[1]!;
    expect(section).toContain("- **Verdict:** True — **DRAFT, not approved** (In review)");
    expect(section).toContain("- **Summary:** Resolutions 822, 853, 874 and 884.");
    expect(md.split("### 1.")[1]!.split("### 2.")[0]).toContain("- **Verdict:** Mostly false\n");
  });

  it("shows an approved verdict as a finding before publication, saying it is not yet published", () => {
    const approved = claimOn("Nothing changed", {
      claimReviewed: "Nothing changed",
      verdict: { ...claim({}).verdict!, status: "approved", publishedAt: null },
    });
    const md = report({ claims: [approved] });
    expect(md).toContain("(approved, not yet published)");
    expect(md).not.toContain("DRAFT");
  });

  it("says when a claim has no verdict, and lists a claim whose passage is gone last", () => {
    const gone = claim({ id: "gone", start: 5, end: 12, quote: "old words", claimReviewed: "Old claim", verdict: null, assignee: null });
    const md = report({ claims: [gone, claimOn("Nothing changed", { verdict: null, claimReviewed: "Nothing changed" })] });
    expect(md).toContain("**Nothing changed¹**.");
    expect(md).toContain("### 1. Nothing changed\n");
    expect(md).toContain("### 2. Old claim\n\n> old words\n\n_This passage is no longer in the statement's current text._");
    expect(md).toContain("- **Verdict:** not yet written");
    expect(md).toContain("- **Claims:** 2");
  });

  it("reports a statement without claims", () => {
    expect(report({ claims: [] })).toContain("## Claims\n\nNo claims have been marked in this statement.\n");
  });

  it("escapes Markdown and HTML in everything users typed", () => {
    const md = renderMarkdownReport({
      workspace: { name: "Desk *bold*" },
      statement: {
        ...statement({ title: "# Not a heading <script>alert(1)</script>", speaker: "[x](javascript:alert(1))", url: "javascript:alert(1)" }),
        text: "- not a list\n1. not ordered\n    not code\n=== not a heading\n| a | b |",
      },
      claims: [
        claim({
          claimReviewed: "A `code` _claim_ with ![img](http://x) & &amp;",
          start: 0,
          end: 0,
          quote: "x",
          sources: [{ url: "javascript:alert(1)", title: "Click [me]", publisher: "", publishedAt: null, excerpt: "<b>hi</b>", stance: "supports" }],
          verdict: verdict({ explanation: "# heading\n- item\n\n    indented\n> quote" }),
        }),
      ],
      includeDrafts: false,
      generatedAt: "2024-06-01T12:00:00.000Z",
    });
    expect(md).toContain("# \\# Not a heading \\<script\\>alert(1)\\</script\\>\n");
    expect(md).toContain("Fact-check report from Desk \\*bold\\*");
    expect(md).toContain("- **Speaker:** \\[x\\](javascript:alert(1))");
    expect(md).toContain("- **Source:** javascript:alert(1)");
    expect(md).toContain("\\- not a list\\\n1\\. not ordered\\\nnot code\\\n\\=== not a heading\\\n\\| a \\| b \\|");
    expect(md).toContain("### 1. A \\`code\\` \\_claim\\_ with !\\[img\\](http://x) \\& \\&amp;");
    expect(md).toContain("1. Click \\[me\\] — _supports_\n   > \\<b\\>hi\\</b\\>");
    expect(md).toContain("\\# heading\\\n\\- item\n\nindented\\\n\\> quote");
    // No link to anything but http(s): every "](" that could open one is escaped.
    expect(md).not.toMatch(/(?<!\\)\]\((?!<https?:)/);
  });
});

describe("markClaimsInText", () => {
  it("bolds overlapping and nested claims as one run, numbers at each end", () => {
    const text = "alpha beta gamma delta";
    expect(markClaimsInText(text, [{ number: 1, start: 0, end: 10 }, { number: 2, start: 6, end: 16 }])).toBe("**alpha beta¹ gamma²** delta");
    expect(markClaimsInText(text, [{ number: 1, start: 0, end: 16 }, { number: 2, start: 6, end: 10 }])).toBe("**alpha beta² gamma¹** delta");
    expect(markClaimsInText(text, [{ number: 1, start: 6, end: 10 }, { number: 2, start: 6, end: 10 }])).toBe("alpha **beta¹,²** gamma delta");
  });

  it("keeps whitespace outside the asterisks and cuts bold at line breaks", () => {
    const text = "one two\nthree four";
    expect(markClaimsInText(text, [{ number: 1, start: 3, end: 14 }])).toBe("one **two**\\\n**three¹** four");
  });

  it("loses no character of the text (whatever the claims)", () => {
    const unit = fc.constantFrom("a", " ", "  ", "*", "_", "#", "-", "1.", "[", "]", "<", "&", "\\", "`", "é", "😀", "ש", "\n", "\n\n", "|");
    const arb = fc
      .array(unit, { minLength: 1, maxLength: 40 })
      .map((p) => normaliseText(p.join("")))
      .filter((t) => t.length > 0)
      .chain((text) =>
        fc.record({
          text: fc.constant(text),
          ranges: fc.array(fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length })), { maxLength: 5 }),
        }),
      );
    fc.assert(
      fc.property(arb, ({ text, ranges }) => {
        const claims = ranges
          .map(([a, b]) => snapToGraphemes(text, Math.min(a, b), Math.max(a, b)))
          .filter((r) => r.end > r.start)
          .map((r, i) => ({ number: i + 1, ...r }));
        const md = markClaimsInText(text, claims);
        // Leading spaces of a line are dropped on purpose (four would make a code block).
        expect(readerText(md)).toBe(text.replace(/^[ \t]+/gm, ""));
      }),
      { numRuns: 300 },
    );
  });
});

describe("escaping helpers", () => {
  it("escapes inline structure and collapses whitespace", () => {
    expect(escapeInline("  a *b*\n[c](d) <e> #f | ~g~ & h_i ")).toBe("a \\*b\\* \\[c\\](d) \\<e\\> \\#f \\| \\~g\\~ \\& h\\_i");
  });

  it("keeps paragraphs and line breaks of block text", () => {
    expect(escapeBlock("First line\nsecond line\n\n\n+ third\r\n2) fourth")).toBe("First line\\\nsecond line\n\n\\+ third\\\n2\\) fourth");
  });

  it("writes numbers as superscripts", () => {
    expect(superscript(1)).toBe("¹");
    expect(superscript(120)).toBe("¹²⁰");
  });
});
