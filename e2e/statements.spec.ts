// Importing a real statement by upload, finding it in the list, reading it; another desk's member
// cannot open it; a refused paste keeps the text.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { snap } from "./support/pages";
import { CORPUS_DIR, DESK, OTHER_DESK, storageStateOf } from "./support/world";

const corpusFile = path.join(CORPUS_DIR, readdirSync(CORPUS_DIR).find((f) => /^001_.*\.txt$/.test(f)) ?? "001.txt");
const paragraphs = readFileSync(corpusFile, "utf8")
  .replace(/\r\n?/g, "\n")
  .split(/\n\s*\n/)
  .map((p) => p.trim())
  .filter(Boolean);

test.describe.configure({ mode: "serial" });

let statementPath = "";

test.describe("as a checker", () => {
  test.use({ storageState: storageStateOf("checker") });

  test("uploads a statement file, sees it listed and reads it paragraph by paragraph", async ({ page }) => {
    await page.goto(`/w/${DESK.slug}/statements/import`);
    await expect(page.getByRole("heading", { name: "Import statements" })).toBeVisible();
    await snap(page, "statement-import");

    const upload = page.getByRole("form", { name: "Upload files" });
    await upload.getByLabel("Files").setInputFiles(corpusFile);
    await upload.getByLabel("Speaker or organisation").fill("Ministry of Foreign Affairs");
    await upload.getByRole("button", { name: "Upload and import" }).click();
    await expect(page.getByRole("status").filter({ hasText: "1 imported" })).toBeVisible();
    const summary = page.getByRole("region", { name: "Upload summary" });
    const created = summary.getByRole("link").first();
    await expect(created).toBeVisible();
    const title = (await created.textContent())!.trim();
    await snap(page, "statement-import-done");

    await page.goto(`/w/${DESK.slug}/statements`);
    const row = page.getByRole("row").filter({ hasText: title });
    await expect(row).toBeVisible();
    await expect(row).toContainText("Ministry of Foreign Affairs");
    await snap(page, "statements");

    await row.getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    statementPath = new URL(page.url()).pathname;
    await expectParagraphs(page);
    await snap(page, "statement");
  });

  test("importing the same file again is reported as already in the workspace", async ({ page }) => {
    await page.goto(`/w/${DESK.slug}/statements/import`);
    const upload = page.getByRole("form", { name: "Upload files" });
    await upload.getByLabel("Files").setInputFiles(corpusFile);
    await upload.getByRole("button", { name: "Upload and import" }).click();
    await expect(page.getByRole("status").filter({ hasText: "1 already in the workspace" })).toBeVisible();
  });

  test("a refused paste keeps every typed field and says what to fix", async ({ page }) => {
    await page.goto(`/w/${DESK.slug}/statements/import`);
    const paste = page.getByRole("form", { name: "Paste a statement" });
    await paste.getByLabel("Title", { exact: true }).fill("A statement with a bad link");
    await paste.getByLabel("Text", { exact: true }).fill("First paragraph of a pasted statement.\n\nSecond paragraph.");
    await paste.getByLabel("Source URL").fill("ftp://example.org/statement");
    await paste.getByRole("button", { name: "Import statement" }).click();
    await expect(paste.getByText("Enter a web address starting with http:// or https://.")).toBeVisible();
    await expect(paste.getByLabel("Source URL")).toHaveAttribute("aria-invalid", "true");
    await expect(paste.getByLabel("Title", { exact: true })).toHaveValue("A statement with a bad link");
    await expect(paste.getByLabel("Text", { exact: true })).toHaveValue("First paragraph of a pasted statement.\n\nSecond paragraph.");
    await expect(paste.getByLabel("Source URL")).toHaveValue("ftp://example.org/statement");
    await snap(page, "statement-paste-invalid");
  });
});

test.describe("as a member of another desk", () => {
  test.use({ storageState: storageStateOf("outsider") });

  test("the statement's address answers not found, also through their own desk", async ({ page }) => {
    expect(statementPath, "the upload test ran first").not.toBe("");
    const response = await page.goto(statementPath);
    expect(response?.status()).toBe(404);
    await expect(page.getByText(/not found|could not be found/i).first()).toBeVisible();
    await expect(page.getByText(paragraphs[0]!)).toHaveCount(0);
    await snap(page, "statement-outsider");

    const id = statementPath.split("/").pop();
    const viaOwnDesk = await page.goto(`/w/${OTHER_DESK.slug}/statements/${id}`);
    expect(viaOwnDesk?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByText(paragraphs[0]!)).toHaveCount(0);
    await snap(page, "statement-outsider-own-desk");
  });
});

async function expectParagraphs(page: Page) {
  const rendered = page.getByTestId("statement-text").getByRole("paragraph");
  await expect(rendered).toHaveCount(paragraphs.length);
  await expect(rendered.first()).toHaveText(paragraphs[0]!);
  await expect(rendered.last()).toHaveText(paragraphs.at(-1)!);
}
