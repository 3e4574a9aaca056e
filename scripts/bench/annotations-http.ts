// Issue 3's server-side budgets measured over HTTP against a production server (`next start` on an
// existing build — this script never builds), signed in like a browser:
//   (a) GET of the real statement page with 1,000 highlights by 20 people, against the same page of
//       a statement with none (server render = time to the last byte of the HTML; the payload size
//       is reported too, as the page carries the document and the highlights to the client);
//   (b) the create-highlight server action (the same POST the workbench makes) with 50 concurrent
//       writers, against the bare route handler app/api/bench-baseline (a signed-in one-row insert,
//       present only with FACTDESK_BENCH=1) at the same concurrency.
// Needs a production build in NEXT_DIST_DIR (default .next-e2e) made from the current code: the
// baseline route and the service changes are only measured once they are in the build.
//
// From scripts/bench/run.ts (after it has set DATABASE_URL to a migrated database):
//   rows.push(...(await benchAnnotationsHttp()));
// or alone: npx tsx --conditions react-server scripts/bench/annotations-http.ts
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase } from "../../lib/db/migrate";
import { DEMO_STATEMENTS } from "../../lib/demo/statements";
import { startServer, stopServer } from "./next-server";
import { percentile, type Row } from "./table";

export type HttpBenchOptions = {
  highlights?: number;
  people?: number;
  writers?: number;
  runs?: number;
  rounds?: number;
  port?: number;
  distDir?: string;
  /** One of the two workloads alone (default: both; BENCH_HTTP_ONLY=page|create from run.ts). */
  only?: "page" | "create";
};

const PASSWORD = "bench-password-123";

async function seed(highlights: number, people: number) {
  const { db } = await import("../../lib/server/db");
  const { hashPassword } = await import("../../lib/server/passwords");
  const { importStatement } = await import("../../lib/server/statements");
  const { createHighlight } = await import("../../lib/server/highlights");
  const stamp = Date.now().toString(36);
  const passwordHash = await hashPassword(PASSWORD);
  const workspace = await db().workspace.create({ data: { slug: `http-bench-${stamp}`, name: "HTTP bench desk" } });
  const users: Array<{ userId: string; email: string }> = [];
  for (let i = 0; i <= people; i++) {
    const user = await db().user.create({ data: { email: `http-bench-${stamp}-${i}@bench.test`, name: `Annotator ${i + 1}`, passwordHash } });
    await db().membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: i === 0 ? "editor" : "checker" } });
    users.push({ userId: user.id, email: user.email });
  }
  const tags = await Promise.all(
    ["statistic", "date", "history", "law", "attribution", "quote"].map((name) => db().tag.create({ data: { workspaceId: workspace.id, name, color: "#4f7cac" } })),
  );
  const text = DEMO_STATEMENTS.map((s) => s.text).join("\n\n");
  const make = async (variant: string) => {
    const result = await importStatement(users[0]!, { workspaceId: workspace.id, text: `${text}\n\n${variant}`, title: `HTTP bench: ${variant}` });
    if (result.status !== "created") throw new Error("bench statement not created");
    return result.statement.id;
  };
  const busy = await make("annotated");
  const empty = await make("empty");
  const target = await make("concurrent writers");
  const stored = (await db().statementRevision.findFirstOrThrow({ where: { statementId: busy }, select: { text: true } })).text;
  const words = [...stored.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  let state = 42;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const checkers = users.slice(1);
  for (let i = 0; i < highlights; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, highlights - i) }, (_, j) => {
        const first = Math.floor(random() * (words.length - 15));
        const last = first + 1 + Math.floor(random() * 13);
        const claim = (i + j) % 3 !== 0;
        return createHighlight(checkers[(i + j) % checkers.length]!, {
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
  return { workspace, users, checkers, tags, busy, empty, target, words, firstWords: stored.slice(0, 40) };
}

/** Signs in through Auth.js's credentials callback, as the sign-in form does; returns the Cookie header. */
async function signIn(base: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: `${base}/` }),
    redirect: "manual",
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed for ${email} (HTTP ${response.status})`);
  return cookie();
}

/** The id the build gave a server action, from its server reference manifest. */
function actionId(distDir: string, exportedName: string, file: string): string {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName && v.filename === file);
  if (!found) throw new Error(`server action ${exportedName} of ${file} is not in ${distDir}: rebuild`);
  return found[0];
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");

export async function benchAnnotationsHttp(options: HttpBenchOptions = {}): Promise<Row[]> {
  const { highlights = 1_000, people = 20, writers = 50, runs = 30, rounds = 4, port = Number(process.env.BENCH_HTTP_PORT ?? 3410), distDir = ".next-e2e" } = options;
  const only = options.only ?? (process.env.BENCH_HTTP_ONLY === "page" || process.env.BENCH_HTTP_ONLY === "create" ? process.env.BENCH_HTTP_ONLY : undefined);
  if (!process.env.DATABASE_URL) {
    const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "factdesk-http-bench-")), "app.db")}`;
    process.env.DATABASE_URL = url;
    await migrateDatabase(url);
  }
  if (process.env.DATABASE_URL.startsWith("file:./")) process.env.DATABASE_URL = `file:${path.resolve(process.env.DATABASE_URL.slice(5))}`;
  const world = await seed(highlights, people);
  const createId = actionId(distDir, "createHighlightAction", "app/w/[ws]/statements/[id]/actions.ts");
  const server = await startServer(port, distDir, { NODE_ENV: "production", FACTDESK_BENCH: "1" });
  const base = `http://localhost:${port}`;
  const rows: Row[] = [];
  try {
    const cookies = await Promise.all(world.checkers.slice(0, 10).map((u) => signIn(base, u.email)));
    const pagePath = (id: string) => `/w/${world.workspace.slug}/statements/${id}`;

    // (a) the statement page -------------------------------------------------------------------
    if (only !== "create") await benchPage();
    async function benchPage() {
      let bytes = { busy: 0, empty: 0 };
      const getPage = async (id: string, which: "busy" | "empty") => {
        const response = await fetch(`${base}${pagePath(id)}`, { headers: { cookie: cookies[0]! } });
        const html = await response.text();
        if (response.status !== 200 || !html.includes(world.firstWords.slice(0, 20))) throw new Error(`statement page: HTTP ${response.status}, statement text missing`);
        bytes[which] = html.length;
        if (which === "busy" && process.env.BENCH_DUMP_HTML) writeFileSync(process.env.BENCH_DUMP_HTML, html);
      };
      for (let i = 0; i < 5; i++) {
        await getPage(world.busy, "busy");
        await getPage(world.empty, "empty");
      }
      const busy: number[] = [];
      const empty: number[] = [];
      // Interleaved, so load changes on the machine hit both series alike.
      for (let i = 0; i < runs; i++) {
        busy.push(await timed(() => getPage(world.busy, "busy")));
        empty.push(await timed(() => getPage(world.empty, "empty")));
      }
      const b = sorted(busy);
      const e = sorted(empty);
      const pageRatio = percentile(b, 50) / percentile(e, 50);
      rows.push({
        workload: `HTTP GET statement page: ${highlights.toLocaleString("en")} highlights, ${people} people`,
        n: runs,
        p50: percentile(b, 50),
        p95: percentile(b, 95),
        throughput: `${Math.round(bytes.busy / 1024)} KiB HTML (empty: ${Math.round(bytes.empty / 1024)} KiB), load ${load()}`,
        baseline: percentile(e, 50),
        budget: `p50 ≤ 100 ms: ${percentile(b, 50) <= 100 ? "met" : "MISSED"}; ≤ 1.5× empty (${pageRatio.toFixed(2)}×): ${pageRatio <= 1.5 ? "met" : "MISSED"}`,
      });
    }

    // (b) 50 concurrent writers ------------------------------------------------------------------
    if (only === "page") return rows;
    const concurrent = async (one: (i: number) => Promise<boolean>) => {
      const times: number[] = [];
      let errors = 0;
      for (let round = -1; round < rounds; round++) {
        const batch = await Promise.all(
          Array.from({ length: writers }, async (_, i) => {
            const start = performance.now();
            let ok = false;
            try {
              ok = await one((round + 1) * writers + i);
            } catch {
              ok = false;
            }
            return { ms: performance.now() - start, ok };
          }),
        );
        if (round < 0) continue; // warm-up round
        for (const r of batch) {
          times.push(r.ms);
          if (!r.ok) errors++;
        }
      }
      return { times: sorted(times), errors };
    };
    const words = world.words;
    const created = await concurrent(async (i) => {
      const first = (i * 7) % (words.length - 10);
      const response = await fetch(`${base}${pagePath(world.target)}`, {
        method: "POST",
        headers: { "next-action": createId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", cookie: cookies[i % cookies.length]! },
        body: JSON.stringify([
          {
            workspaceId: world.workspace.id,
            statementId: world.target,
            revisionNumber: 1,
            start: words[first]!.start,
            end: words[first + 3]!.end,
            kind: "claim",
            tagIds: [world.tags[i % world.tags.length]!.id],
          },
        ]),
      });
      const text = await response.text();
      return response.status === 200 && text.includes('"ok":true');
    });
    const bare = await concurrent(async (i) => {
      const response = await fetch(`${base}/api/bench-baseline`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: cookies[i % cookies.length]! },
        body: JSON.stringify({ workspaceId: world.workspace.id }),
      });
      const json = (await response.json().catch(() => null)) as { ok?: boolean } | null;
      return response.status === 200 && json?.ok === true;
    });
    const p95 = percentile(created.times, 95);
    const ratio = p95 / percentile(bare.times, 95);
    rows.push({
      workload: `HTTP createHighlightAction, ${writers} concurrent writers (${process.env.DATABASE_URL.startsWith("file:") ? "SQLite" : "PostgreSQL"})`,
      n: created.times.length,
      p50: percentile(created.times, 50),
      p95,
      throughput: `${created.errors} errors (bare: ${bare.errors}, bare p95 ${percentile(bare.times, 95).toFixed(1)} ms), load ${load()}`,
      baseline: percentile(bare.times, 50),
      budget: `p95 ≤ 50 ms: ${p95 <= 50 ? "met" : "MISSED"}; errors 0: ${created.errors === 0 ? "met" : "MISSED"}; p95 ≤ 2× bare p95 (${ratio.toFixed(2)}×): ${ratio <= 2 ? "met" : "MISSED"}`,
    });
    return rows;
  } finally {
    stopServer(server);
  }
}

// Run alone: print the rows.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatTable } = await import("./table");
  const rows = await benchAnnotationsHttp({ distDir: process.env.NEXT_DIST_DIR ?? ".next-e2e" });
  console.log(formatTable(rows));
  process.exit(0);
}
