// In Chromium: the statement page with 1,000 highlights by 20 users.
//   - anchor + decorate (`fd:decorate`, marked by the viewer): from the viewer's first render (the
//     first one, even if React threw it away and rendered again) to the frame after the first paint
//     with every highlight in the DOM: cutting into segments, rendering, style, layout and paint;
//   - its main-thread CPU time, from a trace: on a shared machine the wall time mostly measures
//     the neighbours (run alone, it prints the load average);
//   - navigation → first paint, and → decorations painted;
//   - a selection + key press → the frame showing the optimistic highlight (`fd:create`).
// The page is never polled while measured (a PerformanceObserver resolves the wait). Needs a
// production build in NEXT_DIST_DIR (default .next-e2e) and runs `next start` on it against the
// benchmark's database (BENCH_BROWSER_PORT, default 3300).
//
// Use from scripts/bench/run.ts (after it has set DATABASE_URL and migrated):
//   rows.push(...(await benchBrowserDecorate()));
// or alone: npx tsx --conditions react-server scripts/bench/browser-decorate.ts
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { migrateDatabase } from "../../lib/db/migrate";
import { DEMO_STATEMENTS } from "../../lib/demo/statements";
import { startServer, stopServer } from "./next-server";
import { percentile, type Row } from "./table";

export type BrowserBenchOptions = { highlights?: number; users?: number; runs?: number; port?: number; distDir?: string };

export const PASSWORD = "bench-password-123";

export async function seedBrowserBench(highlights: number, users: number) {
  const { createUserAccount } = await import("../../lib/server/accounts");
  const { createWorkspace } = await import("../../lib/server/workspaces");
  const { addMemberByEmail } = await import("../../lib/server/members");
  const { importStatement } = await import("../../lib/server/statements");
  const { createHighlight } = await import("../../lib/server/highlights");
  const stamp = Date.now().toString(36);
  const people = [];
  for (let i = 0; i < users; i++) {
    people.push(await createUserAccount({ email: `browser-bench-${stamp}-${i}@bench.test`, name: `Bench Person ${i + 1}`, password: PASSWORD }));
  }
  const owner = { userId: people[0]!.id };
  const desk = await createWorkspace(owner, { name: "Browser bench desk", slug: `browser-bench-${stamp}` });
  for (const person of people.slice(1)) await addMemberByEmail(owner, { workspaceId: desk.id, email: person.email, role: "checker" });
  // About 25,000 characters: every demo statement, three times over, as one long statement.
  const text = Array.from({ length: 3 }, (_, round) => DEMO_STATEMENTS.map((s) => `${s.text}\n\nRound ${round + 1}.`).join("\n\n")).join("\n\n");
  const imported = await importStatement(owner, { workspaceId: desk.id, text, title: `Browser bench ${stamp}` });
  if (imported.status !== "created") throw new Error(`bench statement not created: ${imported.status}`);
  const statementId = imported.statement.id;
  const length = text.length;
  let seedState = 42;
  const random = () => ((seedState = (seedState * 1103515245 + 12345) % 2147483648) / 2147483648);
  let made = 0;
  while (made < highlights) {
    const start = Math.floor(random() * (length - 300));
    const end = start + 10 + Math.floor(random() * 240);
    if (text.slice(start, end).trim() === "") continue;
    const author = people[made % users]!;
    await createHighlight({ userId: author.id }, { workspaceId: desk.id, statementId, revisionNumber: 1, start, end, kind: made % 3 === 0 ? "note" : "claim" });
    made++;
  }
  return { email: people[0]!.email, emails: people.map((p) => p.email), path: `/w/${desk.slug}/statements/${statementId}` };
}

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; cat?: string; args?: { name?: string } };

/**
 * The renderer main thread's CPU time between two of the page's marks, from a Chromium trace: the
 * thread time (`tdur`) of its tasks, clipped to the window. Wall time is what the budget is about,
 * but on a shared machine it mostly measures the neighbours; CPU time is what the page itself spent.
 */
export function mainThreadCpu(events: readonly TraceEvent[], startMark: string, endMark: string): number {
  const start = events.find((e) => e.name === startMark && e.cat?.includes("blink.user_timing"));
  const end = events.find((e) => e.name === endMark && e.cat?.includes("blink.user_timing"));
  if (!start || !end) return NaN;
  let cpu = 0;
  for (const e of events) {
    if (e.pid !== start.pid || e.tid !== start.tid || e.name !== "RunTask" || e.ph !== "X" || !e.dur || e.tdur === undefined) continue;
    const overlap = Math.min(e.ts + e.dur, end.ts) - Math.max(e.ts, start.ts);
    if (overlap > 0) cpu += (e.tdur * overlap) / e.dur;
  }
  return cpu / 1000;
}

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

/**
 * Diagnostics only (BENCH_BROWSER_TRACE_DIR=/some/dir): every measured load's trace is written
 * there, with the compositor, raster and scheduler categories too, for chrome://tracing or
 * Perfetto (BENCH_BROWSER_TRACE_CATEGORIES picks others). They cost the page time, so the
 * figures of such a run are not the bench's.
 */
const DIAGNOSTIC_CATEGORIES = process.env.BENCH_BROWSER_TRACE_CATEGORIES || "devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.frame,blink.user_timing,toplevel,cc,viz,gpu,blink,renderer.scheduler,v8,disabled-by-default-v8.gc,disabled-by-default-v8.cpu_profiler";

export async function benchBrowserDecorate(options: BrowserBenchOptions = {}): Promise<Row[]> {
  const traceDir = process.env.BENCH_BROWSER_TRACE_DIR;
  const { highlights = 1_000, users = 20, runs = 10, port = Number(process.env.BENCH_BROWSER_PORT ?? 3300), distDir = process.env.NEXT_DIST_DIR ?? ".next-e2e" } = options;
  if (!process.env.DATABASE_URL) {
    const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "factdesk-browser-bench-")), "app.db")}`;
    process.env.DATABASE_URL = url;
    await migrateDatabase(url);
  }
  const world = await seedBrowserBench(highlights, users);
  const server = await startServer(port, distDir);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    const base = `http://localhost:${port}`;
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email").fill(world.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));

    // Waiting must not cost the page anything while it is measured: no selector polling (a locator
    // re-queries 14,000 elements every frame), just a promise an observer resolves once the app's
    // own measure is recorded.
    await page.addInitScript(() => {
      const w = window as unknown as { __fdMeasured: (name: string) => Promise<void> };
      w.__fdMeasured = (name) =>
        new Promise((resolve) => {
          const observer = new PerformanceObserver((list) => {
            if (list.getEntriesByName(name, "measure").length === 0) return;
            observer.disconnect();
            resolve();
          });
          observer.observe({ type: "measure", buffered: true });
        });
    });
    const measured = (name: string) =>
      page.evaluate((name) => (window as unknown as { __fdMeasured: (name: string) => Promise<void> }).__fdMeasured(name), name);

    const cdp = await page.context().newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on("Tracing.dataCollected", (data) => events.push(...(data.value as unknown as TraceEvent[])));

    const decorate: number[] = [];
    const decorateCpu: number[] = [];
    const toPaint: number[] = [];
    const firstPaint: number[] = [];
    const create: number[] = [];
    for (let run = 0; run < runs + 1; run++) {
      events.length = 0;
      await cdp.send("Tracing.start", { categories: traceDir ? DIAGNOSTIC_CATEGORIES : "devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing", transferMode: "ReportEvents" });
      await page.goto(`${base}${world.path}`, { waitUntil: "commit" });
      await measured("fd:decorate");
      const traced = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
      await cdp.send("Tracing.end");
      await traced;
      const timing = await page.evaluate(() => {
        const measure = performance.getEntriesByName("fd:decorate", "measure")[0];
        const end = performance.getEntriesByName("fd:decorate:end", "mark")[0];
        const fcp = performance.getEntriesByName("first-contentful-paint", "paint")[0];
        return { decorate: measure?.duration ?? NaN, toPaint: end?.startTime ?? NaN, fcp: fcp?.startTime ?? NaN, count: document.querySelectorAll("[data-highlight-ids]").length };
      });
      if (timing.count === 0) throw new Error("the statement page shows no highlights");
      if (run === 0) continue; // the first load warms the server and the browser's caches
      if (traceDir) writeFileSync(path.join(traceDir, `decorate-${run}.json`), JSON.stringify({ traceEvents: events }));
      decorate.push(timing.decorate);
      decorateCpu.push(mainThreadCpu(events, "fd:decorate:start", "fd:decorate:end"));
      toPaint.push(timing.toPaint);
      firstPaint.push(timing.fcp);
      // The side panel fills in after the text; let it finish so the next timing is the key press alone.
      await page.locator("[data-testid='statement-text'][data-decorated]").waitFor();
      await page.waitForLoadState("load");
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2_000 })));

      // Select a few words of a paragraph and press c: time to the frame showing the new highlight.
      await page.evaluate((run) => {
        const paragraphs = document.querySelectorAll("[data-testid='statement-text'] [data-slate-node='element']");
        // Leaves are short where highlights crowd; take the first long enough one from a varying paragraph on.
        let node: Text | null = null;
        for (let k = 0; k < paragraphs.length && !node; k++) {
          const walker = document.createTreeWalker(paragraphs[(run * 7 + k) % paragraphs.length]!, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
            if (n.data.length >= 12) {
              node = n;
              break;
            }
          }
        }
        if (!node) throw new Error("no text to select");
        const range = document.createRange();
        range.setStart(node, 1);
        range.setEnd(node, Math.min(node.data.length, 40));
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      }, run);
      await page.getByRole("toolbar", { name: "Highlight the selection" }).waitFor();
      await page.keyboard.press("c");
      await measured("fd:create");
      create.push(await page.evaluate(() => performance.getEntriesByName("fd:create", "measure")[0]!.duration));
      await page.locator('[data-highlight-state="saving"]').waitFor({ state: "detached" });
    }

    const d = stats(decorate);
    const n = stats(toPaint);
    const dc = stats(decorateCpu);
    const f = stats(firstPaint);
    const c = stats(create);
    return [
      { workload: `browser: anchor + decorate ${highlights} highlights, ${users} users`, n: runs, ...d, throughput: `${Math.round(highlights / (d.p50 / 1000)).toLocaleString("en")} hl/s`, budget: `≤ 100 ms: ${d.p50 <= 100 ? "met" : "MISSED"}` },
      { workload: "browser: … its main-thread CPU time", n: runs, ...dc, throughput: "–" },
      { workload: "browser: navigation → first paint (server HTML)", n: runs, ...f, throughput: "–" },
      { workload: "browser: navigation → decorations hydrated + painted", n: runs, ...n, throughput: "–" },
      { workload: "browser: selection + key → visible highlight", n: runs, ...c, throughput: "–" },
    ];
  } finally {
    await browser?.close();
    stopServer(server);
  }
}

// Run alone: print the rows.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatTable } = await import("./table");
  const rows = await benchBrowserDecorate();
  console.log(formatTable(rows));
  console.log(`load average: ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" ")} on ${(await import("node:os")).cpus().length} cores`);
  process.exit(0);
}
