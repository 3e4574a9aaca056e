import "server-only";
import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";

// PDF reports are the HTML report printed by headless Chromium: one document, one print
// stylesheet, real text (selectable, searchable, hyphenated, kerned) and the page numbers Chromium
// draws in the margins. One browser per server process is started on the first PDF and kept warm
// (a launch costs seconds), with one context — JavaScript off, network offline, so a report can
// neither run nor fetch anything — and a page per concurrent report, reused: a new context costs
// a renderer process each time (measured: about a second on a busy 2-core server), and with
// scripts off one report's page holds nothing the next could read. Playwright kills the browser
// when the process exits; the server keeps its own signal handling.
// Header and footer are CSS margin boxes rather than Chromium's header/footer templates: those
// lay out two extra documents per page (measured: about half again the time of a 20-page PDF).

/** Where Chromium is; FACTDESK_CHROMIUM_PATH overrides the Debian/Ubuntu default. */
export function chromiumPath(): string {
  return process.env.FACTDESK_CHROMIUM_PATH?.trim() || "/usr/bin/chromium";
}

/** PDF export cannot run on this server (no Chromium); the route answers 503 with this message. */
export class PdfUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PdfUnavailable";
  }
}

const unavailable = (path: string, why = "was not found") =>
  new PdfUnavailable(
    `PDF export needs Chromium on the server, and ${path} ${why}. Install it (on Debian or Ubuntu: apt-get install chromium) ` +
      `or set FACTDESK_CHROMIUM_PATH to a Chromium executable, then try again. HTML and Markdown reports work without it.`,
  );

/** Reports rendered at once: more would only make each slower on a small server. */
const MAX_CONCURRENT = 2;
const TIMEOUT_MS = 60_000;

type Warm = { browser: Browser; context: BrowserContext };
type State = { browser: Promise<Warm> | null; idle: Page[]; active: number; waiting: Array<() => void>; exitHook: boolean };

// On globalThis so a dev server's module reloads reuse the browser rather than start another.
const state: State = ((globalThis as { __factdeskPdf?: State }).__factdeskPdf ??= { browser: null, idle: [], active: 0, waiting: [], exitHook: false });

async function launch(path: string): Promise<Warm> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: path,
    headless: true,
    // Next handles SIGINT/SIGTERM; Playwright still kills the browser on the process's exit.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--font-render-hinting=none"],
  });
  browser.on("disconnected", () => {
    state.browser = null;
    state.idle = [];
  });
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  return { browser, context };
}

/** The warm browser, started on first use. */
function warmBrowser(): Promise<Warm> {
  const path = chromiumPath();
  // A path from the environment: nothing the bundler should trace.
  if (!existsSync(/*turbopackIgnore: true*/ path)) return Promise.reject(unavailable(path));
  if (!state.browser) {
    const starting = launch(path).catch((error: unknown) => {
      state.browser = null;
      console.error("PDF export: Chromium did not start", error);
      throw unavailable(path, "did not start");
    });
    state.browser = starting;
    if (!state.exitHook) {
      state.exitHook = true;
      process.once("beforeExit", () => void closePdfBrowser());
    }
  }
  return state.browser;
}

/** Closes the warm browser (tests, benches, shutdown); the next PDF starts a new one. */
export async function closePdfBrowser(): Promise<void> {
  const current = state.browser;
  state.browser = null;
  state.idle = [];
  if (current) await current.then((warm) => warm.browser.close()).catch(() => undefined);
}

/** Whether PDF export can work here, without starting anything. */
export function pdfAvailable(): boolean {
  return existsSync(/*turbopackIgnore: true*/ chromiumPath());
}

async function slot(): Promise<() => void> {
  if (state.active >= MAX_CONCURRENT) await new Promise<void>((resolve) => state.waiting.push(resolve));
  state.active += 1;
  return () => {
    state.active -= 1;
    state.waiting.shift()?.();
  };
}

/**
 * The HTML document as a PDF. Page size, margins, the running header and the "Page n of N" footer
 * come from the document's own @page rules (CSS margin boxes), so printing the HTML report from a
 * browser gives the same pages. Throws PdfUnavailable when Chromium is missing or does not start.
 */
export async function renderPdf(html: string): Promise<Buffer> {
  const warm = await warmBrowser();
  const release = await slot();
  let page: Page | undefined;
  let reusable = false;
  try {
    page = state.idle.pop() ?? (await warm.context.newPage());
    page.setDefaultTimeout(TIMEOUT_MS);
    await page.setContent(html, { waitUntil: "load" });
    // Tagged PDF is left off: it tripled the time of a 20-page report.
    const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, outline: true });
    reusable = true;
    return pdf;
  } finally {
    if (page && reusable && !page.isClosed() && state.browser) state.idle.push(page);
    else await page?.close().catch(() => undefined);
    release();
  }
}
