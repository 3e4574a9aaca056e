import { describe, expect, it } from "vitest";
import { corpusText, makeStatement } from "../../test/annotation-factories";
import { makeDesk } from "../../test/factories";
import { CORPUS_REPORT_META, CORPUS_REPORT_PLAN, seedAnnotatedStatement } from "../../test/report-factories";
import { makeScale } from "../../test/verdict-factories";
import { renderHtmlReport } from "../export/html-report";
import { renderMarkdownReport } from "../export/markdown-report";
import { db } from "./db";
import { Invalid, NotFound } from "./errors";
import { loadSelectionReport, loadStatementReport } from "./reports";

async function setup() {
  const desk = await makeDesk();
  const ws = desk.workspace.id;
  await makeScale(ws);
  const people = { checker: desk.checker, editor: desk.editor, admin: desk.admin };
  const { statementId, claimIds } = await seedAnnotatedStatement(people, ws, corpusText("002"), CORPUS_REPORT_META, CORPUS_REPORT_PLAN);
  return { desk, ws, people, statementId, claimIds };
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

describe("loadStatementReport", () => {
  it("gives the statement, its current text and its claims with approved and published verdicts only", async () => {
    const { desk, ws, statementId, claimIds } = await setup();
    const report = await loadStatementReport(desk.viewer, { workspaceId: ws, statementId });
    expect(report.workspace).toEqual({ id: ws, slug: desk.workspace.slug, name: desk.workspace.name });
    expect(report.includeDrafts).toBe(false);
    expect(report.selection).toBeUndefined();
    expect(report.scale.map((l) => l.label)).toContain("Mostly true");
    const [statement] = report.statements;
    expect(statement).toMatchObject({ id: statementId, title: CORPUS_REPORT_META.title, speaker: CORPUS_REPORT_META.speaker, publishedAt: "2023-07-29", language: "en", revision: 1 });
    const revision = await db().statementRevision.findFirstOrThrow({ where: { statementId }, select: { text: true } });
    expect(statement!.text).toBe(revision.text);
    expect(statement!.claims).toHaveLength(5);
    for (const claim of statement!.claims) expect(statement!.text.slice(claim.start, claim.end)).toBe(claim.quote);

    const byId = new Map(statement!.claims.map((c) => [c.id, c]));
    const resolutions = byId.get(claimIds[0]!)!;
    expect(resolutions).toMatchObject({
      claimReviewed: "The UN Security Council adopted four resolutions on the conflict in 1993",
      status: "checked",
      tags: ["history", "law"],
      verdict: {
        status: "published",
        levelLabel: "True",
        summary: "Resolutions 822, 853, 874 and 884 were all adopted in 1993.",
        author: { id: desk.checker.userId, name: desk.checker.name },
        reviewer: { id: desk.editor.userId, name: desk.editor.name },
      },
    });
    expect(resolutions.verdict!.explanation).toContain("[1]");
    expect(resolutions.verdict!.reviewedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(resolutions.verdict!.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Sources in citation order, with their stance.
    expect(resolutions.sources.map((s) => [s.title, s.stance, s.publishedAt])).toEqual([
      ["Security Council resolutions adopted in 1993", "supports", "1993-12-31"],
      ["Resolution 822 (1993)", "supports", "1993-04-30"],
    ]);
    expect(byId.get(claimIds[1]!)!.verdict).toMatchObject({ status: "approved", levelLabel: "Unproven", reviewer: { id: desk.editor.userId }, publishedAt: null });

    // In review: only its state leaves the server, none of its text.
    const inReview = byId.get(claimIds[3]!)!;
    expect(inReview.verdict).toEqual(
      expect.objectContaining({ status: "in_review", levelId: null, levelLabel: null, summary: "", explanation: "", author: null, reviewer: null }),
    );
    expect(inReview.sources).toHaveLength(1);
    expect(byId.get(claimIds[4]!)!.verdict).toBeNull();
    expect(JSON.stringify(report)).not.toContain("Only one side's account");
  });

  it("includes drafts when asked for, without a reviewer, and the renderers mark them", async () => {
    const { desk, ws, statementId, claimIds } = await setup();
    const report = await loadStatementReport(desk.viewer, { workspaceId: ws, statementId, includeDrafts: true });
    expect(report.includeDrafts).toBe(true);
    const inReview = report.statements[0]!.claims.find((c) => c.id === claimIds[3])!;
    expect(inReview.verdict).toMatchObject({ status: "in_review", levelLabel: "Unproven", summary: "Only one side's account of the incident is available.", author: { id: desk.checker.userId }, reviewer: null });

    const html = renderHtmlReport({ ...report, workspace: report.workspace });
    expect(html).toContain("<strong>Draft report</strong>");
    expect(html).toContain("In review — not approved");
    expect(html).toContain("Only one side&#39;s account of the incident is available.");
    const markdown = renderMarkdownReport({ workspace: report.workspace, statement: report.statements[0]!, claims: report.statements[0]!.claims, includeDrafts: true, generatedAt: report.generatedAt });
    expect(markdown).toContain("DRAFT, not approved");

    const approvedOnly = renderHtmlReport(await loadStatementReport(desk.viewer, { workspaceId: ws, statementId }));
    expect(approvedOnly).not.toContain("not approved");
    expect(approvedOnly).not.toContain("Only one side");
    expect(approvedOnly).toContain('<span class="state">Approved, not yet published</span>');
    // Five claims numbered in the text, in reading order.
    for (const n of [1, 2, 3, 4, 5]) expect(approvedOnly).toContain(`aria-label="Claim ${n}">${n}</a>`);
  });

  it("refuses outsiders and statements of another workspace as not found", async () => {
    const { desk, ws, statementId } = await setup();
    const foreign = await makeStatement(desk.outsider, desk.otherWorkspace.id);
    expect(await errorOf(loadStatementReport(desk.outsider, { workspaceId: ws, statementId }))).toBeInstanceOf(NotFound);
    // The outsider's own workspace does not reach the desk's statement, nor the desk theirs.
    expect(await errorOf(loadStatementReport(desk.outsider, { workspaceId: desk.otherWorkspace.id, statementId }))).toBeInstanceOf(NotFound);
    expect(await errorOf(loadStatementReport(desk.viewer, { workspaceId: ws, statementId: foreign.id }))).toBeInstanceOf(NotFound);
    expect(await errorOf(loadStatementReport(desk.viewer, { workspaceId: "", statementId }))).toBeInstanceOf(NotFound);
    const bad = await errorOf(loadStatementReport(desk.viewer, { workspaceId: ws, statementId: "" }));
    expect(bad).toBeInstanceOf(Invalid);
    expect((bad as Invalid).fieldErrors).toEqual({ statementId: ["Choose a statement."] });
  });

  it("escapes hostile text and drops links that are not http(s) in the HTML", async () => {
    const { desk, ws, statementId, claimIds } = await setup();
    await db().statement.update({ where: { id: statementId }, data: { title: "<script>alert('title')</script>", speaker: "<img src=x onerror=alert(1)>", url: "javascript:alert(1)" } });
    await db().claim.update({ where: { id: claimIds[0]! }, data: { claimReviewed: "</h4><script>alert('claim')</script>" } });
    // Written past the service (which refuses such links) as an old row or an import might hold it.
    await db().source.create({ data: { claimId: claimIds[0]!, url: "javascript:alert(document.cookie)", title: "<b>evil</b>", stance: "refutes", addedById: desk.checker.userId } });
    await db().verdict.update({ where: { claimId: claimIds[0]! }, data: { summary: "<style>*{display:none}</style>", explanation: 'See <a href="javascript:alert(1)">here</a> [3].' } });
    const html = renderHtmlReport(await loadStatementReport(desk.viewer, { workspaceId: ws, statementId }));
    expect(html).not.toMatch(/<script|<img|<style>\*|<b>evil/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;");
    expect(html).toContain('&lt;a href=&quot;javascript:alert(1)&quot;&gt;here&lt;/a&gt; <a class="cite" href="#s1-c2-src3">[3]</a>');
  });
});

describe("loadSelectionReport", () => {
  async function selection() {
    const w = await setup();
    const second = await seedAnnotatedStatement(
      w.people,
      w.ws,
      "The minister said unemployment fell to 4.1 percent in 2023. The budget grew by 12 percent.",
      { title: "Budget speech", speaker: "Minister of Finance", publishedAt: "2024-02-10" },
      [
        { quote: "unemployment fell to 4.1 percent in 2023", tags: ["statistic", "economy"], stage: "published", rating: "Half true", summary: "It fell to 4.4 percent." },
        { quote: "The budget grew by 12 percent", tags: ["economy"], stage: "draft", rating: "False", summary: "Draft thoughts." },
      ],
    );
    const undated = await seedAnnotatedStatement(w.people, w.ws, "An undated note about 1993 and the ministry.", { title: "Undated note", speaker: "Ministry of Foreign Affairs of Azerbaijan" }, []);
    return { ...w, second, undated };
  }

  it("selects by dates, speaker, tag and claim status, oldest first, and says how", async () => {
    const { desk, ws, statementId, second, undated } = await selection();
    const all = await loadSelectionReport(desk.viewer, { workspaceId: ws });
    expect(all.statements.map((s) => s.id)).toEqual([statementId, second.statementId, undated.statementId]);
    expect(all.selection).toEqual({ filters: [] });
    expect(all.title).toBe("Fact-check report");

    const in2024 = await loadSelectionReport(desk.viewer, { workspaceId: ws, from: "2024-01-01", to: "2024-02-10" });
    expect(in2024.statements.map((s) => s.id)).toEqual([second.statementId]);
    expect(in2024.selection!.filters).toEqual([{ label: "Published", value: "1 Jan 2024 – 10 Feb 2024" }]);
    expect((await loadSelectionReport(desk.viewer, { workspaceId: ws, to: "2024-02-09" })).statements.map((s) => s.id)).toEqual([statementId]);

    const bySpeaker = await loadSelectionReport(desk.viewer, { workspaceId: ws, speaker: "  FOREIGN affairs " });
    expect(bySpeaker.statements.map((s) => s.id)).toEqual([statementId, undated.statementId]);
    // The outlet and title are not the speaker.
    expect((await loadSelectionReport(desk.viewer, { workspaceId: ws, speaker: "press service" })).statements).toEqual([]);

    // A tag keeps the statements with a claim so tagged, and only those claims.
    const economy = await loadSelectionReport(desk.viewer, { workspaceId: ws, tag: "economy", from: "", to: "", status: "", speaker: "" });
    expect(economy.statements.map((s) => [s.id, s.claims.length])).toEqual([[second.statementId, 2]]);
    expect(economy.selection!.filters).toEqual([{ label: "Claims tagged", value: "economy" }]);
    const statistic = await loadSelectionReport(desk.viewer, { workspaceId: ws, tag: "statistic" });
    expect(statistic.statements.map((s) => [s.id, s.claims.map((c) => c.tags.includes("statistic"))])).toEqual([
      [statementId, [true]],
      [second.statementId, [true]],
    ]);

    const checked = await loadSelectionReport(desk.viewer, { workspaceId: ws, status: "checked", includeDrafts: true });
    expect(checked.statements.map((s) => [s.id, s.claims.length])).toEqual([
      [statementId, 3],
      [second.statementId, 1],
    ]);
    expect(checked.selection!.filters).toEqual([{ label: "Claim status", value: "Checked" }]);
  });

  it("keeps unapproved verdicts' text out unless drafts are asked for", async () => {
    const { desk, ws } = await selection();
    const plain = await loadSelectionReport(desk.viewer, { workspaceId: ws, speaker: "finance" });
    const draft = plain.statements[0]!.claims.find((c) => c.verdict?.status === "draft")!;
    expect(draft.verdict).toMatchObject({ summary: "", levelLabel: null });
    const html = renderHtmlReport(plain);
    expect(html).toContain("Verdicts by rating (2 claims)");
    expect(html).toContain("Half true: 1");
    expect(html).not.toContain("Draft thoughts");

    const withDrafts = renderHtmlReport(await loadSelectionReport(desk.viewer, { workspaceId: ws, speaker: "finance", includeDrafts: true }));
    expect(withDrafts).toContain("Draft thoughts.");
    expect(withDrafts).toContain("Draft — not approved");
    expect(withDrafts).toContain("False: 1");
  });

  it("refuses bad filters with a clear message per field", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ from: "2024-13-01" }, "from", /From: enter a real date as YYYY-MM-DD/],
      [{ to: "yesterday" }, "to", /To: enter a real date as YYYY-MM-DD/],
      [{ from: "2024-05-02", to: "2024-05-01" }, "to", /end date must be on or after the start date/],
      [{ status: "done" }, "status", /Choose a claim status/],
      [{ speaker: "x".repeat(201) }, "speaker", /at most 200 characters/],
      [{ tag: "no-such-tag" }, "tag", /There is no tag “no-such-tag” in this workspace/],
      [{ includeDrafts: "yes" }, "includeDrafts", /include drafts/],
    ];
    for (const [input, field, message] of cases) {
      const error = await errorOf(loadSelectionReport(desk.viewer, { workspaceId: ws, ...input }));
      expect(error, JSON.stringify(input)).toBeInstanceOf(Invalid);
      expect((error as Invalid).fieldErrors?.[field]?.join(" "), JSON.stringify(input)).toMatch(message);
    }
    // Another workspace's tag is as unknown as a made-up one.
    const foreign = await db().tag.create({ data: { workspaceId: desk.otherWorkspace.id, name: "foreign", color: "#4f7cac" } });
    expect(await errorOf(loadSelectionReport(desk.viewer, { workspaceId: ws, tag: foreign.id }))).toBeInstanceOf(Invalid);
  });

  it("refuses outsiders as not found and never mixes in another workspace's statements", async () => {
    const { desk, ws, statementId } = await setup();
    await makeStatement(desk.outsider, desk.otherWorkspace.id);
    expect(await errorOf(loadSelectionReport(desk.outsider, { workspaceId: ws }))).toBeInstanceOf(NotFound);
    const theirs = await loadSelectionReport(desk.outsider, { workspaceId: desk.otherWorkspace.id });
    expect(theirs.statements.map((s) => s.id)).not.toContain(statementId);
    expect(theirs.statements).toHaveLength(1);
    const ours = await loadSelectionReport(desk.viewer, { workspaceId: ws });
    expect(ours.statements.map((s) => s.id)).toEqual([statementId]);
  });
});
