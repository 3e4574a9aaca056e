// Live collaboration on one statement: a checker and an editor have it open in two browsers; what
// one highlights, changes or deletes appears in the other's text and list without a reload. A
// member of another desk cannot open the statement's event stream.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { isSameDocument, openWorkbench, pasteStatement, savedHighlightIds, selectQuote, textUnder } from "./support/annotate";
import { snap } from "./support/pages";
import { storageStateOf, type SignedIn } from "./support/world";

const STATEMENT = [
  "The ministry said on Monday that 303 civilians had been hurt since November 2020.",
  "It added that four resolutions of the UN Security Council adopted in 1993 had never been implemented, and that the talks would resume in spring.",
].join("\n\n");
const CLAIM = "303 civilians had been hurt since November 2020";
const NOTE = "four resolutions of the UN Security Council";

test.describe.configure({ mode: "serial" });

let statementPath = "";
let statementId = "";

const open = (browser: Browser, who: SignedIn) => openWorkbench(browser, who, statementPath);
const sameDocument = isSameDocument;
const leavesOf = (page: Page, id: string) => page.locator(`[data-testid="statement-text"] [data-highlight-ids~="${id}"]`);
const rowOf = (page: Page, id: string) => page.locator(`[data-item-id="${id}"]`);

test("a checker pastes a statement", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("checker") });
  const page = await context.newPage();
  statementPath = await pasteStatement(page, `Live updates ${Date.now().toString(36)}`, STATEMENT);
  statementId = statementPath.split("/").pop()!;
  await context.close();
});

test("what one person highlights, changes and deletes, the other sees without reloading", async ({ browser }) => {
  const checker = await open(browser, "checker");
  const editor = await open(browser, "editor");

  // The checker makes a claim: the editor's text and list show it.
  await selectQuote(checker, CLAIM);
  // The key acts on the selection the page has taken in, which the toolbar shows.
  await expect(checker.getByRole("toolbar", { name: "Highlight the selection" })).toBeVisible();
  await checker.keyboard.press("c");
  await expect(checker.getByRole("group", { name: "Claim editor" })).toBeVisible();
  const [claimId] = await savedHighlightIds(checker);
  expect(claimId).toBeTruthy();
  await expect(leavesOf(editor, claimId!).first()).toBeVisible();
  expect(await textUnder(editor, claimId!)).toBe(CLAIM);
  await expect(rowOf(editor, claimId!)).toContainText("Chris Checker");
  await expect(rowOf(editor, claimId!)).toContainText("To check");

  // The editor adds a note in the next paragraph: the checker sees it too.
  await selectQuote(editor, NOTE);
  await editor.getByRole("toolbar", { name: "Highlight the selection" }).getByRole("button", { name: /^Note/ }).click();
  await expect(editor.locator('[data-highlight-state="saving"]')).toHaveCount(0);
  const noteId = (await savedHighlightIds(editor)).find((id) => id !== claimId)!;
  await expect(leavesOf(checker, noteId).first()).toBeVisible();
  expect(await textUnder(checker, noteId)).toBe(NOTE);
  await expect(checker.getByRole("list", { name: "Highlights in text order" }).getByRole("listitem")).toHaveCount(2);

  // The checker moves the claim on: the editor's list follows.
  const claimEditor = checker.getByRole("group", { name: "Claim editor" });
  await claimEditor.getByLabel("Status").selectOption("researching");
  await claimEditor.getByRole("button", { name: "Save claim" }).click();
  await expect(claimEditor.getByRole("status")).toHaveText("Claim saved.");
  await expect(rowOf(editor, claimId!)).toContainText("Researching");
  await snap(editor, "live-updates-other-browser");

  // The checker deletes the claim: it leaves the editor's text and list; the note stays.
  await claimEditor.getByRole("button", { name: "Delete claim" }).click();
  await claimEditor.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(leavesOf(checker, claimId!)).toHaveCount(0);
  await expect(leavesOf(editor, claimId!)).toHaveCount(0);
  await expect(rowOf(editor, claimId!)).toHaveCount(0);
  await expect(leavesOf(editor, noteId).first()).toBeVisible();

  // Neither page was reloaded, and each shows every highlight once.
  expect(await sameDocument(editor)).toBe(true);
  expect(await sameDocument(checker)).toBe(true);
  for (const page of [checker, editor]) await expect(page.getByRole("list", { name: "Highlights in text order" }).getByRole("listitem")).toHaveCount(1);
  await checker.context().close();
  await editor.context().close();
});

test("a member of another desk cannot open the statement's event stream", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("outsider") });
  const response = await context.request.get(`/api/statements/${statementId}/events`);
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain("data:");
  const signedOut = await browser.newContext();
  expect((await signedOut.request.get(`/api/statements/${statementId}/events`)).status()).toBe(401);
  await context.close();
  await signedOut.close();
});
