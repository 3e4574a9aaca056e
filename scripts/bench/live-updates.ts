// Live updates between two browsers (DESIGN.md: "another user's change visible ≤ 250 ms p95"):
// two people have the 1,000-highlight statement of ./browser-decorate.ts open in Chromium; one
// selects a passage and presses c, ~30 times; each time, the time from that key press until the
// other's page shows the new highlight in its DOM and has painted the frame (server action, commit,
// event bus, SSE stream, merge, re-render). Both pages read the same clock (timeOrigin + now).
// Needs a production build in NEXT_DIST_DIR (default .next-e2e), like the browser workload.
//
// Use from scripts/bench/run.ts (after it has set DATABASE_URL and migrated):
//   rows.push(...(await benchLiveUpdates({ distDir })));
// or alone: npx tsx --conditions react-server scripts/bench/live-updates.ts
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { migrateDatabase } from "../../lib/db/migrate";
import { PASSWORD, seedBrowserBench } from "./browser-decorate";
import { startServer, stopServer } from "./next-server";
import { percentile, type Row } from "./table";

export type LiveBenchOptions = { highlights?: number; users?: number; creates?: number; port?: number; distDir?: string };

type Window = {
  __fdKeyAt?: number;
  __fdSeen?: (known: string[]) => Promise<number>;
};

async function signIn(page: Page, base: string, email: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** Every highlight id the page's text shows. */
function shownIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ids = new Set<string>();
    for (const el of document.querySelectorAll<HTMLElement>("[data-testid='statement-text'] [data-highlight-ids]")) for (const id of el.dataset.highlightIds!.split(" ")) ids.add(id);
    return [...ids];
  });
}

export async function benchLiveUpdates(options: LiveBenchOptions = {}): Promise<Row[]> {
  const { highlights = 1_000, users = 20, creates = 30, port = Number(process.env.BENCH_LIVE_PORT ?? 3302), distDir = process.env.NEXT_DIST_DIR ?? ".next-e2e" } = options;
  if (!process.env.DATABASE_URL) {
    const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "factdesk-live-bench-")), "app.db")}`;
    process.env.DATABASE_URL = url;
    await migrateDatabase(url);
  }
  const world = await seedBrowserBench(highlights, users);
  const server = await startServer(port, distDir);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
    const base = `http://localhost:${port}`;
    const [writer, reader] = (await Promise.all(
      [world.emails[0]!, world.emails[1]!].map(async (email) => {
        const page = await (await browser!.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
        await signIn(page, base, email);
        // The writer notes when the key goes down; the reader, when a highlight it did not know is
        // in its DOM and the frame showing it has been painted (a message posted from the next
        // animation frame runs after that frame).
        // A string, not a function: tsx would wrap the named helpers in a __name() the page lacks.
        await page.addInitScript(`
          addEventListener("keydown", () => (window.__fdKeyAt = performance.timeOrigin + performance.now()), { capture: true });
          window.__fdSeen = (known) => new Promise((resolve) => {
            const old = new Set(known);
            const isNew = (node) => {
              if (!(node instanceof HTMLElement)) return false;
              const els = node.matches("[data-highlight-ids]") ? [node] : [...node.querySelectorAll("[data-highlight-ids]")];
              return els.some((el) => el.dataset.highlightIds.split(" ").some((id) => !old.has(id)));
            };
            const root = document.querySelector("[data-testid='statement-text']");
            const observer = new MutationObserver((records) => {
              if (!records.some((r) => isNew(r.target) || [...r.addedNodes].some(isNew))) return;
              observer.disconnect();
              requestAnimationFrame(() => {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolve(performance.timeOrigin + performance.now());
                channel.port2.postMessage(null);
              });
            });
            observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-highlight-ids"] });
          });
        `);
        const streamOpen = page.waitForResponse((response) => response.url().endsWith("/events"), { timeout: 60_000 });
        await page.goto(`${base}${world.path}`);
        await page.locator("[data-testid='statement-text'][data-decorated]").waitFor({ timeout: 60_000 });
        await streamOpen;
        return page;
      }),
    )) as [Page, Page];

    const times: number[] = [];
    for (let i = 0; i < creates + 1; i++) {
      const seen = reader.evaluate((known) => (window as unknown as Window).__fdSeen!(known), await shownIds(reader));
      seen.catch(() => {}); // awaited below; a failure must not end the process before the server is stopped
      await writer.evaluate((i) => {
        // A few words of a varying paragraph, inside one leaf long enough to hold them.
        const paragraphs = document.querySelectorAll("[data-testid='statement-text'] [data-slate-node='element']");
        let node: Text | null = null;
        for (let k = 0; k < paragraphs.length && !node; k++) {
          const walker = document.createTreeWalker(paragraphs[(i * 5 + k) % paragraphs.length]!, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
            if (n.data.trim().length >= 12) {
              node = n;
              break;
            }
          }
        }
        if (!node) throw new Error("no text to select");
        const range = document.createRange();
        range.setStart(node, 1);
        range.setEnd(node, Math.min(node.data.length, 30));
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      }, i);
      await writer.getByRole("toolbar", { name: "Highlight the selection" }).waitFor();
      await writer.keyboard.press("c");
      const shownAt = await seen;
      const pressedAt = await writer.evaluate(() => (window as unknown as Window).__fdKeyAt!);
      await writer.locator('[data-highlight-state="saving"]').waitFor({ state: "detached" });
      await writer.keyboard.press("Escape");
      if (i > 0) times.push(shownAt - pressedAt); // the first warms the action and the stream
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    return [
      {
        workload: `live: create → visible in another browser (SSE, ${highlights} highlights)`,
        n: times.length,
        p50: percentile(times, 50),
        p95,
        throughput: "–",
        budget: `≤ 250 ms p95: ${p95 <= 250 ? "met" : "MISSED"}`,
      },
    ];
  } finally {
    await browser?.close();
    stopServer(server);
  }
}

// Run alone: print the rows.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatTable } = await import("./table");
  const rows = await benchLiveUpdates();
  console.log(formatTable(rows));
  console.log(`load average: ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" ")} on ${(await import("node:os")).cpus().length} cores`);
  process.exit(0);
}
