// Bench of the annotated report (issue 5), in the row format of ./table.ts:
//   (a) the HTML report of 100 statements (4 claims each, verdicts at every stage, 2 sources per
//       claim): loadSelectionReport + renderHtmlReport (budget ≤ 1 s), also split into the load and
//       the render; baseline: the raw better-sqlite3 reads of the same rows (statements, current
//       texts, claims with verdict, level and sources) and a trivial escaped template;
//   (b) the PDF of a ~20-page report with a warm browser (budget ≤ 2 s), and a cold start (launch
//       + first PDF) once; baseline: the same browser printing a trivial 20-page document.
// Uses the service layer's db(): call it after DATABASE_URL points at a migrated SQLite database
// (run.ts does that). BENCH_REPORT_SAMPLES=<dir> also writes the reports it renders there, and a
// report of a real corpus statement, to look at. Timings are reported, never asserted.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { DEMO_STATEMENTS } from "../../lib/demo/statements";
import { once, percentile, sample, type Row } from "./table";

/** BENCH_REPORT_STATEMENTS makes a smaller desk for a quick look at the samples. */
const STATEMENTS = Number(process.env.BENCH_REPORT_STATEMENTS ?? 100);
const CLAIMS_PER_STATEMENT = 4;
const STAGES = ["published", "approved", "in_review", "none"] as const;
const RATINGS = ["False", "Mostly false", "Half true", "Mostly true", "True", "Misleading", "Unproven"];

/** Quotes to claim: the first sentences of the text, each cut to at most 90 characters. */
function quotesOf(text: string, n: number): string[] {
  const sentences = text.split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter((s) => s.length > 30);
  return sentences.slice(0, n).map((s) => s.slice(0, 90).trim());
}

const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

export async function benchReports(options: { runs?: number; pdfRuns?: number } = {}): Promise<Row[]> {
  const runs = options.runs ?? 20;
  const pdfRuns = options.pdfRuns ?? 10;
  const dbUrl = process.env.DATABASE_URL ?? "";
  if (!dbUrl.startsWith("file:")) throw new Error("the report bench runs on SQLite (DATABASE_URL=file:…)");
  const { db } = await import("../../lib/server/db");
  const { createWorkspace } = await import("../../lib/server/workspaces");
  const { loadSelectionReport, loadStatementReport } = await import("../../lib/server/reports");
  const { renderHtmlReport, escapeHtml } = await import("../../lib/export/html-report");
  const { renderPdf, closePdfBrowser, pdfAvailable } = await import("../../lib/server/pdf");
  const { seedAnnotatedStatement, CORPUS_REPORT_META, CORPUS_REPORT_PLAN } = await import("../../test/report-factories");
  const rows: Row[] = [];
  const tag = Date.now().toString(36);
  const samples = process.env.BENCH_REPORT_SAMPLES;
  if (samples) mkdirSync(samples, { recursive: true });

  // A desk with a checker and an editor, made directly: accounts are not measured.
  const person = async (name: string) => ({ userId: (await db().user.create({ data: { email: `${name}-${tag}@bench.test`, name } })).id });
  const admin = await person("Robin Admin");
  const desk = await createWorkspace(admin, { name: "Report bench desk", slug: `bench-reports-${tag}` });
  const [checker, editor] = [await person("Ada Checker"), await person("Eve Editor")];
  await db().membership.createMany({
    data: [
      { workspaceId: desk.id, userId: checker.userId, role: "checker" },
      { workspaceId: desk.id, userId: editor.userId, role: "editor" },
    ],
  });
  const people = { checker, editor, admin };

  console.log(`reports: seeding ${STATEMENTS} annotated statements through the services…`);
  const seeded = await once(async () => {
    for (let i = 0; i < STATEMENTS; i++) {
      const base = DEMO_STATEMENTS[i % DEMO_STATEMENTS.length]!;
      const text = `${base.text}\n\nReference ${i + 1}: figures as published on day ${i % 365} of the reporting year.`;
      const quotes = quotesOf(text, CLAIMS_PER_STATEMENT);
      await seedAnnotatedStatement(
        people,
        desk.id,
        text,
        {
          title: `${base.title} (${i + 1})`,
          speaker: base.speaker,
          outlet: base.outlet,
          url: `${base.url}?n=${i}`,
          publishedAt: `${2015 + (i % 9)}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
          language: base.language,
        },
        quotes.map((quote, k) => ({
          quote,
          tags: [k % 2 ? "statistic" : "history"],
          stage: STAGES[(i + k) % STAGES.length]!,
          rating: RATINGS[(i * 3 + k) % RATINGS.length],
          summary: `Summary of the finding on claim ${k + 1} of statement ${i + 1}.`,
          explanation: `The register [1] gives a different figure; the annual report [2] explains the difference.\n\nA second paragraph of the explanation, as long as a desk writes them, with the reasoning spelt out.`,
          sources: [
            { url: `https://register.example.org/${i}/${k}`, title: "National register", publisher: "Statistics office", publishedAt: "2023-01-15", excerpt: "The register lists the cases by year.", stance: "refutes" as const },
            { url: `https://report.example.org/${i}/${k}`, title: "Annual report", publisher: "Example Institute", stance: "context" as const },
          ],
        })),
      );
    }
  });
  console.log(`reports: seeded in ${(seeded.ms / 1000).toFixed(1)} s`);

  const viewer = admin;
  const all = { workspaceId: desk.id };

  // (a) HTML of 100 statements ---------------------------------------------------------------
  const full = await sample(runs, async () => renderHtmlReport(await loadSelectionReport(viewer, all)));
  const load = await sample(runs, () => loadSelectionReport(viewer, all));
  const data = await loadSelectionReport(viewer, all);
  const render = await sample(runs, () => renderHtmlReport(data));
  const html = renderHtmlReport(data);

  const file = dbUrl.slice("file:".length);
  const raw = new Database(file, { readonly: true });
  const qStatements = raw.prepare(
    `SELECT s.id, s.title, s.speaker, s.publishedAt, r.text FROM "Statement" s JOIN "StatementRevision" r ON r.statementId = s.id AND r.number = s.currentRevision
     WHERE s.workspaceId = ? ORDER BY s.publishedAt, s.title`,
  );
  const qClaims = raw.prepare(
    `SELECT c.id, c.claimReviewed, h.statementId, h.start, h."end", h.exact, v.status, v.summary, v.explanation, l.label, l.color
     FROM "Claim" c JOIN "Highlight" h ON h.id = c.highlightId LEFT JOIN "Verdict" v ON v.claimId = c.id LEFT JOIN "RatingLevel" l ON l.id = v.levelId
     WHERE c.workspaceId = ? AND h.deletedAt IS NULL`,
  );
  const qSources = raw.prepare(`SELECT s.claimId, s.url, s.title, s.stance FROM "Source" s JOIN "Claim" c ON c.id = s.claimId WHERE c.workspaceId = ? ORDER BY s.createdAt, s.id`);
  const baseline = await sample(runs, () => {
    const statements = qStatements.all(desk.id) as Array<{ id: string; title: string; text: string }>;
    const claims = qClaims.all(desk.id) as Array<{ statementId: string; claimReviewed: string; summary: string | null; label: string | null }>;
    const sources = qSources.all(desk.id) as Array<{ title: string }>;
    return [
      "<!doctype html><html><body>",
      ...statements.map((s) => `<h2>${escapeHtml(s.title)}</h2><p>${escapeHtml(s.text)}</p>`),
      ...claims.map((c) => `<h3>${escapeHtml(c.claimReviewed)}</h3><p>${escapeHtml(c.label ?? "")} ${escapeHtml(c.summary ?? "")}</p>`),
      ...sources.map((s) => `<li>${escapeHtml(s.title)}</li>`),
      "</body></html>",
    ].join("");
  });
  raw.close();
  const claimCount = data.statements.reduce((n, s) => n + s.claims.length, 0);
  const p50 = percentile(full, 50);
  rows.push(
    {
      workload: `report: HTML, ${data.statements.length} statements / ${claimCount} claims (load + render)`,
      n: runs,
      p50,
      p95: percentile(full, 95),
      throughput: `${(html.length / 1024).toFixed(0)} KiB`,
      baseline: percentile(baseline, 50),
      budget: `≤ 1 s: ${percentile(full, 95) <= 1000 ? "met" : "MISSED"}`,
    },
    { workload: "report: load only (loadSelectionReport)", n: runs, p50: percentile(load, 50), p95: percentile(load, 95), throughput: "–" },
    { workload: "report: render only (renderHtmlReport)", n: runs, p50: percentile(render, 50), p95: percentile(render, 95), throughput: "–" },
  );
  if (samples) writeFileSync(path.join(samples, "report-100.html"), html);

  // (b) PDF of a ~20-page report ---------------------------------------------------------------
  if (!pdfAvailable()) {
    console.log("reports: no Chromium, PDF rows skipped");
    return rows;
  }
  const cold = await once(() => renderPdf(renderHtmlReport({ ...data, statements: data.statements.slice(0, 1) })));
  // Statements start on a new page: find how many make about 20 pages.
  let k = 10;
  let pdf = await renderPdf(renderHtmlReport({ ...data, statements: data.statements.slice(0, k) }));
  k = Math.max(1, Math.min(data.statements.length, Math.round((k * 20) / Math.max(1, pageCount(pdf)))));
  const twenty = renderHtmlReport({ ...data, statements: data.statements.slice(0, k) });
  pdf = await renderPdf(twenty);
  const pages = pageCount(pdf);
  const pdfTimes = await sample(pdfRuns, () => renderPdf(twenty), 2);
  const trivial = `<!doctype html><html><body>${Array.from({ length: pages }, (_, i) => `<section style="break-after:page"><h2>Page ${i + 1}</h2><p>${"Plain text. ".repeat(200)}</p></section>`).join("")}</body></html>`;
  const trivialTimes = await sample(pdfRuns, () => renderPdf(trivial), 2);
  rows.push(
    {
      workload: `report: PDF, ${pages} pages (${k} statements), warm browser`,
      n: pdfRuns,
      p50: percentile(pdfTimes, 50),
      p95: percentile(pdfTimes, 95),
      throughput: `${(pdf.length / 1024).toFixed(0)} KiB`,
      baseline: percentile(trivialTimes, 50),
      budget: `≤ 2 s: ${percentile(pdfTimes, 95) <= 2000 ? "met" : "MISSED"}`,
    },
    { workload: "report: PDF cold start (launch Chromium + 1 statement)", n: 1, p50: cold.ms, p95: cold.ms, throughput: "once" },
  );
  if (samples) {
    writeFileSync(path.join(samples, `report-${pages}-pages.pdf`), pdf);
    writeFileSync(path.join(samples, `report-${pages}-pages.html`), twenty);
  }

  // A real statement to look at (../shared/corpus), when it is there.
  const corpus = path.resolve(import.meta.dirname, "../../../shared/corpus");
  if (samples && existsSync(corpus)) {
    const { readdirSync, readFileSync } = await import("node:fs");
    const name = readdirSync(corpus).find((f) => f.startsWith("002") && f.endsWith(".txt"));
    if (name) {
      const { statementId } = await seedAnnotatedStatement(people, desk.id, readFileSync(path.join(corpus, name), "utf8"), CORPUS_REPORT_META, CORPUS_REPORT_PLAN);
      for (const includeDrafts of [false, true]) {
        const one = await loadStatementReport(viewer, { workspaceId: desk.id, statementId, includeDrafts });
        const doc = renderHtmlReport(one);
        const suffix = includeDrafts ? "-drafts" : "";
        writeFileSync(path.join(samples, `corpus${suffix}.html`), doc);
        writeFileSync(
          path.join(samples, `corpus${suffix}.pdf`),
          await renderPdf(doc),
        );
      }
    }
  }
  await closePdfBrowser();
  return rows;
}
