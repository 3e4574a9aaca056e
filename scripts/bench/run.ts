// npm run bench: measures the foundation's budgets on a fresh SQLite database and prints a table.
//   (a) bulk import of 10,000 statements through importStatements (budget ≤ 10 s), against raw
//       better-sqlite3 prepared inserts of the same rows in one transaction;
//   (b) the statement list with 10,000 statements (first page, a middle page, sorted by title, a
//       text filter) through listStatements, against the raw COUNT + LIMIT query it stands for;
//   (c) the annotation workbench in-process: see ./annotations.ts;
//   (d) the statement page and create-highlight over HTTP (./annotations-http.ts) and decorating
//       1,000 highlights in Chromium (./browser-decorate.ts), on a production build.
// Run under `tsx --conditions react-server` (the npm script does) so 'server-only' resolves.
// Timings are reported here and never asserted in tests.
// BENCH_ONLY=import,list,annotations,http,browser,live,reports,exports (comma-separated) runs only those parts; the
// import always runs when the list runs (the list reads what it imported). NEXT_DIST_DIR says where
// the production build for http/browser goes (default .next-e2e), BENCH_REUSE_BUILD=1 reuses it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { migrateDatabase } from "../../lib/db/migrate";
import { DEMO_STATEMENTS } from "../../lib/demo/statements";
import { contentHash, normaliseText } from "../../lib/text";
import { formatTable, once, percentile, sample, type Row } from "./table";

const N = Number(process.env.BENCH_STATEMENTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const PARTS = ["import", "list", "annotations", "http", "browser", "live", "reports", "exports"] as const;
const only = (process.env.BENCH_ONLY ?? "").split(",").map((p) => p.trim()).filter(Boolean);
for (const part of only) if (!(PARTS as readonly string[]).includes(part)) throw new Error(`BENCH_ONLY: unknown part "${part}" (parts: ${PARTS.join(", ")})`);
const runs = (part: (typeof PARTS)[number]) => only.length === 0 || only.includes(part) || (part === "import" && only.includes("list"));

const dir = mkdtempSync(path.join(tmpdir(), "factdesk-bench-"));
const appFile = path.join(dir, "app.db");
const rawFile = path.join(dir, "raw.db");
// Set before the service layer makes its client (lib/server/db reads it on first use).
process.env.DATABASE_URL = `file:${appFile}`;

const { createUserAccount } = await import("../../lib/server/accounts");
const { db } = await import("../../lib/server/db");
const { importStatements, listStatements } = await import("../../lib/server/statements");
const { createWorkspace } = await import("../../lib/server/workspaces");

/** Ten thousand distinct statements made from the demo ones: same shape, different numbers. */
function makeItems(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const base = DEMO_STATEMENTS[i % DEMO_STATEMENTS.length]!;
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String((i % 12) + 1).padStart(2, "0");
    return {
      name: `bench-${i}.txt`,
      title: `${base.title} (${i + 1})`,
      speaker: base.speaker,
      outlet: base.outlet,
      url: `${base.url}?n=${i}`,
      publishedAt: `${2000 + (i % 24)}-${month}-${day}`,
      language: base.language,
      text: `${base.text}\n\nReference ${i + 1}: figures as published on day ${i % 365} of the reporting year, ${i * 7} cases reviewed.`,
    };
  });
}

async function main() {
  const rows: Row[] = [];
  console.log(`Factdesk bench: ${N} statements, ${RUNS} runs per list query, SQLite, ${cpus().length} cores, Node ${process.version}`);
  await migrateDatabase(`file:${appFile}`);
  await migrateDatabase(`file:${rawFile}`);

  const user = await createUserAccount({ email: "bench@bench.test", name: "Bench", password: "bench-password-123" });
  const actor = { userId: user.id };
  const desk = await createWorkspace(actor, { name: "Bench desk", slug: "bench-desk" });
  const items = makeItems(N);

  if (runs("import")) {
    // (a) bulk import -------------------------------------------------------------------------
    const imported = await once(() => importStatements(actor, { workspaceId: desk.id, items }));
    if (imported.result.created.length !== N) {
      throw new Error(`expected ${N} created, got ${imported.result.created.length} (failed: ${imported.result.failed.slice(0, 3).map((f) => f.message).join("; ")})`);
    }

    // The baseline writes the same three rows per statement (statement, revision, activity event)
    // with prepared statements in one transaction; row preparation is outside the timing.
    const raw = new Database(rawFile);
    raw.pragma("journal_mode = WAL");
    const now = new Date().toISOString();
    raw.prepare(`INSERT INTO "User" (id, email, name, sessionVersion, createdAt, updatedAt) VALUES ('u1', 'raw@bench.test', 'Raw', 0, ?, ?)`).run(now, now);
    raw.prepare(`INSERT INTO "Workspace" (id, slug, name, createdAt, updatedAt) VALUES ('w1', 'raw', 'Raw', ?, ?)`).run(now, now);
    const prepared = items.map((item, i) => {
      const text = normaliseText(item.text);
      return { id: `s${i}`, item, text, hash: contentHash(text), search: [item.title, item.speaker, item.outlet].join("\n").toLowerCase() };
    });
    const insertStatement = raw.prepare(
      `INSERT INTO "Statement" (id, workspaceId, title, speaker, outlet, url, publishedAt, language, contentHash, searchText, createdById, createdAt, updatedAt)
       VALUES (?, 'w1', ?, ?, ?, ?, ?, ?, ?, ?, 'u1', ?, ?)`,
    );
    const insertRevision = raw.prepare(
      `INSERT INTO "StatementRevision" (id, statementId, number, text, createdById, createdAt) VALUES (?, ?, 1, ?, 'u1', ?)`,
    );
    const insertEvent = raw.prepare(
      `INSERT INTO "ActivityEvent" (id, workspaceId, actorId, action, entityType, entityId, data, at) VALUES (?, 'w1', 'u1', 'statement.imported', 'statement', ?, ?, ?)`,
    );
    const insertAll = raw.transaction(() => {
      for (const p of prepared) {
        insertStatement.run(p.id, p.item.title, p.item.speaker, p.item.outlet, p.item.url, p.item.publishedAt, p.item.language, p.hash, p.search, now, now);
        insertRevision.run(`r${p.id}`, p.id, p.text, now);
        insertEvent.run(`e${p.id}`, p.id, JSON.stringify({ title: p.item.title }), now);
      }
    });
    const baseline = await once(() => insertAll());
    raw.close();
    rows.push({
      workload: `bulk import (importStatements)`,
      n: N,
      p50: imported.ms,
      p95: imported.ms,
      throughput: `${Math.round(N / (imported.ms / 1000)).toLocaleString("en")} stmt/s`,
      baseline: baseline.ms,
      budget: `≤ 10 s: ${imported.ms <= 10_000 ? "met" : "MISSED"}`,
    });
  }

  if (runs("list")) {
    // (b) the statement list ------------------------------------------------------------------
    const reader = new Database(appFile, { readonly: true });
    const pageSize = 25;
    const middle = Math.ceil(N / pageSize / 2);
    const count = reader.prepare(`SELECT COUNT(*) AS n FROM "Statement" WHERE workspaceId = ?`);
    const countFiltered = reader.prepare(`SELECT COUNT(*) AS n FROM "Statement" WHERE workspaceId = ? AND searchText LIKE ?`);
    const columns = `id, title, speaker, outlet, publishedAt, createdAt, claimCount`;
    const byImported = reader.prepare(`SELECT ${columns} FROM "Statement" WHERE workspaceId = ? ORDER BY createdAt DESC, id DESC LIMIT ? OFFSET ?`);
    const byTitle = reader.prepare(`SELECT ${columns} FROM "Statement" WHERE workspaceId = ? ORDER BY title ASC, id ASC LIMIT ? OFFSET ?`);
    const filtered = reader.prepare(`SELECT ${columns} FROM "Statement" WHERE workspaceId = ? AND searchText LIKE ? ORDER BY createdAt DESC, id DESC LIMIT ? OFFSET ?`);
    const q = "vaccination";

    const scenarios: Array<{ name: string; service: () => Promise<unknown>; raw: () => unknown }> = [
      {
        name: "list: first page",
        service: () => listStatements(actor, { workspaceId: desk.id }),
        raw: () => [count.get(desk.id), byImported.all(desk.id, pageSize, 0)],
      },
      {
        name: `list: middle page (${middle})`,
        service: () => listStatements(actor, { workspaceId: desk.id, page: middle }),
        raw: () => [count.get(desk.id), byImported.all(desk.id, pageSize, (middle - 1) * pageSize)],
      },
      {
        name: "list: sorted by title",
        service: () => listStatements(actor, { workspaceId: desk.id, sort: "title", dir: "asc" }),
        raw: () => [count.get(desk.id), byTitle.all(desk.id, pageSize, 0)],
      },
      {
        name: `list: filter "${q}"`,
        service: () => listStatements(actor, { workspaceId: desk.id, q }),
        raw: () => [countFiltered.get(desk.id, `%${q}%`), filtered.all(desk.id, `%${q}%`, pageSize, 0)],
      },
    ];
    for (const s of scenarios) {
      const times = await sample(RUNS, s.service);
      const base = await sample(RUNS, s.raw);
      const p50 = percentile(times, 50);
      rows.push({
        workload: s.name,
        n: RUNS,
        p50,
        p95: percentile(times, 95),
        throughput: `${Math.round(1000 / p50).toLocaleString("en")} req/s`,
        baseline: percentile(base, 50),
      });
    }
    reader.close();
  }

  // (c) the annotation workbench (issue 3's budgets), on the same database.
  if (runs("annotations")) {
    const { benchAnnotations } = await import("./annotations");
    rows.push(...(await benchAnnotations()));
  }

  // (e) the annotated report (issue 5): HTML of 100 statements and a 20-page PDF, see ./reports.ts.
  if (runs("reports")) {
    const { benchReports } = await import("./reports");
    rows.push(...(await benchReports()));
  }

  // (f) the claims CSV (issue 5): 10,000 claims end to end in-process, see ./exports.ts.
  if (runs("exports")) {
    const { benchExports } = await import("./exports");
    rows.push(...(await benchExports()));
  }

  // (d) the statement page and the create-highlight action over HTTP on `next start`, and
  // decorating in Chromium: both need a production build of the current code, made here (the
  // same directory the e2e tests build into) unless BENCH_REUSE_BUILD=1 and one exists.
  const distDir = process.env.NEXT_DIST_DIR ?? ".next-e2e";
  if (runs("http") || runs("browser") || runs("live")) {
    if (process.env.BENCH_REUSE_BUILD !== "1" || !existsSync(path.join(distDir, "BUILD_ID"))) {
      console.log(`building the app into ${distDir} for the HTTP and browser workloads…`);
      // One build at a time on a shared machine: the same lock the team's builds take.
      execFileSync("flock", ["/tmp/next-build.lock", "npx", "next", "build"], {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
      });
    }
  }
  if (runs("http")) {
    const { benchAnnotationsHttp } = await import("./annotations-http");
    rows.push(...(await benchAnnotationsHttp({ distDir })));
  }
  if (runs("browser")) {
    const { benchBrowserDecorate } = await import("./browser-decorate");
    rows.push(...(await benchBrowserDecorate({ distDir })));
  }
  if (runs("live")) {
    const { benchLiveUpdates } = await import("./live-updates");
    rows.push(...(await benchLiveUpdates({ distDir })));
  }

  console.log();
  console.log(formatTable(rows));
  console.log();
  console.log("baseline: (a) raw better-sqlite3 prepared inserts of the same rows in one transaction;");
  console.log("          (b) the raw COUNT + LIMIT/OFFSET query on the same database;");
  console.log("          (c), (d) as described in scripts/bench/annotations*.ts and browser-decorate.ts. ratio = p50 / baseline p50.");
  mkdirSync("bench-results", { recursive: true });
  const out = path.join("bench-results", `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), statements: N, runs: RUNS, rows }, null, 2));
  console.log(`results: ${out}`);
}

try {
  await main();
} finally {
  await db().$disconnect();
  rmSync(dir, { recursive: true, force: true });
}
