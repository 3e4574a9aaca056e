// Live corrections: an editor corrects the statement's text while a checker has it open with a
// claim half-edited. The checker is told at once (a banner naming the editor and the revision),
// the text is not swapped under them; a passage they highlight on the old text is refused with a
// clear reason, never placed on the new text; "Show the corrected text" moves everything onto the
// new revision and keeps what they were typing. The header's claim count follows others' claims.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { isSameDocument, openWorkbench, pasteStatement, savedHighlightIds, selectQuote, textUnder } from "./support/annotate";
import { snap } from "./support/pages";
import { storageStateOf, type SignedIn } from "./support/world";

const STATEMENT = [
  "The ministry said on Monday that 303 civilians had been hurt since November 2020.",
  "It added that four resolutions of the UN Security Council adopted in 1993 had never been implemented, and that the talks would resume in spring.",
].join("\n\n");
const CLAIM = "303 civilians had been hurt since November 2020";
const NOTE = "the talks would resume in spring";
const ADDED = "In a statement published on its website, ";
const LATE = "four resolutions of the UN Security Council";

test.describe.configure({ mode: "serial" });

let statementPath = "";

const open = (browser: Browser, who: SignedIn) => openWorkbench(browser, who, statementPath);
const sameDocument = isSameDocument;
const statementText = (page: Page) => page.getByTestId("statement-text");
const claimCount = (page: Page) => page.getByTestId("claim-count");
const banner = (page: Page) => page.getByRole("status", { name: "Text corrected" });

async function highlight(page: Page, quote: string, kind: "Claim" | "Note"): Promise<string> {
  const before = new Set(await savedHighlightIds(page));
  await selectQuote(page, quote);
  await page.getByRole("toolbar", { name: "Highlight the selection" }).getByRole("button", { name: new RegExp(`^${kind}`) }).click();
  await expect(page.locator('[data-highlight-state="saving"]')).toHaveCount(0);
  const id = (await savedHighlightIds(page)).find((x) => !before.has(x));
  expect(id, `a saved ${kind.toLowerCase()} on “${quote}”`).toBeTruthy();
  return id!;
}

test("a checker pastes a statement and marks a claim and a note", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("checker"), viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  statementPath = await pasteStatement(page, `Live corrections ${Date.now().toString(36)}`, STATEMENT);
  await highlight(page, CLAIM, "Claim");
  await highlight(page, NOTE, "Note");
  await expect(claimCount(page)).toHaveText("1");
  await context.close();
});

async function correct(editor: Page, from: string, to: string, revision: number): Promise<void> {
  await editor.goto(`${statementPath}/correct`);
  const textarea = editor.getByLabel("Statement text");
  await expect(textarea).toBeEditable();
  const before = await textarea.inputValue();
  expect(before).toContain(from);
  await textarea.fill(before.replace(from, to));
  await editor.getByRole("button", { name: "Save correction" }).click();
  await expect(editor.getByRole("status").filter({ hasText: `Saved as revision ${revision}` })).toBeVisible();
}

test("an editor corrects the text: the checker is told, keeps their typing, and shows the corrected text when they choose", async ({ browser }) => {
  const checker = await open(browser, "checker");
  const editor = await open(browser, "editor");
  const ids = await savedHighlightIds(checker);
  const claimId = (await Promise.all(ids.map(async (id) => [id, await textUnder(checker, id)] as const))).find(([, text]) => text === CLAIM)![0];
  const noteId = ids.find((id) => id !== claimId)!;

  // The checker is rewording the claim, not saved yet.
  await checker.locator(`[data-item-id="${claimId}"]`).getByRole("button").first().click();
  const claimEditor = checker.getByRole("group", { name: "Claim editor" });
  const reworded = "The ministry says 303 civilians were hurt since November 2020 (still being worded)";
  await claimEditor.getByLabel("Claim reviewed").fill(reworded);

  // The editor corrects the text on its own page.
  await correct(editor, "It added", `${ADDED}it added`, 2);

  // The checker hears of it at once, calmly: a banner, the old text still in place, the typing kept.
  await expect(banner(checker)).toContainText("Eddie Editor corrected the text — revision 2. Highlights have been moved to the new text.");
  await expect(banner(checker).getByRole("button", { name: "Show the corrected text" })).toBeVisible();
  await expect(statementText(checker)).not.toContainText(ADDED);
  await expect(claimEditor.getByLabel("Claim reviewed")).toHaveValue(reworded);
  await snap(checker, "live-corrections-banner");
  await checker.screenshot({ path: "test-results/screenshots/live-corrections-banner-viewport.png" });

  // The checker switches: new text, highlights moved with it, the typing still there, no reload.
  await banner(checker).getByRole("button", { name: "Show the corrected text" }).click();
  await expect(banner(checker)).toHaveCount(0);
  await expect(statementText(checker)).toContainText(ADDED);
  await expect(checker.locator(`[data-testid="statement-text"] [data-highlight-ids~="${noteId}"]`).first()).toBeVisible();
  expect(await textUnder(checker, claimId)).toBe(CLAIM);
  expect(await textUnder(checker, noteId)).toBe(NOTE);
  await expect(claimEditor.getByLabel("Claim reviewed")).toHaveValue(reworded);
  await expect(checker.getByText("Revision", { exact: true }).locator("..")).toContainText("2");
  await snap(checker, "live-corrections-after-switch");
  // The typing is saved onto the moved claim.
  await claimEditor.getByRole("button", { name: "Save claim" }).click();
  await expect(claimEditor.getByRole("status")).toHaveText("Claim saved.");

  // A second correction; this time the checker highlights a passage of the old text before switching.
  await correct(editor, "talks would resume in spring", "talks would resume in the spring", 3);
  await expect(banner(checker)).toContainText("Eddie Editor corrected the text — revision 3.");
  await selectQuote(checker, LATE);
  await checker.getByRole("toolbar", { name: "Highlight the selection" }).getByRole("button", { name: /^Note/ }).click();
  // Refused with the reason, and no retry: it would be saved on the wrong words.
  const refused = checker.getByRole("alert").filter({ hasText: "the text was corrected meanwhile; select the passage again." });
  await expect(refused).toBeVisible();
  await expect(refused.getByRole("button", { name: "Retry" })).toHaveCount(0);
  await snap(checker, "live-corrections-refused-on-old-text");

  // Switching keeps the refused passage listed (never silently dropped) but places nothing for it.
  await banner(checker).getByRole("button", { name: "Show the corrected text" }).click();
  await expect(banner(checker)).toHaveCount(0);
  await expect(statementText(checker)).toContainText("resume in the spring");
  await expect(refused).toBeVisible();
  expect((await savedHighlightIds(checker)).sort()).toEqual([claimId, noteId].sort());
  expect(await textUnder(checker, claimId)).toBe(CLAIM);
  await expect(checker.locator("[data-highlight-ids]").filter({ hasText: LATE })).toHaveCount(0);

  // Discarded, and selected again on the corrected text, it saves where it belongs.
  await refused.getByRole("button", { name: "Discard" }).click();
  await expect(refused).toHaveCount(0);
  const late = await highlight(checker, LATE, "Note");
  expect(await textUnder(checker, late)).toBe(LATE);
  expect(await sameDocument(checker)).toBe(true);
  await checker.context().close();
  await editor.context().close();
});

test("the header's claim count follows the claims others add and delete", async ({ browser }) => {
  const checker = await open(browser, "checker");
  const editor = await open(browser, "editor");
  await expect(claimCount(checker)).toHaveText("1");

  const added = await highlight(editor, "four resolutions", "Claim");
  await expect(claimCount(editor)).toHaveText("2");
  await expect(claimCount(checker)).toHaveText("2");

  const claimEditor = editor.getByRole("group", { name: "Claim editor" });
  await claimEditor.getByRole("button", { name: "Delete claim" }).click();
  await claimEditor.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(claimCount(checker)).toHaveText("1");
  await expect(claimCount(editor)).toHaveText("1");
  expect(await sameDocument(checker)).toBe(true);
  await checker.context().close();
  await editor.context().close();
});
