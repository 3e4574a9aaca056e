// Issue 3's server-side budgets measured over HTTP against a production server (`next start` on an
// existing build — this script never builds), signed in like a browser:
//   (a) GET of the real statement page with 1,000 highlights by 20 people, against the same page of
//       a statement with none (server render = time to the last byte of the HTML; the payload size
//       is reported too, as the page carries the document and the highlights to the client);
//   (b) the burst: the create-highlight server action (the same POST the workbench makes) from 50
//       writers (each signed in as their own account) who all press the key in the same
//       millisecond, a few rounds of it, against the bare route handler app/api/bench-baseline (a
//       signed-in one-row insert, present only with FACTDESK_BENCH=1) hit the same way, the two
//       alternating round by round. The worst case: the last of 50 requests that arrive together
//       waits for the 49 before it, so its latency is about 50 × the server's time per request;
//   (c) a working pace: the same 50 writers each creating highlights at exponentially distributed
//       intervals (mean 1 s, so ~50 requests/s in all, arriving at random as from people), open
//       loop (a request is sent on schedule whether or not the writer's last one came back), 2 s
//       unmeasured then 30 s measured, latency counted from the scheduled send; the very same
//       schedule against the bare route is its baseline. (b) and (c) print the three
//       checks: p95 ≤ 50 ms, no errors, p95 ≤ 2× the bare route's p95;
//   (d) what the server sustains: the 50 writers in a closed loop (each sends its next request as
//       soon as the last returns) for 5 s — requests/s for the action and the bare route, evidence
//       for what (b) can reach, not a budget.
// Rows (b)–(d) also give the server's CPU time per request (its process group's user + system
// time over the workload's requests, from /proc): unlike latency on a shared 2-core machine, the
// neighbours barely move it. BENCH_HTTP_WRITES=burst,paced,throughput runs some of (b)–(d);
// BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=…" profiles the server (2 s idle gaps between
// workloads and burst rounds mark them in the profile; scripts/bench/cpuprofile-summary.ts sums it).
// Needs a production build in NEXT_DIST_DIR (default .next-e2e) made from the current code: the
// baseline route and the service changes are only measured once they are in the build.
//
// From scripts/bench/run.ts (after it has set DATABASE_URL to a migrated database):
//   rows.push(...(await benchAnnotationsHttp()));
// or alone: npx tsx --conditions react-server scripts/bench/annotations-http.ts
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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

/** The writers of the create workloads: accounts of their own, checkers on the desk (added after the page workload, which they would otherwise join as members). */
async function addWriters(workspaceId: string, writers: number): Promise<Array<{ userId: string; email: string }>> {
  const { db } = await import("../../lib/server/db");
  const { hashPassword } = await import("../../lib/server/passwords");
  const passwordHash = await hashPassword(PASSWORD);
  const stamp = Date.now().toString(36);
  const accounts: Array<{ userId: string; email: string }> = [];
  for (let i = 0; i < writers; i++) {
    const user = await db().user.create({ data: { email: `http-bench-${stamp}-writer-${i}@bench.test`, name: `Writer ${i + 1}`, passwordHash } });
    await db().membership.create({ data: { workspaceId, userId: user.id, role: "checker" } });
    accounts.push({ userId: user.id, email: user.email });
  }
  return accounts;
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

/** The working-pace workload: mean interval per writer, unmeasured start, measured span. */
const PACE_MEAN_MS = 1_000;
const PACE_WARMUP_MS = 2_000;
// 30 s (~1,500 requests): over 12 s the p95 of the same build moved 23–33 ms between runs, a few clustered
// arrivals deciding it. BENCH_HTTP_PACE_SECONDS shortens it for a quick look.
const PACE_MEASURE_MS = Number(process.env.BENCH_HTTP_PACE_SECONDS ?? 30) * 1000;
const THROUGHPUT_WARMUP_MS = 1_000;
const THROUGHPUT_MEASURE_MS = 5_000;

type Scheduled = { at: number; writer: number };

/**
 * When each of `writers` people sends a request over `spanMs`: exponentially distributed gaps
 * (a Poisson process per writer) with mean `meanMs`, from a fixed seed so the action and its
 * baseline get the very same schedule. Sorted by time.
 */
export function paceSchedule(writers: number, meanMs: number, spanMs: number, seed = 7): Scheduled[] {
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const schedule: Scheduled[] = [];
  for (let writer = 0; writer < writers; writer++) {
    // The first request, too, comes after an exponential wait: the writers do not start together.
    for (let at = -Math.log(1 - random()) * meanMs; at < spanMs; at += -Math.log(1 - random()) * meanMs) schedule.push({ at, writer });
  }
  return schedule.sort((a, b) => a.at - b.at);
}

/**
 * Sends each scheduled request at its time, whatever happened to the earlier ones (open loop).
 * Latency counts from the scheduled time, so a late send (the load generator shares the machine)
 * is charged to the request, never hidden; requests scheduled in the first PACE_WARMUP_MS are sent
 * but not measured.
 */
async function openLoop(schedule: readonly Scheduled[], one: (i: number, writer: number) => Promise<boolean>) {
  const origin = performance.now() + 50;
  const results = await Promise.all(
    schedule.map(async ({ at, writer }, i) => {
      const due = origin + at;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      const lag = performance.now() - due;
      const ok = await one(i, writer).catch(() => false);
      return { at, ms: performance.now() - due, lag, ok };
    }),
  );
  const measured = results.filter((r) => r.at >= PACE_WARMUP_MS);
  return { times: sorted(measured.map((r) => r.ms)), lag: sorted(measured.map((r) => r.lag)), errors: measured.filter((r) => !r.ok).length, sent: results.length };
}

/** `writers` loops each sending its next request when the last returns; requests finishing within the measured span count. */
async function closedLoop(writers: number, warmupMs: number, measureMs: number, one: (i: number, writer: number) => Promise<boolean>) {
  const start = performance.now();
  const from = start + warmupMs;
  const until = from + measureMs;
  const times: number[] = [];
  let errors = 0;
  let i = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      while (performance.now() < until) {
        const sent = performance.now();
        const ok = await one(i++, writer).catch(() => false);
        const done = performance.now();
        if (done >= from && done <= until) {
          times.push(done - sent);
          if (!ok) errors++;
        }
      }
    }),
  );
  return { times: sorted(times), errors, sent: i };
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU time (user + system, ms) used so far by the server's process group (Linux /proc; NaN
 * elsewhere). Divided by the requests of a workload it gives the server's CPU per request: a
 * figure the neighbours' load barely moves, unlike wall-clock latency on a shared machine.
 */
function serverCpuMs(pgid: number | undefined): number {
  if (!pgid) return NaN;
  let ticks = 0;
  try {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue; // gone meanwhile
      }
      // Fields after the command name (which may hold spaces): state ppid pgrp … utime(14) stime(15).
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return NaN;
  }
  return (ticks / CLOCK_TICKS) * 1000;
}

/** Runs a workload and reports the server CPU it took per request. */
async function withCpu<T extends { sent: number }>(pgid: number | undefined, run: () => Promise<T>): Promise<T & { cpu: number }> {
  const before = serverCpuMs(pgid);
  const result = await run();
  return { ...result, cpu: (serverCpuMs(pgid) - before) / result.sent };
}

/** With the server under --cpu-prof, an idle second between workloads so its profile shows where each ran. */
const profilerGap = () => new Promise((r) => setTimeout(r, process.env.BENCH_SERVER_NODE_ARGS?.includes("--cpu-prof") ? 2_000 : 0));

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");

export async function benchAnnotationsHttp(options: HttpBenchOptions = {}): Promise<Row[]> {
  const { highlights = 1_000, people = 20, writers = 50, runs = Number(process.env.BENCH_HTTP_PAGE_RUNS ?? 100), rounds = Number(process.env.BENCH_HTTP_ROUNDS ?? 4), port = Number(process.env.BENCH_HTTP_PORT ?? 3410), distDir = ".next-e2e" } = options;
  const only = options.only ?? (process.env.BENCH_HTTP_ONLY === "page" || process.env.BENCH_HTTP_ONLY === "create" ? process.env.BENCH_HTTP_ONLY : undefined);
  if (!process.env.DATABASE_URL) {
    const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "factdesk-http-bench-")), "app.db")}`;
    process.env.DATABASE_URL = url;
    await migrateDatabase(url);
  }
  if (process.env.DATABASE_URL.startsWith("file:./")) process.env.DATABASE_URL = `file:${path.resolve(process.env.DATABASE_URL.slice(5))}`;
  // The create workloads (BENCH_HTTP_WRITES=burst,paced,throughput picks some; default all).
  const parts = (process.env.BENCH_HTTP_WRITES ?? "burst,paced,throughput").split(",").map((p) => p.trim());
  const world = await seed(highlights, people);
  const createId = actionId(distDir, "createHighlightAction", "app/w/[ws]/statements/[id]/actions.ts");
  const server = await startServer(port, distDir, { NODE_ENV: "production", FACTDESK_BENCH: "1" });
  const base = `http://localhost:${port}`;
  const rows: Row[] = [];
  try {
    const cookies = only === "create" ? [] : [await signIn(base, world.checkers[0]!.email)];
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

    // (b)–(d) writers ------------------------------------------------------------------------------
    if (only === "page") return rows;
    // One account and one browser session per writer, as fifty people would have.
    const writerAccounts = await addWriters(world.workspace.id, writers);
    const writerCookies: string[] = [];
    for (let i = 0; i < writerAccounts.length; i += 5) {
      writerCookies.push(...(await Promise.all(writerAccounts.slice(i, i + 5).map((u) => signIn(base, u.email)))));
    }
    const words = world.words;
    /** The workbench's create-highlight POST: a claim on four words, a tag, as writer `w`. */
    const createOne = async (i: number, w: number) => {
      const first = (i * 7) % (words.length - 10);
      const response = await fetch(`${base}${pagePath(world.target)}`, {
        method: "POST",
        headers: { "next-action": createId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", cookie: writerCookies[w % writerCookies.length]! },
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
    };
    /** The bare route: signed in, one row written, JSON back. */
    const bareOne = async (_i: number, w: number) => {
      const response = await fetch(`${base}/api/bench-baseline`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: writerCookies[w % writerCookies.length]! },
        body: JSON.stringify({ workspaceId: world.workspace.id }),
      });
      const json = (await response.json().catch(() => null)) as { ok?: boolean } | null;
      return response.status === 200 && json?.ok === true;
    };
    const database = process.env.DATABASE_URL.startsWith("file:") ? "SQLite" : "PostgreSQL";
    const cpu = (created: { cpu: number }, bare: { cpu: number }) => `server CPU ${created.cpu.toFixed(1)} ms/request (bare ${bare.cpu.toFixed(1)})`;
    const verdict = (p95: number, errors: number, bareP95: number) => {
      const ratio = p95 / bareP95;
      return `p95 ≤ 50 ms: ${p95 <= 50 ? "met" : "MISSED"}; errors 0: ${errors === 0 ? "met" : "MISSED"}; p95 ≤ 2× bare p95 (${ratio.toFixed(2)}×): ${ratio <= 2 ? "met" : "MISSED"}`;
    };

    // (b) the burst: every writer presses the key in the same millisecond, `rounds` times. The
    // action's and the bare route's rounds alternate, so a change of load on the machine hits both.
    if (parts.includes("burst")) {
      const series = () => ({ all: [] as number[], errors: 0, cpuMs: 0, sent: 0 });
      const burstRound = async (into: ReturnType<typeof series>, one: (i: number, w: number) => Promise<boolean>, round: number) => {
        await profilerGap();
        const cpuBefore = serverCpuMs(server.pid);
        const batch = await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            const start = performance.now();
            const ok = await one((round + 1) * writers + w, w).catch(() => false);
            return { ms: performance.now() - start, ok };
          }),
        );
        into.cpuMs += serverCpuMs(server.pid) - cpuBefore;
        into.sent += writers;
        if (round < 0) return; // warm-up round
        for (const r of batch) {
          into.all.push(r.ms);
          if (!r.ok) into.errors++;
        }
      };
      const createdSeries = series();
      const bareSeries = series();
      for (let round = -1; round < rounds; round++) {
        await burstRound(createdSeries, createOne, round);
        await burstRound(bareSeries, bareOne, round);
      }
      const summary = (x: ReturnType<typeof series>) => ({ times: sorted(x.all), errors: x.errors, cpu: x.cpuMs / x.sent });
      const created = summary(createdSeries);
      const bare = summary(bareSeries);
      const p95 = percentile(created.times, 95);
      rows.push({
        workload: `HTTP createHighlightAction, ${writers} concurrent writers (${database})`,
        n: created.times.length,
        p50: percentile(created.times, 50),
        p95,
        throughput: `${created.errors} errors (bare: ${bare.errors}, bare p95 ${percentile(bare.times, 95).toFixed(1)} ms), ${cpu(created, bare)}, load ${load()}`,
        baseline: percentile(bare.times, 50),
        budget: verdict(p95, created.errors, percentile(bare.times, 95)),
      });
    }

    // (c) a working pace: each writer highlights at exponentially distributed intervals (mean
    // 1 s), open loop — a request goes out on schedule whether or not the writer's last one came
    // back — so the server sees ~writers requests/s arriving at random, as from people.
    if (parts.includes("paced")) {
      const schedule = paceSchedule(writers, PACE_MEAN_MS, PACE_WARMUP_MS + PACE_MEASURE_MS);
      await profilerGap();
      const created = await withCpu(server.pid, () => openLoop(schedule, createOne));
      await profilerGap();
      const bare = await withCpu(server.pid, () => openLoop(schedule, bareOne));
      const p95 = percentile(created.times, 95);
      const rate = (created.times.length / PACE_MEASURE_MS) * 1000;
      rows.push({
        workload: `HTTP createHighlightAction, ${writers} writers at a working pace (1 highlight/s each, Poisson, ${database})`,
        n: created.times.length,
        p50: percentile(created.times, 50),
        p95,
        throughput: `${rate.toFixed(0)} req/s offered, ${created.errors} errors (bare: ${bare.errors}, bare p95 ${percentile(bare.times, 95).toFixed(1)} ms), p99 ${percentile(created.times, 99).toFixed(1)} ms, send lag p95 ${percentile(created.lag, 95).toFixed(1)} ms, ${cpu(created, bare)}, load ${load()}`,
        baseline: percentile(bare.times, 50),
        budget: verdict(p95, created.errors, percentile(bare.times, 95)),
      });
    }

    // (d) what the server sustains: every writer sends its next request as soon as the last one
    // returns (closed loop, server saturated). Evidence, not a budget: a burst of `writers`
    // simultaneous requests cannot finish sooner than writers ÷ this rate.
    if (parts.includes("throughput")) {
      await profilerGap();
      const created = await withCpu(server.pid, () => closedLoop(writers, THROUGHPUT_WARMUP_MS, THROUGHPUT_MEASURE_MS, createOne));
      await profilerGap();
      const bare = await withCpu(server.pid, () => closedLoop(writers, THROUGHPUT_WARMUP_MS, THROUGHPUT_MEASURE_MS, bareOne));
      const perSecond = (n: number) => (n / THROUGHPUT_MEASURE_MS) * 1000;
      const rate = perSecond(created.times.length);
      rows.push({
        workload: `HTTP createHighlightAction, ${writers} closed-loop writers: sustained rate (${database})`,
        n: created.times.length,
        p50: percentile(created.times, 50),
        p95: percentile(created.times, 95),
        throughput: `${rate.toFixed(0)} req/s (bare: ${perSecond(bare.times.length).toFixed(0)} req/s), ${created.errors} errors (bare: ${bare.errors}), ${cpu(created, bare)}, load ${load()}`,
        baseline: percentile(bare.times, 50),
        budget: `no budget; a burst of ${writers} needs ≥ ${((writers / rate) * 1000).toFixed(0)} ms at this rate (bare: ${((writers / perSecond(bare.times.length)) * 1000).toFixed(0)} ms)`,
      });
    }
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
