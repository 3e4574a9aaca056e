// Unsaved typing in the workbench's claim editor is never lost: a checker rewords a claim, makes
// another highlight from the keyboard (which opens its own editor), comes back to find the typing,
// closes with Esc, reloads and is offered it back, then saves it. The list marks claims with
// unsaved changes. A draft over a claim someone else changed meanwhile shows both versions and
// waits for the checker's choice; a draft of a claim a correction orphans stays with the orphan.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { highlightWithKey, itemRow, openItem, openWorkbench, pasteStatement, selectQuote, storedDrafts, waitForWorkbench } from "./support/annotate";
import { snap } from "./support/pages";
import { storageStateOf, type SignedIn } from "./support/world";

const STATEMENT = [
  "The ministry said on Monday that 303 civilians had been hurt since November 2020.",
  "It added that four resolutions of the UN Security Council adopted in 1993 had never been implemented.",
  "Officials expect the talks to resume in spring, according to the statement.",
].join("\n\n");
const FIRST = "303 civilians had been hurt since November 2020";
const SECOND = "four resolutions of the UN Security Council adopted in 1993";
const THIRD = "the talks to resume in spring";
const REWORDED = "The ministry says 303 civilians were hurt since November 2020 (wording not final)";

test.describe.configure({ mode: "serial" });

let statementPath = "";
const ids: Record<string, string> = {};

const open = (browser: Browser, who: SignedIn) => openWorkbench(browser, who, statementPath);

const editor = (page: Page) => page.getByRole("group", { name: "Claim editor" });
const row = itemRow;
const unsavedBadge = (page: Page, id: string) => row(page, id).getByText("Unsaved changes", { exact: true });
const unsavedNote = (page: Page) => editor(page).getByText("Unsaved changes", { exact: true });

test("a checker pastes a statement and marks a claim", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("checker"), viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  statementPath = await pasteStatement(page, `Claim drafts ${Date.now().toString(36)}`, STATEMENT);
  ids.first = await highlightWithKey(page, FIRST, "c");
  await context.close();
});

test("typing survives another highlight, Esc and a reload, and is gone once saved", async ({ browser }) => {
  const page = await open(browser, "checker");
  await openItem(page, ids.first!);
  const reviewed = editor(page).getByLabel("Claim reviewed");
  await reviewed.fill(REWORDED);
  await editor(page).getByLabel("Status").selectOption({ label: "Researching" });
  await expect(unsavedNote(page)).toBeVisible();

  // Another highlight from the keyboard opens its own editor; the first one's typing stays behind.
  ids.second = await highlightWithKey(page, SECOND, "c");
  await expect(row(page, ids.second).getByRole("group", { name: "Claim editor" })).toBeVisible();
  await expect(row(page, ids.first!).getByRole("group", { name: "Claim editor" })).toHaveCount(0);
  await expect(unsavedBadge(page, ids.first!)).toBeVisible();
  await page.getByRole("complementary", { name: "Claims and notes" }).screenshot({ path: "test-results/screenshots/claim-drafts-list-badge.png" });

  // Back to the first claim: the typing is there, with a calm note.
  await openItem(page, ids.first!);
  await expect(editor(page).getByLabel("Claim reviewed")).toHaveValue(REWORDED);
  await expect(editor(page).getByLabel("Status")).toHaveValue("researching");
  await expect(unsavedNote(page)).toBeVisible();
  await expect(editor(page).getByRole("button", { name: "Discard changes" })).toBeVisible();

  // Esc closes the editor and keeps the typing (here from outside its fields; deleted-drafts.spec.ts presses it in one).
  await editor(page).getByLabel("Claim reviewed").blur();
  await page.keyboard.press("Escape");
  await expect(editor(page)).toHaveCount(0);
  await expect(unsavedBadge(page, ids.first!)).toBeVisible();

  // j/k and Enter reach it again, typing intact.
  await page.keyboard.press("Enter");
  await expect(row(page, ids.first!).getByRole("group", { name: "Claim editor" })).toBeVisible();
  await expect(editor(page).getByLabel("Claim reviewed")).toHaveValue(REWORDED);

  // A reload (or a crash) offers it back.
  await page.reload();
  await waitForWorkbench(page);
  await expect(unsavedBadge(page, ids.first!)).toBeVisible();
  await openItem(page, ids.first!);
  await expect(editor(page).getByLabel("Claim reviewed")).toHaveValue(REWORDED);
  await expect(editor(page).getByLabel("Status")).toHaveValue("researching");
  await expect(unsavedNote(page)).toBeVisible();
  await snap(page, "claim-drafts-restored-after-reload");
  await page.getByRole("complementary", { name: "Claims and notes" }).screenshot({ path: "test-results/screenshots/claim-drafts-restored-editor.png" });

  // Saved: the draft is gone, here and in the browser's storage.
  await editor(page).getByRole("button", { name: "Save claim" }).click();
  await expect(editor(page).getByRole("status")).toHaveText("Claim saved.");
  await expect(unsavedNote(page)).toHaveCount(0);
  expect(await storedDrafts(page)).toEqual([]);
  await page.reload();
  await waitForWorkbench(page);
  await expect(unsavedBadge(page, ids.first!)).toHaveCount(0);
  await openItem(page, ids.first!);
  await expect(editor(page).getByLabel("Claim reviewed")).toHaveValue(REWORDED.replace(/\s+/g, " "));
  await expect(unsavedNote(page)).toHaveCount(0);
  await page.context().close();
});

test("discarding drops the typing; typing back what is stored leaves nothing unsaved", async ({ browser }) => {
  const page = await open(browser, "checker");
  await openItem(page, ids.second!);
  const reviewed = editor(page).getByLabel("Claim reviewed");
  const stored = await reviewed.inputValue();
  await reviewed.fill("Four resolutions, never implemented");
  await expect(unsavedNote(page)).toBeVisible();
  expect(await storedDrafts(page)).toHaveLength(1);
  await editor(page).getByRole("button", { name: "Discard changes" }).click();
  await expect(reviewed).toHaveValue(stored);
  await expect(unsavedNote(page)).toHaveCount(0);
  expect(await storedDrafts(page)).toEqual([]);

  await reviewed.fill(`${stored} x`);
  await expect(unsavedNote(page)).toBeVisible();
  await reviewed.fill(stored);
  await expect(unsavedNote(page)).toHaveCount(0);
  expect(await storedDrafts(page)).toEqual([]);
  await editor(page).getByRole("button", { name: /^Close/ }).click();
  await expect(unsavedBadge(page, ids.second!)).toHaveCount(0);
  await page.context().close();
});

test("someone else changes the claim meanwhile: both versions are shown and the checker chooses", async ({ browser }) => {
  const checker = await open(browser, "checker");
  const other = await open(browser, "editor");

  // The checker rewords the second claim and leaves it unsaved.
  await openItem(checker, ids.second!);
  const mine = "Four UN resolutions of 1993 were never implemented (checker)";
  await editor(checker).getByLabel("Claim reviewed").fill(mine);
  await openItem(checker, ids.first!);

  // The editor rewords the same claim and saves it; the checker's page hears of it live.
  const theirs = "Four Security Council resolutions of 1993 were never carried out (editor)";
  await openItem(other, ids.second!);
  await editor(other).getByLabel("Claim reviewed").fill(theirs);
  await editor(other).getByLabel("Status").selectOption({ label: "Researching" });
  await editor(other).getByRole("button", { name: "Save claim" }).click();
  await expect(editor(other).getByRole("status")).toHaveText("Claim saved.");
  await expect(row(checker, ids.second!)).toContainText(theirs);
  await expect(unsavedBadge(checker, ids.second!)).toBeVisible();

  // Reopened: both versions, Save waits for a choice; the status they changed alone is simply theirs.
  await openItem(checker, ids.second!);
  const conflict = editor(checker).getByText("This claim was changed by someone else since you started editing.").locator("..");
  await expect(conflict).toContainText(`Theirs now: ${theirs}`);
  await expect(conflict).toContainText(`Yours, unsaved: ${mine}`);
  await expect(editor(checker).getByLabel("Claim reviewed")).toHaveValue(mine);
  await expect(editor(checker).getByLabel("Status")).toHaveValue("researching");
  await expect(editor(checker).getByRole("button", { name: "Save claim" })).toBeDisabled();
  await checker.getByRole("complementary", { name: "Claims and notes" }).screenshot({ path: "test-results/screenshots/claim-drafts-conflict.png" });

  await conflict.getByRole("button", { name: "Keep mine" }).click();
  await expect(conflict).toHaveCount(0);
  await editor(checker).getByRole("button", { name: "Save claim" }).click();
  await expect(editor(checker).getByRole("status")).toHaveText("Claim saved.");
  await expect(row(other, ids.second!)).toContainText(mine);
  // Only the sentence was sent: the editor's status stands.
  await expect(editor(checker).getByLabel("Status")).toHaveValue("researching");
  await checker.context().close();
  await other.context().close();
});

test("a correction orphans a claim with unsaved typing: the draft stays with the orphan and comes back on re-attaching", async ({ browser }) => {
  const checker = await open(browser, "checker");
  ids.third = await highlightWithKey(checker, THIRD, "c");
  const typed = "Talks are expected to resume in spring (draft)";
  await editor(checker).getByLabel("Claim reviewed").fill(typed);

  // An editor rewrites the sentence; the checker switches to the corrected text.
  const other = await open(browser, "editor");
  await other.goto(`${statementPath}/correct`);
  const textarea = other.getByLabel("Statement text");
  await expect(textarea).toBeEditable();
  await textarea.fill((await textarea.inputValue()).replace("Officials expect the talks to resume in spring, according to the statement.", "No date was given for further meetings."));
  await other.getByRole("button", { name: "Save correction" }).click();
  await expect(other.getByRole("status").filter({ hasText: "Saved as revision 2" })).toBeVisible();
  const banner = checker.getByRole("status", { name: "Text corrected" });
  await banner.getByRole("button", { name: "Show the corrected text" }).click();
  await expect(banner).toHaveCount(0);

  const orphan = checker.locator(`[data-orphan-id="${ids.third}"]`);
  await expect(orphan).toBeVisible();
  await orphan.getByText("Unsaved changes", { exact: true }).click();
  await expect(orphan).toContainText(typed);
  await snap(checker, "claim-drafts-orphan");

  // Re-attached to a passage of the corrected text, the claim opens with the typing.
  await selectQuote(checker, "No date was given for further meetings");
  await orphan.getByRole("button", { name: "Re-attach to selection" }).click();
  await expect(row(checker, ids.third).getByRole("group", { name: "Claim editor" })).toBeVisible();
  await expect(editor(checker).getByLabel("Claim reviewed")).toHaveValue(typed);
  await expect(unsavedNote(checker)).toBeVisible();
  await checker.context().close();
  await other.context().close();
});
