// A fact-checker's unsaved typing outlives the highlight it belongs to: when an editor deletes a
// claim or a note the checker is typing in (in another browser), the checker's side panel says
// who deleted it and keeps the typing, read-only, to copy (clipboard, or selected when there is
// none) and then discard — also after a reload, and when the deletion happened while the page was
// closed. A deletion with nothing typed changes nothing. Esc in the editor's fields closes it and
// keeps the typing; j and k there are letters. A second tab of the same browser sees the draft.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { highlightWithKey, itemRow, openItem, openWorkbench, pasteStatement, storedDrafts, waitForWorkbench } from "./support/annotate";
import { snap } from "./support/pages";
import { MEMBERS, storageStateOf, type SignedIn } from "./support/world";

const STATEMENT = [
  "The ministry said on Monday that 303 civilians had been hurt since November 2020.",
  "It added that four resolutions of the UN Security Council adopted in 1993 had never been implemented.",
  "Officials expect the talks to resume in spring, according to the statement.",
  "The report was published on the ministry's website late on Sunday evening.",
].join("\n\n");
const FIRST = "303 civilians had been hurt since November 2020";
const SECOND = "four resolutions of the UN Security Council adopted in 1993";
const THIRD = "the talks to resume in spring";
const FOURTH = "published on the ministry's website";

test.describe.configure({ mode: "serial" });

let statementPath = "";
const ids: Record<string, string> = {};

const open = (browser: Browser, who: SignedIn) => openWorkbench(browser, who, statementPath);
const row = itemRow;
const editorOf = (page: Page, id: string) => row(page, id).getByRole("group", { name: /^(Claim|Note) editor$/ });
const kept = (page: Page) => page.getByRole("region", { name: "Kept text from deleted highlights" });
const keptOf = (page: Page, id: string) => page.locator(`[data-kept-draft="${id}"]`);

/** The editor (in their own browser) deletes the highlight from its editor. */
async function deleteAsEditor(editor: Page, id: string): Promise<void> {
  await openItem(editor, id);
  const group = editorOf(editor, id);
  await group.getByRole("button", { name: /^Delete (claim|note)$/ }).click();
  await group.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(row(editor, id)).toHaveCount(0);
}

test("a checker marks two claims and two notes", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("checker"), viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  statementPath = await pasteStatement(page, `Deleted drafts ${Date.now().toString(36)}`, STATEMENT);
  ids.claim = await highlightWithKey(page, FIRST, "c");
  ids.note = await highlightWithKey(page, SECOND, "n");
  ids.untouched = await highlightWithKey(page, THIRD, "c");
  ids.away = await highlightWithKey(page, FOURTH, "n");
  await context.close();
});

test("an editor deletes the claim the checker is typing in: the typing stays, to copy, across a reload, until discarded", async ({ browser }) => {
  const checker = await open(browser, "checker");
  await checker.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const editor = await open(browser, "editor");

  await openItem(checker, ids.claim!);
  const typed = "The ministry says 303 civilians were hurt since November 2020\n(second line, not final)";
  const field = editorOf(checker, ids.claim!).getByLabel("Claim reviewed");
  await field.fill(typed);
  await editorOf(checker, ids.claim!).getByLabel("Status").selectOption({ label: "Researching" });
  await field.focus();

  await deleteAsEditor(editor, ids.claim!);

  // The checker's row is gone, the typing is not: who deleted it, what was typed, and the focus.
  await expect(row(checker, ids.claim!)).toHaveCount(0);
  const box = keptOf(checker, ids.claim!);
  await expect(box.getByRole("heading", { name: `${MEMBERS.editor.name} deleted this highlight.` })).toBeFocused();
  await expect(box).toContainText("Your unsaved text is kept below — copy it or discard it.");
  await expect(box).toContainText(FIRST);
  await expect(box.getByRole("definition").first()).toHaveText(typed);
  await expect(box).toContainText("Status");
  await expect(box).toContainText("Researching");
  await checker.getByRole("complementary", { name: "Claims and notes" }).screenshot({ path: "test-results/screenshots/deleted-drafts-kept-claim.png" });
  await snap(checker, "deleted-drafts-kept-claim-page");

  await box.getByRole("button", { name: "Copy my text" }).click();
  await expect(box.getByRole("status")).toHaveText("Copied.");
  expect(await checker.evaluate(() => navigator.clipboard.readText())).toBe(`Claim reviewed: ${typed}\n\nStatus: Researching`);

  // A reload shows it again, saying the same.
  await checker.reload();
  await waitForWorkbench(checker);
  await expect(keptOf(checker, ids.claim!)).toContainText(`${MEMBERS.editor.name} deleted this highlight.`);
  await expect(keptOf(checker, ids.claim!).getByRole("definition").first()).toHaveText(typed);
  expect(await storedDrafts(checker)).toHaveLength(1);

  await keptOf(checker, ids.claim!).getByRole("button", { name: "Discard" }).click();
  await expect(kept(checker)).toHaveCount(0);
  expect(await storedDrafts(checker)).toEqual([]);
  await checker.reload();
  await waitForWorkbench(checker);
  await expect(kept(checker)).toHaveCount(0);
  await checker.context().close();
  await editor.context().close();
});

test("a note's body is kept too; without a clipboard, Copy selects the text", async ({ browser }) => {
  const checker = await open(browser, "checker");
  const editor = await open(browser, "editor");
  // As on a desk served over plain http: no clipboard to write to.
  await checker.evaluate(() => Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true }));

  await openItem(checker, ids.note!);
  const body = "Ask the UN press office which four resolutions these are.";
  await editorOf(checker, ids.note!).getByLabel("Note").fill(body);
  // Typed, then the checker looked elsewhere: the note's editor is closed, the draft waits in the list.
  await editorOf(checker, ids.note!).getByRole("button", { name: /^Close/ }).click();
  await expect(row(checker, ids.note!).getByText("Unsaved changes", { exact: true })).toBeVisible();

  await deleteAsEditor(editor, ids.note!);
  const box = keptOf(checker, ids.note!);
  await expect(box).toContainText(`${MEMBERS.editor.name} deleted this highlight.`);
  await expect(box.getByRole("term")).toHaveText(["Note"]);
  await expect(box.getByRole("definition")).toHaveText([body]);

  await box.getByRole("button", { name: "Copy my text" }).click();
  await expect(box.getByRole("status")).toHaveText("Selected: press Ctrl+C (⌘C on a Mac) to copy.");
  expect((await checker.evaluate(() => window.getSelection()?.toString() ?? "")).trim()).toBe(body);
  await checker.getByRole("complementary", { name: "Claims and notes" }).screenshot({ path: "test-results/screenshots/deleted-drafts-kept-note-selected.png" });

  await box.getByRole("button", { name: "Discard" }).click();
  await expect(kept(checker)).toHaveCount(0);
  await checker.context().close();
  await editor.context().close();
});

test("a deletion while nothing is typed closes the editor as before, keeping nothing", async ({ browser }) => {
  const checker = await open(browser, "checker");
  const editor = await open(browser, "editor");
  await openItem(checker, ids.untouched!);
  await deleteAsEditor(editor, ids.untouched!);
  await expect(row(checker, ids.untouched!)).toHaveCount(0);
  await expect(checker.getByRole("group", { name: "Claim editor" })).toHaveCount(0);
  await expect(kept(checker)).toHaveCount(0);
  expect(await storedDrafts(checker)).toEqual([]);
  await checker.context().close();
  await editor.context().close();
});

test("deleted while the checker's page was closed: the typing is there on coming back", async ({ browser }) => {
  const checker = await open(browser, "checker");
  await openItem(checker, ids.away!);
  const body = "Check the Wayback Machine for the Sunday version.";
  await editorOf(checker, ids.away!).getByLabel("Note").fill(body);
  await checker.goto("/");

  const editor = await open(browser, "editor");
  await deleteAsEditor(editor, ids.away!);

  await checker.goto(statementPath);
  await waitForWorkbench(checker);
  const box = keptOf(checker, ids.away!);
  await expect(box.getByRole("heading", { name: "This highlight has been deleted." })).toBeVisible();
  await expect(box.getByRole("definition")).toHaveText([body]);
  await box.getByRole("button", { name: "Discard" }).click();
  await expect(kept(checker)).toHaveCount(0);
  await checker.context().close();
  await editor.context().close();
});

test("Esc in a field closes the editor and keeps the typing; j and k there are letters; a second tab sees the draft", async ({ browser }) => {
  const checker = await open(browser, "checker");
  ids.esc = await highlightWithKey(checker, FIRST, "c");
  const group = editorOf(checker, ids.esc);
  await expect(group).toBeVisible();
  const field = group.getByLabel("Claim reviewed");
  const stored = await field.inputValue();
  await field.fill("");
  await field.pressSequentially("jk Jakarta");
  await expect(field).toHaveValue("jk Jakarta");
  await expect(group).toBeVisible();

  await field.press("Escape");
  await expect(group).toHaveCount(0);
  await expect(row(checker, ids.esc).getByRole("button").first()).toBeFocused();
  await expect(row(checker, ids.esc).getByText("Unsaved changes", { exact: true })).toBeVisible();
  await snap(checker, "deleted-drafts-esc-closed");

  await checker.keyboard.press("Enter");
  await expect(group.getByLabel("Claim reviewed")).toHaveValue("jk Jakarta");

  // The same browser, a second tab: the draft is there, and typing in one shows in the other.
  const second = await checker.context().newPage();
  await second.goto(statementPath);
  await waitForWorkbench(second);
  await expect(row(second, ids.esc).getByText("Unsaved changes", { exact: true })).toBeVisible();
  await group.getByLabel("Claim reviewed").fill("Typed in the first tab");
  await openItem(second, ids.esc);
  await expect(editorOf(second, ids.esc).getByLabel("Claim reviewed")).toHaveValue("Typed in the first tab");
  await editorOf(second, ids.esc).getByRole("button", { name: "Discard changes" }).click();
  await expect(group.getByLabel("Claim reviewed")).toHaveValue(stored);
  await checker.context().close();
});
