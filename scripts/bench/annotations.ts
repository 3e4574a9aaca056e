// Bench of the annotation workbench's server side (issue 3), in the row format of ./table.ts:
//   (a) the statement page's data load (getStatement + listAnnotations + listTags) for a statement
//       with 1,000 highlights by 20 people, against the same load for a statement with none;
//   (b) createHighlight with 50 concurrent writers, against (i) what a bare route handler does in
//       the service layer — the session's user lookup (as currentUser) and a one-row insert — and
//       (ii) the one-row insert alone, through the same Prisma client at the same concurrency. The
//       same workload over HTTP against `next start` is in ./annotations-http.ts;
//   (c) correctStatementText re-anchoring 1,000 highlights, against reanchorAll alone in memory.
// Uses the service layer's db(): call it after DATABASE_URL points at a migrated database (run.ts
// does that), or pass a URL to use before the client is first made. Timings are reported, never
// asserted. Run under `tsx --conditions react-server` so 'server-only' resolves.
import { loadavg } from "node:os";
import { reanchorAll } from "../../lib/anchoring";
import { DEMO_STATEMENTS } from "../../lib/demo/statements";
import { percentile, sample, type Row } from "./table";

const HIGHLIGHTS = 1_000;
const PEOPLE = 20;
const WRITERS = 50;

const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");

export async function benchAnnotations(dbUrl?: string, options: { runs?: number; rounds?: number } = {}): Promise<Row[]> {
  if (dbUrl) process.env.DATABASE_URL = dbUrl;
  const runs = options.runs ?? 50;
  const rounds = options.rounds ?? 6;
  const { db } = await import("../../lib/server/db");
  const { importStatement, getStatement } = await import("../../lib/server/statements");
  const { createHighlight, listAnnotations, listShownAnnotations } = await import("../../lib/server/highlights");
  const { listTags } = await import("../../lib/server/tags");
  const { listMembers } = await import("../../lib/server/members");
  const { packHighlights } = await import("../../lib/highlight-payload");
  const { correctStatementText } = await import("../../lib/server/statement-corrections");
  const sqlite = (process.env.DATABASE_URL ?? "").startsWith("file:");
  const rows: Row[] = [];
  const tag = `${Date.now().toString(36)}`;

  // A desk with an editor and 20 checkers, made directly: accounts and workspaces are not measured.
  const workspace = await db().workspace.create({ data: { slug: `bench-annotations-${tag}`, name: "Bench annotations" } });
  const people = await Promise.all(
    Array.from({ length: PEOPLE + 1 }, async (_, i) => {
      const user = await db().user.create({ data: { email: `annotator-${i}-${tag}@bench.test`, name: `Annotator ${i + 1}` } });
      await db().membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: i === 0 ? "editor" : "checker" } });
      return { userId: user.id };
    }),
  );
  const editor = people[0]!;
  const checkers = people.slice(1);
  const tags = await Promise.all(
    ["statistic", "date", "history", "law", "attribution", "quote"].map((name) => db().tag.create({ data: { workspaceId: workspace.id, name, color: "#4f7cac" } })),
  );

  // One long statement (all demo statements together, ~2,000 words): realistic paragraphs.
  const text = DEMO_STATEMENTS.map((s) => s.text).join("\n\n");
  const make = async (variant: string) => {
    const result = await importStatement(editor, { workspaceId: workspace.id, text: `${text}\n\n${variant}` });
    if (result.status !== "created") throw new Error("bench statement not created");
    return result.statement.id;
  };
  const busy = await make("Bench variant: annotated.");
  const empty = await make("Bench variant: empty.");
  const stored = (await db().statementRevision.findFirstOrThrow({ where: { statementId: busy }, select: { text: true } })).text;

  // 1,000 highlights, 50 per person, overlapping freely: word-aligned passages of 2–14 words.
  const words = [...stored.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < HIGHLIGHTS; i += WRITERS) {
    await Promise.all(
      Array.from({ length: WRITERS }, (_, j) => {
        const first = Math.floor(random() * (words.length - 15));
        const last = first + 1 + Math.floor(random() * 13);
        const claim = (i + j) % 3 !== 0;
        return createHighlight(checkers[(i + j) % PEOPLE]!, {
          workspaceId: workspace.id,
          statementId: busy,
          revisionNumber: 1,
          start: words[first]!.start,
          end: words[last]!.end,
          kind: claim ? "claim" : "note",
          ...(claim ? { tagIds: [tags[(i + j) % tags.length]!.id] } : { body: "Check the wording." }),
        });
      }),
    );
  }

  // (a) the statement page's data (the page itself, over HTTP, is in ./annotations-http.ts) ------
  const viewer = checkers[0]!;
  // What the statement page reads and packs before React renders it (app/w/[ws]/statements/[id]/page.tsx).
  const pageLoad = async (statementId: string) => {
    const [, annotations] = await Promise.all([
      getStatement(viewer, { workspaceId: workspace.id, statementId }),
      listShownAnnotations(viewer, { workspaceId: workspace.id, statementId }),
      listTags(viewer, { workspaceId: workspace.id }),
      listMembers(viewer, { workspaceId: workspace.id }),
    ]);
    return packHighlights(annotations, annotations.revision.text);
  };
  const full = await sample(runs, () => pageLoad(busy));
  const none = await sample(runs, () => pageLoad(empty));
  const fullP50 = percentile(full, 50);
  const ratio = fullP50 / percentile(none, 50);
  rows.push({
    workload: `statement page data + packing: ${HIGHLIGHTS.toLocaleString("en")} highlights, ${PEOPLE} people`,
    n: runs,
    p50: fullP50,
    p95: percentile(full, 95),
    throughput: `${Math.round(1000 / fullP50).toLocaleString("en")} req/s, load ${load()}`,
    baseline: percentile(none, 50),
    // The budgets are the rendered page's (the HTTP row): this is the part of it the data is, and
    // against an empty statement's few milliseconds of reads its ratio says little.
    budget: `part of the page's render (budgets on the HTTP row); ${ratio.toFixed(1)}× the empty statement's data`,
  });
  const listOnly = await sample(runs, () => listAnnotations(viewer, { workspaceId: workspace.id, statementId: busy }));
  rows.push({
    workload: `listAnnotations: ${HIGHLIGHTS.toLocaleString("en")} highlights`,
    n: runs,
    p50: percentile(listOnly, 50),
    p95: percentile(listOnly, 95),
    throughput: `${Math.round(1000 / percentile(listOnly, 50)).toLocaleString("en")} req/s`,
  });

  // (b) 50 concurrent writers ----------------------------------------------------------------
  const target = await make("Bench variant: concurrent writers.");
  const concurrent = async (one: (i: number) => Promise<unknown>) => {
    const times: number[] = [];
    let errors = 0;
    // Round -1 warms up (prepared statements, caches) and is not counted.
    for (let round = -1; round < rounds; round++) {
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, i) => {
          const start = performance.now();
          let failed = false;
          try {
            await one((round + 1) * WRITERS + i);
          } catch {
            failed = true;
          }
          if (round < 0) return;
          if (failed) errors++;
          times.push(performance.now() - start);
        }),
      );
    }
    return { times: times.sort((a, b) => a - b), errors };
  };
  const created = await concurrent((i) => {
    const first = (i * 7) % (words.length - 10);
    return createHighlight(checkers[i % PEOPLE]!, {
      workspaceId: workspace.id,
      statementId: target,
      revisionNumber: 1,
      start: words[first]!.start,
      end: words[first + 3]!.end,
      kind: "claim",
      tagIds: [tags[i % tags.length]!.id],
    });
  });
  // What a minimal authenticated route handler does against the database: currentUser's lookup of
  // the session's user, then one row. And the one-row insert alone, the strictest comparison.
  const bareWrite = (i: number) =>
    db().activityEvent.create({ data: { workspaceId: workspace.id, actorId: editor.userId, action: "bench.ping", entityType: "bench", entityId: String(i) }, select: { id: true } });
  const authenticated = await concurrent(async (i) => {
    await db().user.findUnique({ where: { id: checkers[i % PEOPLE]!.userId }, select: { id: true, email: true, name: true, sessionVersion: true } });
    await bareWrite(i);
  });
  const bare = await concurrent(bareWrite);
  const p95 = percentile(created.times, 95);
  const p95Ratio = p95 / percentile(authenticated.times, 95);
  const p95BareRatio = p95 / percentile(bare.times, 95);
  rows.push({
    workload: `createHighlight, ${WRITERS} concurrent writers${sqlite ? " (SQLite)" : ""}, in process`,
    n: created.times.length,
    p50: percentile(created.times, 50),
    p95,
    throughput: `${created.errors} errors (baselines: ${authenticated.errors}, ${bare.errors}), load ${load()}`,
    baseline: percentile(authenticated.times, 50),
    budget: `p95 ≤ 50 ms: ${p95 <= 50 ? "met" : "MISSED"}; errors 0: ${created.errors === 0 ? "met" : "MISSED"}; p95 ≤ 2× bare handler p95 (${p95Ratio.toFixed(2)}×): ${p95Ratio <= 2 ? "met" : "MISSED"}`,
  });
  rows.push({
    workload: `  baseline: session user lookup + one-row insert, ${WRITERS} concurrent`,
    n: authenticated.times.length,
    p50: percentile(authenticated.times, 50),
    p95: percentile(authenticated.times, 95),
    throughput: `${authenticated.errors} errors`,
  });
  rows.push({
    workload: `  baseline: one-row insert alone, ${WRITERS} concurrent`,
    n: bare.times.length,
    p50: percentile(bare.times, 50),
    p95: percentile(bare.times, 95),
    throughput: `${bare.errors} errors`,
    budget: `createHighlight p95 / this p95: ${p95BareRatio.toFixed(2)}×`,
  });

  // (c) a correction re-anchoring 1,000 highlights ---------------------------------------------
  // Each run corrects a figure near the start (everything after it shifts) and drops one sentence.
  const sentences = stored.split(/(?<=\.)\s+/);
  const victim = sentences[Math.floor(sentences.length / 2)]!;
  const correctionTimes: number[] = [];
  const pureTimes: number[] = [];
  let current = stored;
  const correctionRuns = Math.min(runs, 10);
  for (let r = 0; r < correctionRuns; r++) {
    const next = r === 0 ? current.replace(victim, "").replace(/\d+/, (d) => `${Number(d) + 1}`) : current.replace(/\d+/, (d) => `${Number(d) + 1}`);
    const live = await db().highlight.findMany({
      where: { statementId: busy, deletedAt: null },
      select: { id: true, start: true, end: true, exact: true, prefix: true, suffix: true },
    });
    const t0 = performance.now();
    reanchorAll(next, live);
    pureTimes.push(performance.now() - t0);
    const t1 = performance.now();
    await correctStatementText(editor, { workspaceId: workspace.id, statementId: busy, baseRevision: r + 1, text: next });
    correctionTimes.push(performance.now() - t1);
    current = next;
  }
  correctionTimes.sort((a, b) => a - b);
  pureTimes.sort((a, b) => a - b);
  const correctionP50 = percentile(correctionTimes, 50);
  rows.push({
    workload: `correctStatementText: re-anchor ${HIGHLIGHTS.toLocaleString("en")} highlights`,
    n: correctionRuns,
    p50: correctionP50,
    p95: percentile(correctionTimes, 95),
    throughput: `${Math.round(HIGHLIGHTS / (correctionP50 / 1000)).toLocaleString("en")} highlights/s`,
    baseline: percentile(pureTimes, 50),
    budget: `≤ 200 ms: ${correctionP50 <= 200 ? "met" : "MISSED"}`,
  });
  return rows;
}

// Run alone on a fresh SQLite database: npx tsx --conditions react-server scripts/bench/annotations.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const { migrateDatabase } = await import("../../lib/db/migrate");
  const { formatTable } = await import("./table");
  const url = process.env.DATABASE_URL ?? `file:${path.join(mkdtempSync(path.join(tmpdir(), "factdesk-annotations-bench-")), "app.db")}`;
  process.env.DATABASE_URL = url;
  await migrateDatabase(url);
  console.log(formatTable(await benchAnnotations(undefined, { runs: Number(process.env.BENCH_RUNS ?? 50) })));
  process.exit(0);
}
