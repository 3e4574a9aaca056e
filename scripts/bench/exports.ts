// Bench of the claims CSV (issue 5), in the row format of ./table.ts: 10,000 claims (100 statements
// × 100 claims, a tag each, a third with a published verdict and a source) read by exportClaimsCsv
// and written through claimCsvLinesAsync into one UTF-8 body, as the route streams it (budget
// ≤ 1 s). Baseline: the raw better-sqlite3 query of the same rows alone (claims with statement,
// quote, first tag, verdict, level and source count), nothing formatted.
// Uses the service layer's db(): call it after DATABASE_URL points at a migrated SQLite database
// (run.ts does that). Timings are reported, never asserted.
import Database from "better-sqlite3";
import { percentile, sample, type Row } from "./table";

const STATEMENTS = 100;
const CLAIMS_PER_STATEMENT = Number(process.env.BENCH_EXPORT_CLAIMS_PER_STATEMENT ?? 100);

export async function benchExports(options: { runs?: number } = {}): Promise<Row[]> {
  const runs = options.runs ?? 20;
  const dbUrl = process.env.DATABASE_URL ?? "";
  if (!dbUrl.startsWith("file:")) throw new Error("the exports bench runs on SQLite (DATABASE_URL=file:…)");
  const { db } = await import("../../lib/server/db");
  const { createWorkspace } = await import("../../lib/server/workspaces");
  const { exportClaimsCsv } = await import("../../lib/server/claims-csv");
  const { claimCsvLinesAsync } = await import("../../lib/export/csv");
  const tag = Date.now().toString(36);

  // Seeded with createMany: the CSV is measured, not how the claims were made.
  const admin = { userId: (await db().user.create({ data: { email: `exports-${tag}@bench.test`, name: "Robin Admin" } })).id };
  const desk = await createWorkspace(admin, { name: "Exports bench desk", slug: `bench-exports-${tag}` });
  // The starter scale a new workspace gets.
  const scale = await db().ratingScale.findUniqueOrThrow({ where: { workspaceId: desk.id }, include: { levels: true } });
  const tags = await Promise.all(["bench-economy", "bench-health", "bench-security"].map((name) => db().tag.create({ data: { workspaceId: desk.id, name, color: "#4f7cac" } })));
  const sentence = "The minister said unemployment fell to 4.1 per cent in May, the lowest figure since records began. ";
  const text = sentence.repeat(CLAIMS_PER_STATEMENT);
  let claimCount = 0;
  for (let s = 0; s < STATEMENTS; s++) {
    const statementId = `bs${tag}${s}`;
    const revisionId = `br${tag}${s}`;
    await db().statement.create({
      data: { id: statementId, workspaceId: desk.id, title: `Bench statement ${s + 1}`, speaker: "Jane Doe, Minister", contentHash: `${tag}-${s}`, createdById: admin.userId, claimCount: CLAIMS_PER_STATEMENT, publishedAt: new Date(Date.UTC(2024, 0, 1 + s)) },
    });
    await db().statementRevision.create({ data: { id: revisionId, statementId, number: 1, text, createdById: admin.userId } });
    const ids = Array.from({ length: CLAIMS_PER_STATEMENT }, (_, c) => `${tag}${s}x${c}`);
    await db().highlight.createMany({
      data: ids.map((id, c) => ({ id: `h${id}`, statementId, revisionId, authorId: admin.userId, start: c * sentence.length, end: c * sentence.length + 40, exact: sentence.slice(0, 40), kind: "claim" })),
    });
    await db().claim.createMany({ data: ids.map((id) => ({ id: `c${id}`, highlightId: `h${id}`, workspaceId: desk.id, claimReviewed: "Unemployment fell to 4.1% in May." })) });
    await db().claimTag.createMany({ data: ids.map((id, c) => ({ claimId: `c${id}`, tagId: tags[c % tags.length]!.id })) });
    const published = ids.filter((_, c) => c % 3 === 0);
    await db().verdict.createMany({
      data: published.map((id, c) => ({ id: `v${id}`, claimId: `c${id}`, authorId: admin.userId, levelId: scale.levels[c % 2]!.id, status: "published", summary: "Close, but the May figure was revised to 4.3 per cent.", version: 1, publishedAt: new Date() })),
    });
    await db().source.createMany({ data: published.map((id) => ({ claimId: `c${id}`, url: "https://stats.example.org/may", title: "Labour market, May", stance: "refutes", addedById: admin.userId })) });
    claimCount += ids.length;
  }

  const encoder = new TextEncoder();
  let bytes = 0;
  const full = await sample(runs, async () => {
    const exported = await exportClaimsCsv(admin, { workspaceId: desk.id });
    bytes = 0;
    let chunk = "";
    for await (const line of claimCsvLinesAsync(exported.records)) {
      chunk += line;
      if (chunk.length > 64_000) {
        bytes += encoder.encode(chunk).byteLength;
        chunk = "";
      }
    }
    bytes += encoder.encode(chunk).byteLength;
  }, 2);

  const raw = new Database(dbUrl.slice("file:".length), { readonly: true });
  const query = raw.prepare(`
    SELECT c.id, c.claimReviewed, c.status, c.createdAt, c.updatedAt, h.exact, s.title, s.speaker, s.publishedAt,
           (SELECT t.name FROM ClaimTag ct JOIN Tag t ON t.id = ct.tagId WHERE ct.claimId = c.id) AS tag,
           v.status AS verdictStatus, v.summary, v.publishedAt AS verdictPublishedAt, l.label,
           (SELECT COUNT(*) FROM Source so WHERE so.claimId = c.id) AS sources
    FROM Claim c JOIN Highlight h ON h.id = c.highlightId JOIN Statement s ON s.id = h.statementId
    LEFT JOIN Verdict v ON v.claimId = c.id LEFT JOIN RatingLevel l ON l.id = v.levelId
    WHERE c.workspaceId = ? AND h.deletedAt IS NULL ORDER BY c.id`);
  let rawRows = 0;
  const baseline = await sample(runs, () => {
    rawRows = query.all(desk.id).length;
  }, 2);
  raw.close();
  if (rawRows !== claimCount) throw new Error(`baseline read ${rawRows} rows, expected ${claimCount}`);

  const p95 = percentile(full, 95);
  return [
    {
      workload: `export: claims CSV, ${claimCount} claims (query + CSV lines + UTF-8)`,
      n: runs,
      p50: percentile(full, 50),
      p95,
      throughput: `${(bytes / 1024 / 1024).toFixed(1)} MiB`,
      baseline: percentile(baseline, 50),
      budget: `≤ 1 s: ${p95 <= 1000 ? "met" : "MISSED"}`,
    },
  ];
}
