// The annotation workbench with two people: a checker and an editor highlight overlapping
// passages of a real statement in two browsers, both see both after reloading, in the right
// places; a claim is made from the keyboard; the editor corrects the text, the highlights follow
// it and one whose passage was deleted is listed as an orphan.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { openWorkbench, savedHighlightIds, selectQuote, textUnder, waitForWorkbench } from "./support/annotate";
import { snap } from "./support/pages";
import { CORPUS_DIR, DESK, storageStateOf, type SignedIn } from "./support/world";

const corpusFile = path.join(CORPUS_DIR, readdirSync(CORPUS_DIR).find((f) => /^002_.*\.txt$/.test(f)) ?? "002.txt");

// Passages of the statement (corpus 002).
const CHECKER_CLAIM = "continues its actions leading to tension";
const EDITOR_NOTE = "leading to tension, hindering the reintegration";
const CROSSING = "the Azerbaijani Foreign Ministry said.\n\nAzerbaijan for almost 30 years";
const DOOMED = "within the four UN Security Council Resolutions of 1993";
const DELETED_SENTENCE = /Despite the fact that within the four UN Security Council Resolutions of 1993[^,]*,[^,]*,/;

test.describe.configure({ mode: "serial" });

let statementPath = "";
const quotes = new Map<string, string>();

const open = (browser: Browser, who: SignedIn) => openWorkbench(browser, who, statementPath);

/** Selects `quote`, creates the highlight (toolbar button or key) and returns its id once saved. */
async function highlight(page: Page, quote: string, how: { button?: "Claim" | "Note"; key?: "c" | "n" }): Promise<string> {
  const before = new Set(await savedHighlightIds(page));
  await selectQuote(page, quote);
  const toolbar = page.getByRole("toolbar", { name: "Highlight the selection" });
  await expect(toolbar).toBeVisible();
  if (how.button) await toolbar.getByRole("button", { name: new RegExp(`^${how.button}`) }).click();
  else await page.keyboard.press(how.key!);
  // Optimistic: it shows at once, then turns into the stored highlight.
  await expect(page.locator("[data-highlight-ids]").first()).toBeVisible();
  await expect(page.locator('[data-highlight-state="failed"]')).toHaveCount(0);
  const after = await savedHighlightIds(page);
  const created = after.filter((id) => !before.has(id) && !id.startsWith("pending-"));
  expect(created).toHaveLength(1);
  quotes.set(created[0]!, quote);
  expect(await textUnder(page, created[0]!)).toBe(quote);
  return created[0]!;
}

test("a checker imports a corpus statement", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("checker") });
  const page = await context.newPage();
  await page.goto(`/w/${DESK.slug}/statements/import`);
  await page.getByLabel("Files", { exact: true }).setInputFiles(corpusFile);
  await page.getByRole("button", { name: "Upload and import" }).click();
  const created = page.getByRole("region", { name: "Upload summary" }).getByRole("link").first();
  await expect(created).toBeVisible();
  await created.click();
  await waitForWorkbench(page);
  statementPath = new URL(page.url()).pathname;
  await context.close();
});

test("two people highlight overlapping passages and both see both after reloading", async ({ browser }) => {
  const checker = await open(browser, "checker");
  const editor = await open(browser, "editor");

  const claim = await highlight(checker, CHECKER_CLAIM, { button: "Claim" });
  const note = await highlight(editor, EDITOR_NOTE, { button: "Note" });
  const doomed = await highlight(checker, DOOMED, { button: "Note" });
  await checker.getByLabel("Note", { exact: true }).fill("Which four resolutions? Link them.");
  await checker.getByRole("button", { name: "Save note" }).click();
  await expect(checker.getByRole("status").filter({ hasText: "Note saved." })).toBeVisible();

  for (const page of [checker, editor]) {
    await page.reload();
    await waitForWorkbench(page);
    for (const id of [claim, note, doomed]) expect(await textUnder(page, id)).toBe(quotes.get(id));
    // The overlap carries both ids; the topmost (later-starting) one is the leaf's own id.
    const overlap = page.locator(`[data-highlight-ids="${claim} ${note}"]`);
    await expect(overlap).toHaveText("leading to tension");
    await expect(overlap).toHaveAttribute("data-highlight-id", note);
    await expect(page.getByRole("list", { name: "Highlights in text order" }).getByRole("listitem")).toHaveCount(3);
  }

  // Hovering the overlap lists both highlights.
  await editor.locator(`[data-highlight-ids="${claim} ${note}"]`).hover();
  const card = editor.getByRole("tooltip");
  await expect(card).toContainText("2 highlights here");
  await expect(card).toContainText("Chris Checker");
  await expect(card).toContainText("Eddie Editor");
  await snap(editor, "workbench");
  await checker.context().close();
  await editor.context().close();
});

test("a claim made from the keyboard, across two paragraphs, opens in the claim editor", async ({ browser }) => {
  const editor = await open(browser, "editor");
  const crossing = await highlight(editor, CROSSING, { key: "c" });
  const claimEditor = editor.getByRole("group", { name: "Claim editor" });
  await expect(claimEditor).toBeVisible();
  await expect(claimEditor.getByLabel("Claim reviewed")).toHaveValue("the Azerbaijani Foreign Ministry said. Azerbaijan for almost 30 years");
  await claimEditor.getByLabel("Claim reviewed").fill("Azerbaijan has faced Armenian military aggression for almost 30 years.");
  await claimEditor.getByText("history", { exact: true }).click();
  await claimEditor.getByLabel("Status").selectOption("researching");
  await claimEditor.getByLabel("Assignee").selectOption({ label: "Chris Checker" });
  await claimEditor.getByRole("button", { name: "Save claim" }).click();
  await expect(claimEditor.getByRole("status")).toHaveText("Claim saved.");
  await snap(editor, "workbench-claim-editor");

  // j/k walk the claims in text order; Esc closes; ? shows the shortcuts.
  await editor.keyboard.press("Escape");
  await expect(claimEditor).toHaveCount(0);
  await editor.locator("body").click({ position: { x: 5, y: 300 } });
  await editor.keyboard.press("j");
  await editor.keyboard.press("j");
  await editor.keyboard.press("Enter");
  await expect(editor.getByRole("group", { name: "Claim editor" }).getByLabel("Claim reviewed")).toHaveValue(/almost 30 years/);
  await editor.keyboard.press("?");
  await expect(editor.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await editor.keyboard.press("Escape");
  await expect(editor.getByRole("dialog", { name: "Keyboard shortcuts" })).toHaveCount(0);

  await editor.reload();
  await waitForWorkbench(editor);
  expect(await textUnder(editor, crossing)).toBe(CROSSING);
  await editor.context().close();
});

test("an editor corrects the text: highlights follow it, the one whose passage is gone is an orphan", async ({ browser }) => {
  const editor = await open(browser, "editor");
  await editor.getByRole("link", { name: "Correct the text" }).click();
  await expect(editor).toHaveURL(/\/correct$/);
  const textarea = editor.getByLabel("Statement text");
  const before = await textarea.inputValue();
  expect(before).toMatch(DELETED_SENTENCE);
  const corrected = before
    .replace("Armenia continues", "According to the ministry, Armenia continues")
    .replace(DELETED_SENTENCE, "");
  await textarea.fill(corrected);
  await expect(textarea).toHaveValue(corrected);
  await editor.getByLabel("What changed (optional)").fill("Removed a sentence that was not in the transcript.");
  await editor.getByRole("button", { name: "Save correction" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Saved as revision 2" })).toBeVisible();
  await expect(editor.getByLabel("Correction result")).toContainText("Orphaned1");

  await editor.goto(statementPath);
  await waitForWorkbench(editor);
  const ids = await savedHighlightIds(editor);
  const placed = [...quotes].filter(([, q]) => q !== DOOMED);
  for (const [id, quote] of placed) {
    expect(ids).toContain(id);
    expect(await textUnder(editor, id)).toBe(quote);
  }
  const orphans = editor.getByRole("list", { name: "Orphaned highlights" });
  await expect(orphans.getByRole("listitem")).toHaveCount(1);
  await expect(orphans).toContainText(DOOMED);
  await orphans.scrollIntoViewIfNeeded();
  await snap(editor, "workbench-orphans");

  // Re-attach the orphan to a passage of the new text.
  await selectQuote(editor, "has consistently ignored all the calls");
  await orphans.getByRole("button", { name: "Re-attach to selection" }).click();
  await expect(editor.getByRole("list", { name: "Orphaned highlights" })).toHaveCount(0);

  await editor.getByRole("link", { name: /Revisions/ }).click();
  await expect(editor.getByRole("heading", { name: "Revision 1 → 2" })).toBeVisible();
  await expect(editor.getByTestId("revision-diff").locator("del")).toContainText(["Despite the fact"]);
  await expect(editor.getByTestId("revision-diff").locator("ins").first()).toContainText("According to the ministry");
  await snap(editor, "revision-diff");
  await editor.context().close();
});

test("the correction text cannot be typed into before the page is ready, and saves exactly what was typed", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("editor"), viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  // Hold the scripts back: the server's HTML is shown, React has not taken over yet. Hydration
  // writes a textarea's default text back into it, so a paste made now would be lost, or doubled
  // by the next one.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route((url) => url.pathname.startsWith("/_next/static/chunks/") && url.pathname.endsWith(".js"), async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${statementPath}/correct`, { waitUntil: "domcontentloaded" });
  const textarea = page.getByLabel("Statement text");
  const before = await textarea.inputValue();
  await expect(textarea).not.toBeEditable();
  release();

  const first = `${before}\n\nA closing line, pasted while the page was loading.`;
  await textarea.fill(first); // waits until the page is ready
  await page.getByRole("button", { name: "Save correction" }).click();
  const saved = page.getByRole("status").filter({ hasText: "Saved as revision" });
  await expect(saved).toBeVisible();
  const revision = Number(/revision (\d+)/.exec((await saved.textContent()) ?? "")?.[1]);
  await expect(textarea).toHaveValue(first);

  // A second correction on the same form, after React reset it.
  const second = first.replace("A closing line, pasted", "A closing line, corrected");
  await textarea.fill(second);
  await page.getByRole("button", { name: "Save correction" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved as revision ${revision + 1}:` })).toBeVisible();
  await expect(textarea).toHaveValue(second);

  await page.unrouteAll({ behavior: "ignoreErrors" });
  await page.goto(`${statementPath}/correct`);
  await expect(page.getByLabel("Statement text")).toBeEditable();
  expect(await page.getByLabel("Statement text").inputValue()).toBe(second);
  await context.close();
});

test("the tags page: editors manage the taxonomy, checkers see it", async ({ browser }) => {
  const editor = await open(browser, "editor");
  await editor.getByRole("link", { name: "Tags", exact: true }).click();
  await expect(editor).toHaveURL(/\/tags$/);
  const newTag = editor.getByRole("form", { name: "New tag" });
  await newTag.getByLabel("Name").fill("Casualty figures");
  await newTag.getByRole("button", { name: "Create tag" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Tag “Casualty figures” created." })).toBeVisible();
  // Every row's merge list names the other tags, so find a row by its summary line.
  const tagRow = (name: string) => editor.getByRole("list", { name: "Tags" }).getByRole("listitem").filter({ has: editor.locator("summary").filter({ hasText: name }) });
  const row = tagRow("Casualty figures");
  await row.locator("summary").click();
  await row.getByLabel("Merge into").selectOption({ label: "statistic" });
  await row.getByRole("button", { name: "Merge" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Merged “Casualty figures” into “statistic”" })).toBeVisible();
  await expect(tagRow("Casualty figures")).toHaveCount(0);
  await expect(tagRow("history").locator("summary")).toContainText("1 claim");
  await snap(editor, "tags");
  await editor.context().close();

  const checker = await open(browser, "checker");
  await checker.goto(`/w/${DESK.slug}/tags`);
  await expect(checker.getByRole("heading", { name: "Tags" })).toBeVisible();
  await expect(checker.getByRole("button", { name: "Create tag" })).toHaveCount(0);
  await checker.context().close();
});
