// Exports and standards: a checker imports W3C annotations into a statement (one placed, one kept
// as an orphan) and sees the highlight in the text; the statement's annotations come back as an
// AnnotationPage; an admin downloads the claims CSV and the full export from the settings page;
// an outsider gets 404s.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { savedHighlightIds, textUnder, waitForWorkbench } from "./support/annotate";
import { snap } from "./support/pages";
import { DESK, storageStateOf } from "./support/world";

const RUN = Date.now().toString(36);
const TITLE = `Harbour figures ${RUN}`;
const STATEMENT = `The port authority said on Tuesday that 7,${RUN.length}00 containers were handled in March, a record for the harbour (${RUN}).`;
const QUOTE = "containers were handled in March";
const CLAIM_REVIEWED = `The harbour handled a record number of containers in March (${RUN}).`;

const ANNOTATIONS = {
  "@context": "http://www.w3.org/ns/anno.jsonld",
  type: "AnnotationPage",
  items: [
    {
      type: "Annotation",
      motivation: "assessing",
      body: [{ type: "TextualBody", purpose: "assessing", value: CLAIM_REVIEWED }],
      target: { source: "https://elsewhere.example/doc", selector: { type: "TextQuoteSelector", exact: QUOTE, prefix: "handled ", suffix: ", a record" } },
    },
    {
      type: "Annotation",
      motivation: "commenting",
      body: { type: "TextualBody", value: "Check the ministry's figure too." },
      target: { source: "https://elsewhere.example/doc", selector: { type: "TextQuoteSelector", exact: "a sentence from another version of the text" } },
    },
  ],
};

test.describe.configure({ mode: "serial" });

let statementPath = "";

test("a checker imports annotations: one placed as a claim, one kept as an orphan", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("checker"), viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`/w/${DESK.slug}/statements/import`);
  const paste = page.getByRole("form", { name: "Paste a statement" });
  await paste.getByLabel("Title", { exact: true }).fill(TITLE);
  await paste.getByLabel("Text", { exact: true }).fill(STATEMENT);
  await paste.getByRole("button", { name: "Import statement" }).click();
  await expect(page).toHaveURL(/\/statements\/(?!import$)[^/]+$/);
  await waitForWorkbench(page);
  statementPath = new URL(page.url()).pathname;

  await page.goto(`${statementPath}/annotations-import`);
  await expect(page.getByRole("heading", { level: 1, name: "Import annotations" })).toBeVisible();
  // Unreadable input: a message, the typing kept.
  await page.getByLabel("Or paste the annotations (JSON)").fill("{ not json");
  await page.getByRole("button", { name: "Import annotations" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The file is not valid JSON." })).toBeVisible();
  await expect(page.getByLabel("Or paste the annotations (JSON)")).toHaveValue("{ not json");

  await page.getByLabel("Or paste the annotations (JSON)").fill(JSON.stringify(ANNOTATIONS, null, 2));
  await page.getByRole("button", { name: "Import annotations" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 2 annotations: 1 placed in the text, 1 kept as an orphan (1 claim, 1 note)." })).toBeVisible();
  await expect(page.getByText("Annotation 2: The quote was not found in the current text")).toBeVisible();
  await snap(page, "exports-annotations-imported");

  await page.getByRole("link", { name: "Back to the statement" }).click();
  await waitForWorkbench(page);
  const ids = await savedHighlightIds(page);
  expect(ids).toHaveLength(1);
  expect(await textUnder(page, ids[0]!)).toBe(QUOTE);
  await snap(page, "exports-annotations-on-statement");

  // And back out as W3C JSON-LD.
  const response = await page.request.get(`${statementPath}/annotations.jsonld`);
  expect(response.status()).toBe(200);
  const exported = (await response.json()) as { type: string; items: Array<{ motivation: string; target: { selector: Array<{ type: string; exact?: string }> } }> };
  expect(exported.type).toBe("AnnotationPage");
  expect(exported.items.map((a) => a.motivation).sort()).toEqual(["assessing", "commenting"]);
  expect(exported.items.find((a) => a.motivation === "assessing")!.target.selector[0]!.exact).toBe(QUOTE);
  await context.close();
});

test("an admin downloads the claims CSV and the full export from the settings page", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("admin"), viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`/w/${DESK.slug}/settings`);
  await expect(page.getByRole("heading", { name: "Export" })).toBeVisible();
  await snap(page, "exports-settings");

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download all claims (CSV)" }).click()]);
  expect(csv.suggestedFilename()).toMatch(new RegExp(`^factdesk-claims-${DESK.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const text = readFileSync((await csv.path())!, "utf8");
  expect(text.startsWith("\uFEFFClaim ID,Statement,Statement date,Speaker,Quote,Claim reviewed")).toBe(true);
  const line = text.split("\r\n").find((l) => l.includes(CLAIM_REVIEWED));
  expect(line).toContain(TITLE);
  expect(line).toContain(QUOTE);
  expect(line).toContain("To check");

  const [full] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download full export (JSON)" }).click()]);
  const doc = JSON.parse(readFileSync((await full.path())!, "utf8")) as { format: string; version: number; statements: Array<{ title: string }> };
  expect(doc).toMatchObject({ format: "factdesk-workspace", version: 1 });
  expect(doc.statements.map((s) => s.title)).toContain(TITLE);
  await context.close();
});

test("outsiders and viewers get no more than they may", async ({ browser }) => {
  const outsider = await browser.newContext({ storageState: storageStateOf("outsider") });
  for (const path of [`/w/${DESK.slug}/exports/claims.csv`, `/w/${DESK.slug}/exports/workspace.json`, `${statementPath}/annotations.jsonld`]) {
    expect((await outsider.request.get(path)).status()).toBe(404);
  }
  await outsider.close();
  const viewer = await browser.newContext({ storageState: storageStateOf("viewer") });
  expect((await viewer.request.get(`/w/${DESK.slug}/exports/claims.csv`)).status()).toBe(200);
  expect((await viewer.request.get(`/w/${DESK.slug}/exports/workspace.json`)).status()).toBe(403);
  expect((await viewer.request.get(`/api/public/${DESK.slug}/claim-reviews.json`)).status()).toBe(404);
  await viewer.close();
});
