// Annotated reports from the browser: a viewer exports a real statement (corpus 002, annotated
// with verdicts at every stage by e2e/support/report-seed.ts) as HTML, PDF and Markdown from the
// statement page's Export menu, with and without drafts; makes a report of a selection on the
// Reports page, and gets a clear page for a refused filter; an outsider gets 404s.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { snap } from "./support/pages";
import { storageStateOf, type SignedIn } from "./support/world";

const root = path.resolve(import.meta.dirname, "..");
const SCREENSHOTS = path.join(root, "test-results", "screenshots");

const CLAIMS = [
  "Armenia occupied Azerbaijani territories for almost 30 years",
  "The UN Security Council adopted four resolutions on the conflict in 1993",
  "303 people in Azerbaijan have become landmine victims since November 2020",
  "Armenian forces fired on Azerbaijani border guards on 15 July 2023",
  "The EU and the ICRC supported the Aghdam–Khankendi route proposal",
];

test.describe.configure({ mode: "serial" });

let desk = "";
let statementPath = "";

test.beforeAll(() => {
  const runDir = process.env.E2E_RUN_DIR;
  if (!runDir) throw new Error("E2E_RUN_DIR is not set (run through playwright.config.ts)");
  const out = execFileSync("npx", ["tsx", "--conditions", "react-server", "e2e/support/report-seed.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${path.join(runDir, "seeded.db")}` },
    encoding: "utf8",
  });
  const seeded = JSON.parse(out.trim().split("\n").pop()!) as { slug: string; statementId: string };
  desk = seeded.slug;
  statementPath = `/w/${desk}/statements/${seeded.statementId}`;
});

async function open(browser: Browser, who: SignedIn, at: string): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(who), viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(at);
  return page;
}

function keep(name: string, body: Buffer | string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  writeFileSync(file, body);
  return file;
}

const exportMenu = (page: Page) => page.getByRole("form", { name: "Export report" });

/** Opens the Export disclosure (a download leaves it open; a second click would close it). */
async function openExportMenu(page: Page) {
  if (!(await exportMenu(page).isVisible())) await page.locator("summary").filter({ hasText: /^Export/ }).click();
  await expect(exportMenu(page)).toBeVisible();
}

test("a viewer exports the statement as HTML, PDF and Markdown, approved verdicts only unless drafts are asked for", async ({ browser }) => {
  const page = await open(browser, "viewer", statementPath);
  await expect(page.getByRole("heading", { level: 1, name: "Foreign Ministry statement on tension in Karabakh" })).toBeVisible();
  await openExportMenu(page);
  await snap(page, "reports-export-menu");
  await expect(exportMenu(page).getByRole("checkbox", { name: /Include drafts/ })).not.toBeChecked();

  // HTML opens in a new tab.
  const [popup] = await Promise.all([page.waitForEvent("popup"), exportMenu(page).getByRole("button", { name: /^HTML/ }).click()]);
  await popup.waitForLoadState();
  await expect(popup).toHaveURL(/\/report\?format=html$/);
  await expect(popup.getByRole("heading", { level: 1 })).toHaveText("Foreign Ministry statement on tension in Karabakh");
  for (const [i, claim] of CLAIMS.entries()) {
    await expect(popup.getByRole("link", { name: `Claim ${i + 1}`, exact: true })).toHaveCount(1);
    await expect(popup.getByRole("heading", { level: 4, name: `Claim ${i + 1}: ${claim}` })).toBeVisible();
  }
  const html = await popup.content();
  for (const label of ["Mostly true", "True", "Unproven"]) expect(html).toContain(`>${label}</span>`);
  expect(html).toContain("Approved, not yet published");
  expect(html).not.toContain("not approved");
  expect(html).not.toContain("Only one side");
  await popup.setViewportSize({ width: 1100, height: 900 });
  await snap(popup, "reports-statement-html");
  await popup.close();

  // PDF downloads.
  const [pdfDownload] = await Promise.all([page.waitForEvent("download"), exportMenu(page).getByRole("button", { name: /^PDF/ }).click()]);
  expect(pdfDownload.suggestedFilename()).toMatch(/^factcheck-foreign-ministry-statement-on-tension-in-karabakh-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = readFileSync(await pdfDownload.path());
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const pdfFile = keep("reports-statement.pdf", pdf);
  const pages = Number(/^Pages:\s+(\d+)$/m.exec(execFileSync("pdfinfo", [pdfFile], { encoding: "utf8" }))![1]);
  expect(pages).toBeGreaterThanOrEqual(3);
  const pdfText = execFileSync("pdftotext", ["-layout", pdfFile, "-"], { encoding: "utf8" });
  expect(pdfText).toContain(`Page 1 of ${pages}`);
  expect(pdfText).toContain(`Page ${pages} of ${pages}`);
  expect(pdfText.replace(/\s+/g, " ")).toContain("Armenia occupied Azerbaijani territories for almost 30 years");

  // Markdown downloads.
  await openExportMenu(page);
  const [mdDownload] = await Promise.all([page.waitForEvent("download"), exportMenu(page).getByRole("button", { name: /^Markdown/ }).click()]);
  expect(mdDownload.suggestedFilename()).toMatch(/\.md$/);
  const markdown = readFileSync(await mdDownload.path(), "utf8");
  keep("reports-statement.md", markdown);
  expect(markdown).toContain("# Foreign Ministry statement on tension in Karabakh");
  for (const [i, claim] of CLAIMS.entries()) expect(markdown).toContain(`### ${i + 1}. ${claim}`);

  // With drafts: a banner, and the unapproved verdict marked where it shows.
  await openExportMenu(page);
  await exportMenu(page).getByRole("checkbox", { name: /Include drafts/ }).check();
  const [drafts] = await Promise.all([page.waitForEvent("popup"), exportMenu(page).getByRole("button", { name: /^HTML/ }).click()]);
  await drafts.waitForLoadState();
  await expect(drafts).toHaveURL(/format=html&drafts=1$/);
  await expect(drafts.getByRole("note")).toContainText("Draft report");
  await expect(drafts.getByText("In review — not approved")).toBeVisible();
  await expect(drafts.getByText("Only one side's account of the incident is available.")).toBeVisible();
  await drafts.setViewportSize({ width: 1100, height: 900 });
  await snap(drafts, "reports-statement-html-drafts");
  await page.context().close();
});

test("the Reports page makes a report of a selection and explains a refused filter", async ({ browser }) => {
  const page = await open(browser, "viewer", `/w/${desk}/statements`);
  await page.getByRole("navigation").getByRole("link", { name: "Reports" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${desk}/reports$`));
  const form = page.getByRole("form", { name: "Report filters" });
  await form.getByLabel("Speaker").fill("foreign affairs");
  await form.getByLabel("Published from").fill("2023-01-01");
  await form.getByLabel("Published until").fill("2023-12-31");
  await snap(page, "reports-page");

  const [popup] = await Promise.all([page.waitForEvent("popup"), form.getByRole("button", { name: "Open HTML report" }).click()]);
  await popup.waitForLoadState();
  await expect(popup.getByRole("heading", { level: 1 })).toHaveText("Fact-check report");
  await expect(popup.getByText("1 statement, 5 claims, 3 rated claims.")).toBeVisible();
  await expect(popup.getByRole("img", { name: /Verdicts by rating \(5 claims\)/ })).toBeVisible();
  await expect(popup.getByRole("table").first().getByRole("link", { name: "Foreign Ministry statement on tension in Karabakh" })).toBeVisible();
  await popup.setViewportSize({ width: 1100, height: 900 });
  await snap(popup, "reports-selection-html");
  await popup.close();

  const [download] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Download PDF" }).click()]);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  keep("reports-selection.pdf", pdf);

  // The end before the start: a page that says so, and the way back keeps what was typed.
  await form.getByLabel("Published from").fill("2024-05-02");
  await form.getByLabel("Published until").fill("2024-05-01");
  const [refused] = await Promise.all([page.waitForEvent("popup"), form.getByRole("button", { name: "Open HTML report" }).click()]);
  await refused.waitForLoadState();
  await expect(refused.getByRole("alert")).toContainText("The end date must be on or after the start date.");
  await refused.getByRole("link", { name: "Back to the report filters" }).click();
  await expect(refused.getByLabel("Published until")).toHaveValue("2024-05-01");
  await expect(refused.getByLabel("Speaker")).toHaveValue("foreign affairs");
  await page.context().close();
});

test("an outsider gets not found for the reports of a desk they are not in", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("outsider") });
  for (const url of [`${statementPath}/report?format=html`, `${statementPath}/report?format=pdf`, `/w/${desk}/reports/export?format=md`]) {
    const response = await context.request.get(url);
    expect(response.status(), url).toBe(404);
    expect(await response.text()).not.toContain("Karabakh");
  }
  await context.close();
});
