import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countRatings, escapeHtml, markClaimsHtml, ratingChartSvg, renderHtmlReport, safeHref, type HtmlReportInput, type ReportClaim, type ReportStatement } from "./html-report";
import { claim, starterLevels, statement, verdict } from "./test-fixtures";

const TEXT =
  "The ministry said 303 victims were recorded since November 2020.\n\n" +
  "Four UN Security Council resolutions of 1993 demanded the withdrawal. Nothing changed.";

const scale = starterLevels();

function claimOn(quote: string, over: Partial<ReportClaim> = {}, text = TEXT): ReportClaim {
  const start = text.indexOf(quote);
  return { ...claim({ id: quote, start, end: start + quote.length, quote }), ...over };
}

function doc(claims: ReportClaim[], over: Partial<ReportStatement> = {}): ReportStatement {
  return { ...statement(), text: TEXT, revision: 2, claims, ...over };
}

const resolutions = () =>
  claimOn("Four UN Security Council resolutions of 1993", {
    claimReviewed: "Four UN Security Council resolutions were adopted in 1993",
    tags: ["history", "legal"],
    verdict: verdict({ status: "in_review", levelId: "true", levelLabel: "True", summary: "Resolutions 822, 853, 874 and 884.", publishedAt: null, reviewer: null }),
  });

function report(over: Partial<HtmlReportInput> = {}) {
  return renderHtmlReport({
    workspace: { name: "Norvania Desk" },
    statements: [doc([resolutions(), claimOn("303 victims were recorded since November 2020", { verdict: { ...verdict(), reviewedAt: "2024-05-02T16:00:00.000Z" } })])],
    scale,
    includeDrafts: false,
    generatedAt: "2024-06-01T12:00:00.000Z",
    ...over,
  });
}

/** The section of claim n of statement 1. */
const section = (html: string, n: number) => html.split(`<section class="claim`).find((s) => s.includes(`id="s1-c${n}"`))!.split("</section>")[0]!;

/** What a reader sees of marked text: tags and claim numbers dropped, entities resolved. */
function readerText(html: string): string {
  return html
    .replace(/<a class="claim-ref"[^>]*>\d+<\/a>/g, "")
    .replace(/<br>/g, "\n")
    .replace(/<\/p>\n<p dir="auto">/g, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("renderHtmlReport", () => {
  it("is a standalone document with print styles and no script", () => {
    const html = report();
    expect(html.startsWith("<!doctype html>\n<html lang=\"en\">")).toBe(true);
    expect(html).toContain("<title>Statement on mine clearance — Norvania Desk</title>");
    expect(html).toContain("@page { size: A4;");
    expect(html).toContain("@media print");
    expect(html).toContain("break-before: page");
    expect(html).not.toMatch(/<script|<link |<img |src=/i);
    expect(html).toContain("Generated <time datetime=\"2024-06-01T12:00:00.000Z\">1 Jun 2024, 12:00 UTC</time> from Norvania Desk");
  });

  it("numbers the claims in the text in reading order, linking each to its section", () => {
    const html = report();
    expect(html).toContain(
      '<p dir="auto">The ministry said <mark class="claim depth-1" style="border-bottom-color:#c0692f">303 victims were recorded since November 2020</mark><a class="claim-ref" href="#s1-c1" aria-label="Claim 1">1</a>.</p>',
    );
    // The in-review verdict is not shown, so its passage gets the plain mark.
    expect(html).toContain('<mark class="claim depth-1">Four UN Security Council resolutions of 1993</mark><a class="claim-ref" href="#s1-c2" aria-label="Claim 2">2</a>');
    expect(section(html, 1)).toContain('<span class="sr-only">Claim 1: </span>303 people fell victim to mines since November 2020</h4>');
    expect(section(html, 2)).toContain("Four UN Security Council resolutions were adopted in 1993");
    expect(html.indexOf('id="s1-c1"')).toBeLessThan(html.indexOf('id="s1-c2"'));
  });

  it("gives an approved or published verdict in full: label in its colour, summary, explanation, sources, people, dates", () => {
    const one = section(report(), 1);
    // Mostly false is #c0692f; black reads on it where white does not reach 4.5 : 1.
    expect(one).toContain('<span class="rating" style="background:#c0692f;color:#000000">Mostly false</span> <span class="state">Published</span>');
    expect(one).toContain('<p class="summary" dir="auto">The agency counted 287 victims, not 303.</p>');
    expect(one).toContain('The mine action agency&#39;s register lists 287 victims <a class="cite" href="#s1-c1-src1">[1]</a>.');
    expect(one).toContain('<li id="s1-c1-src1" value="1"><span class="stance stance-refutes">refutes</span> <cite><a href="https://anama.example/register" rel="noopener noreferrer nofollow" target="_blank">Victim register</a></cite> — Mine Action Agency, <time datetime="2024-04-30">30 Apr 2024</time>');
    expect(one).toContain('<q class="excerpt">287 victims recorded</q>');
    expect(one).toContain("<dt>Checker</dt><dd>Ada Checker</dd>");
    expect(one).toContain("<dt>Reviewer</dt><dd>Eve Editor</dd>");
    expect(one).toContain("<dt>Tags</dt><dd><span class=\"tag\">statistic</span></dd>");
    expect(one).toContain('recorded <time datetime="2024-05-01">1 May 2024</time> · submitted <time datetime="2024-05-02">2 May 2024</time> · approved <time datetime="2024-05-02">2 May 2024</time> · published <time datetime="2024-05-03">3 May 2024</time>');

    const approved = renderHtmlReport({
      workspace: { name: "D" },
      statements: [doc([claimOn("303 victims were recorded since November 2020", { verdict: verdict({ status: "approved", publishedAt: null }) })])],
      scale,
      includeDrafts: false,
      generatedAt: "2024-06-01T12:00:00.000Z",
    });
    expect(section(approved, 1)).toContain('Mostly false</span> <span class="state">Approved, not yet published</span>');
    expect(approved).not.toContain("not approved");
  });

  it("keeps unapproved verdicts out unless drafts are asked for", () => {
    const html = report();
    const two = section(html, 2);
    expect(two).toContain('<span class="rating rating-none">No approved verdict yet</span>');
    expect(html).not.toContain("Resolutions 822");
    expect(html).not.toContain(">True<");
    expect(html).not.toContain("Draft report");
    expect(two).not.toContain("<dt>Reviewer</dt>");
  });

  it("marks drafts clearly when they are included: banner and per claim", () => {
    const html = report({ includeDrafts: true });
    expect(html).toContain('<div class="banner" role="note"><strong>Draft report</strong>');
    const two = section(html, 2);
    expect(two.startsWith(' is-draft"')).toBe(true);
    expect(two).toContain('True</span> <span class="draft-mark">In review — not approved</span>');
    expect(two).toContain("Resolutions 822, 853, 874 and 884.");
    const draft = renderHtmlReport({
      workspace: { name: "D" },
      statements: [doc([claimOn("303 victims were recorded since November 2020", { verdict: verdict({ status: "draft", publishedAt: null, submittedAt: null, reviewer: null }) })])],
      scale,
      includeDrafts: true,
      generatedAt: "2024-06-01T12:00:00.000Z",
    });
    expect(section(draft, 1)).toContain('<span class="draft-mark">Draft — not approved</span>');
    // The published one stays as it is.
    expect(section(html, 1)).toContain('<span class="state">Published</span>');
  });

  it("says when a claim has no verdict, and lists a claim whose passage is gone last", () => {
    const gone = claimOn("303 victims", { id: "gone", quote: "313 victims", claimReviewed: "313 victims", start: -1, end: -1 });
    const html = renderHtmlReport({
      workspace: { name: "D" },
      statements: [doc([gone, resolutions(), claimOn("Nothing changed", { claimReviewed: "Nothing changed since", verdict: null })])],
      scale,
      includeDrafts: false,
      generatedAt: "2024-06-01T12:00:00.000Z",
    });
    expect(section(html, 2)).toContain('<span class="rating rating-none">Not yet rated</span>');
    expect(section(html, 3)).toContain("313 victims");
    expect(section(html, 3)).toContain("no longer in the statement’s current text");
    // Numbered in the text only where it still stands.
    expect(html).not.toContain('aria-label="Claim 3"');
  });

  it("lists the verdicts at a glance before the text, and marks unapproved ones there too", () => {
    const glance = report({ includeDrafts: true }).split('<section class="glance"')[1]!.split("</section>")[0]!;
    expect(glance).toContain(
      '<tr><td class="num"><a class="claim-ref" href="#s1-c1">1</a></td><td dir="auto">303 people fell victim to mines since November 2020</td><td class="glance-verdict"><span class="rating" style="background:#c0692f;color:#000000">Mostly false</span></td></tr>',
    );
    expect(glance).toContain('True</span> <span class="draft-mark">not approved</span></td></tr>');
    expect(report().split('<section class="glance"')[1]!.split("</section>")[0]).toContain("No approved verdict yet");
  });

  it("puts the workspace, the title and 'Page n of N' in the page margins, escaped for CSS", () => {
    const html = report({ workspace: { name: 'Desk "A" </style><script>x()</script>' }, includeDrafts: true });
    const style = html.split("<style>")[1]!.split("</style>")[0]!;
    expect(style).toContain(String.raw`@top-left { content: "Desk \22 A\22  \3c \2f style\3e \3c script\3e x()\3c \2f script\3e ";`);
    expect(style).toContain('@top-right { content: "Statement on mine clearance";');
    expect(style).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
    expect(style).toContain("DRAFT: includes unapproved verdicts");
    expect(style).not.toMatch(/<\/style|<script/i);
  });

  it("reports a statement without claims", () => {
    const html = renderHtmlReport({ workspace: { name: "D" }, statements: [doc([])], scale, includeDrafts: false, generatedAt: new Date("2024-06-01T12:00:00Z") });
    expect(html).toContain("No claims have been marked in this statement.");
    expect(html).toContain("<dt>Claims</dt><dd dir=\"auto\">0</dd>");
  });

  it("escapes everything users typed and drops links that are not http(s)", () => {
    const hostile = '<script>alert("x")</script>';
    const text = `Intro ${hostile} & <b>bold</b> end.`;
    const html = renderHtmlReport({
      workspace: { name: `<img src=x onerror=alert(1)>` },
      statements: [
        {
          ...statement({ title: hostile, speaker: "<i>Speaker</i>", outlet: '" onmouseover="alert(1)', url: "javascript:alert(1)", language: "<x>" }),
          text,
          claims: [
            {
              ...claimOn(hostile, {}, text),
              claimReviewed: `</h4><script>bad()</script>`,
              tags: ["<svg onload=alert(1)>"],
              assignee: { id: "u", name: "<u>Checker</u>" },
              sources: [
                { url: "javascript:alert(document.cookie)", title: "<b>Click</b>", publisher: "<i>P</i>", publishedAt: null, excerpt: "</q><script>x()</script>", stance: "supports" },
                { url: "data:text/html,<script>alert(1)</script>", title: "Data", publisher: "", publishedAt: null, excerpt: "", stance: "context" },
                { url: 'https://ok.example/a"b<c>', title: "OK", publisher: "", publishedAt: null, excerpt: "", stance: "refutes" },
              ],
              verdict: verdict({
                levelId: "evil",
                levelLabel: "<blink>False</blink>",
                summary: "<style>body{display:none}</style>",
                explanation: "See [1] and <a href=\"javascript:alert(1)\">this</a> [2].",
                author: { id: "a", name: "<b>Ada</b>" },
                reviewer: { id: "r", name: "Eve </dd><script>" },
              }),
            },
          ],
        },
      ],
      scale: [...scale, { id: "evil", label: "<blink>False</blink>", color: "red;background:url(javascript:alert(1))", ordinal: null, position: 99 }],
      includeDrafts: false,
      generatedAt: "2024-06-01T12:00:00.000Z",
      selection: { filters: [{ label: "Speaker contains", value: "<script>" }] },
    });
    expect(html).not.toMatch(/<script|<img|<svg onload|<b>|<i>|<u>|<blink>|<style>body|<x>/i);
    expect(html).not.toMatch(/href="(javascript|data):/i);
    expect(html).not.toContain("url(javascript");
    expect(html).not.toContain('" onmouseover="');
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("<cite>&lt;b&gt;Click&lt;/b&gt;</cite>");
    expect(html).toContain('<span class="url">javascript:alert(document.cookie)</span>');
    expect(html).toContain('href="https://ok.example/a%22b%3Cc%3E" rel="noopener noreferrer nofollow" target="_blank"');
    expect(html).toContain('<span class="rating" style="background:#6b7785;color:#ffffff">&lt;blink&gt;False&lt;/blink&gt;</span>');
    // Citations still link; the typed anchor is text.
    expect(html).toContain('See <a class="cite" href="#s1-c1-src1">[1]</a> and &lt;a href=&quot;javascript:alert(1)&quot;&gt;this&lt;/a&gt; <a class="cite" href="#s1-c1-src2">[2]</a>.');
    // Every link that leaves the document carries the full rel.
    for (const a of html.match(/<a [^>]*href="http[^>]*>/g) ?? []) expect(a).toContain('rel="noopener noreferrer nofollow"');
  });

  it("leaves a citation of a missing source as text", () => {
    const html = renderHtmlReport({
      workspace: { name: "D" },
      statements: [doc([claimOn("303 victims were recorded since November 2020", { verdict: verdict({ explanation: "Per [1], not [4] or [2020]." }) })])],
      scale,
      includeDrafts: false,
      generatedAt: "2024-06-01T12:00:00.000Z",
    });
    expect(html).toContain('Per <a class="cite" href="#s1-c1-src1">[1]</a>, not [4] or [2020].');
  });

  it("opens a selection with the filters, a chart of verdicts by rating and a summary table", () => {
    const second: ReportStatement = { ...statement({ id: "st2", title: "Second statement", speaker: "Minister B", publishedAt: "2024-01-02" }), text: TEXT, claims: [resolutions()] };
    const html = report({
      statements: [doc([claimOn("303 victims were recorded since November 2020"), resolutions()]), second],
      selection: { filters: [{ label: "Published", value: "1 Jan 2023 – 31 Dec 2024" }] },
    });
    expect(html).toContain("<h1>Fact-check report</h1>");
    expect(html).toContain("<title>Fact-check report — Norvania Desk</title>");
    expect(html).toContain('<p class="lede">2 statements, 3 claims, 1 rated claim.</p>');
    expect(html).toContain("<dt>Published</dt><dd>1 Jan 2023 – 31 Dec 2024</dd>");
    expect(html).toContain('<svg class="chart" role="img"');
    expect(html).toContain("<desc id=\"chart-desc\">True: 0, Mostly true: 0, Half true: 0, Mostly false: 1, False: 0, Misleading: 0, Unproven: 0, Not rated yet: 2</desc>");
    expect(html).toContain('<td dir="auto"><a href="#s2">Second statement</a></td><td dir="auto">Minister B</td><td class="nowrap"><time datetime="2024-01-02">2 Jan 2024</time></td><td class="num">1</td>');
    expect(html).toContain('<span class="swatch" style="background:#c0692f"></span>Mostly false</span> <span class="chip muted">1 not rated yet</span>');
    expect(html).toContain('<article class="statement" id="s2"');
    expect(html).toContain('<h2 id="s2-title" dir="auto">Second statement</h2>');
  });

  it("says so when a selection is empty", () => {
    const html = report({ statements: [], selection: { filters: [] } });
    expect(html).toContain("No statement matches this selection.");
    expect(html).toContain('<p class="lede">0 statements, 0 claims, 0 rated claims.</p>');
  });
});

describe("countRatings and the chart", () => {
  it("counts shown verdicts by level in the scale's order (retired last, if used) and the unrated", () => {
    const retired = { id: "pants", label: "Pants on fire", color: "#7a1f1f", ordinal: 0, position: 9, retiredAt: "2024-01-01" };
    const claims = [
      claimOn("303", { verdict: verdict({ levelId: "false", levelLabel: "False" }) }),
      claimOn("303", { verdict: verdict({ levelId: "false", levelLabel: "False", status: "approved" }) }),
      claimOn("303", { verdict: verdict({ levelId: "pants", levelLabel: "Pants on fire" }) }),
      claimOn("303", { verdict: verdict({ levelId: "true", status: "draft" }) }),
      claimOn("303", { verdict: null }),
    ];
    const rows = countRatings({ statements: [doc(claims)], scale: [...scale, retired], includeDrafts: false });
    expect(rows.map((r) => [r.label, r.count])).toEqual([
      ["True", 0], ["Mostly true", 0], ["Half true", 0], ["Mostly false", 0], ["False", 2], ["Misleading", 0], ["Unproven", 0], ["Pants on fire", 1], ["Not rated yet", 2],
    ]);
    const withDrafts = countRatings({ statements: [doc(claims)], scale: [...scale, retired], includeDrafts: true });
    expect(withDrafts.find((r) => r.label === "True")!.count).toBe(1);
    const svg = ratingChartSvg(rows);
    expect(svg).toContain('<text x="160" y="124" text-anchor="end" class="chart-label">False</text><rect x="170" y="111" width="380" height="18" rx="2" fill="#b23b3b"/>');
    expect(svg).toContain('<rect x="170" y="189" width="190"');
  });
});

describe("markClaimsHtml", () => {
  it("keeps nesting well formed where claims overlap, numbering at each end", () => {
    const text = "alpha beta gamma delta";
    const html = markClaimsHtml(text, [
      { number: 1, start: 0, end: 10, color: null, anchor: "a" },
      { number: 2, start: 6, end: 16, color: "#2f7d4f", anchor: "b" },
    ]);
    expect(html).toBe(
      '<p dir="auto"><mark class="claim depth-1">alpha </mark><mark class="claim depth-2">beta</mark><a class="claim-ref" href="#a" aria-label="Claim 1">1</a><mark class="claim depth-1" style="border-bottom-color:#2f7d4f"> gamma</mark><a class="claim-ref" href="#b" aria-label="Claim 2">2</a> delta</p>',
    );
  });

  it("cuts marks at line breaks and keeps paragraphs", () => {
    const text = "one two\nthree\n\nfour";
    const html = markClaimsHtml(text, [{ number: 1, start: 4, end: 19, color: null, anchor: "a" }]);
    expect(html).toBe(
      '<p dir="auto">one <mark class="claim depth-1">two</mark><br><mark class="claim depth-1">three</mark></p>\n<p dir="auto"><mark class="claim depth-1">four</mark><a class="claim-ref" href="#a" aria-label="Claim 1">1</a></p>',
    );
  });

  it("loses no character of the text and stays balanced (whatever the claims)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "b", " ", "\n", "<", "&", "é", '"'), maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(40), fc.nat(40)), { maxLength: 5 }),
        (text, ranges) => {
          const claims = ranges.map(([a, b], i) => ({ number: i + 1, start: Math.min(a, b, text.length), end: Math.min(Math.max(a, b), text.length), color: null, anchor: `c${i}` }));
          const html = markClaimsHtml(text, claims);
          const squash = (s: string) => s.replace(/\s+/g, " ").trim();
          expect(squash(readerText(html))).toBe(squash(text));
          expect((html.match(/<mark /g) ?? []).length).toBe((html.match(/<\/mark>/g) ?? []).length);
          expect(html).not.toMatch(/<mark[^>]*>[^<]*<(?!\/mark)/);
        },
      ),
    );
  });
});

describe("escapeHtml and safeHref", () => {
  it("escapes the five characters that matter", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
  it("accepts http(s) only", () => {
    expect(safeHref(" https://example.org/a b ")).toBe("https://example.org/a%20b");
    expect(safeHref("http://example.org")).toBe("http://example.org/");
    for (const bad of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " data:text/html,x", "vbscript:x", "ftp://x", "//example.org", "/relative", ""]) {
      expect(safeHref(bad)).toBeNull();
    }
  });
});
