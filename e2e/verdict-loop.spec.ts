// The verdict loop on a real statement: a checker highlights a claim, adds two sources, drafts a
// verdict (kept in the browser across a reload until saved) and submits it; an editor requests
// changes with a note; the checker revises and resubmits; the editor approves and publishes; the
// history tells every step. Then two people edit one draft at once: the second save is shown both
// versions and keeps its own or takes theirs — nothing is overwritten silently.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { selectQuote, waitForWorkbench } from "./support/annotate";
import { snap } from "./support/pages";
import { CORPUS_DIR, DESK, storageStateOf, type SignedIn } from "./support/world";

const corpusFile = path.join(CORPUS_DIR, readdirSync(CORPUS_DIR).find((f) => /^004_.*\.txt$/.test(f)) ?? "004.txt");

// Passages of the statement (corpus 004).
const CLAIM = "Azerbaijani military serviceman Asif Aliyev martyred";
const SECOND_CLAIM = "Armenian military units intensively fired the positions of Azerbaijani army";

const SUMMARY_1 = "The ministry's account of the December 8 incident could not be verified independently.";
const EXPLANATION_1 = "The defence ministry's statement [1] names the serviceman. The OSCE report [3] has no record of the incident.";
const EXPLANATION_FIXED = "The defence ministry's statement [1] names the serviceman. The OSCE report [2] has no record of the incident.";
const EXPLANATION_2 = "The defence ministry's statement [1] names the serviceman and the place. The OSCE report [2] has no record of the incident; its monitors were not deployed in Kalbajar.";
const NOTE = "Say whether OSCE monitors were in Kalbajar at the time.";

test.describe.configure({ mode: "serial" });

let statementPath = "";
let claimPath = "";

async function open(browser: Browser, who: SignedIn, at = claimPath): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(who), viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(at);
  return page;
}

const verdict = (page: Page) => page.getByRole("region", { name: "Verdict", exact: true });
const draftForm = (page: Page) => page.getByRole("form", { name: "Verdict draft" });
const history = (page: Page) => page.getByRole("list", { name: "Verdict history" });

/** Highlights `quote` as a claim in the workbench and follows the claim editor's link to its page. */
async function makeClaim(page: Page, quote: string): Promise<string> {
  await waitForWorkbench(page);
  await selectQuote(page, quote);
  await page.getByRole("toolbar", { name: "Highlight the selection" }).getByRole("button", { name: /^Claim/ }).click();
  const claimEditor = page.getByRole("group", { name: "Claim editor" });
  await expect(claimEditor).toBeVisible();
  await claimEditor.getByRole("link", { name: /Open claim/ }).click();
  await expect(page).toHaveURL(/\/claims\/[^/]+$/);
  await expect(verdict(page)).toBeVisible();
  return new URL(page.url()).pathname;
}

async function addSource(page: Page, source: { url: string; title: string; stance: RegExp }) {
  const form = page.getByRole("form", { name: "Add source" });
  await form.getByLabel("URL", { exact: true }).fill(source.url);
  await form.getByLabel("Title").fill(source.title);
  await form.getByRole("radio", { name: source.stance }).check();
  await form.getByRole("button", { name: "Add source" }).click();
  await expect(form.getByRole("status")).toHaveText(/Added as source \[\d\]\./);
}

test("a checker highlights a claim in a corpus statement and opens its page", async ({ browser }) => {
  const page = await open(browser, "checker", `/w/${DESK.slug}/statements/import`);
  await page.getByLabel("Files", { exact: true }).setInputFiles(corpusFile);
  await page.getByRole("button", { name: "Upload and import" }).click();
  const created = page.getByRole("region", { name: "Upload summary" }).getByRole("link").first();
  await expect(created).toBeVisible();
  await created.click();
  await waitForWorkbench(page);
  statementPath = new URL(page.url()).pathname;
  claimPath = await makeClaim(page, CLAIM);
  await expect(page.getByTestId("claim-status")).toHaveText("To check");
  await expect(verdict(page).getByText(/No verdict yet/)).toBeVisible();
  await expect(page.getByRole("region", { name: "History" })).toContainText("Nothing yet");
  await snap(page, "verdict-empty");
  await page.context().close();
});

test("the checker adds two sources, drafts a verdict that survives a reload, and submits it", async ({ browser }) => {
  const page = await open(browser, "checker");
  await addSource(page, { url: "https://mod.example.gov/news/2021-12-08", title: "Ministry of Defence statement, 8 December 2021", stance: /Supports/ });
  await addSource(page, { url: "https://osce.example.org/reports/2021/12", title: "OSCE monthly report, December 2021", stance: /Context/ });

  const form = draftForm(page);
  await form.getByLabel("Rating").selectOption({ label: "Unproven" });
  await form.getByLabel("Summary").fill(SUMMARY_1);
  await form.getByLabel("Explanation").fill(EXPLANATION_1);
  // Cited numbers are checked while typing…
  await expect(form.getByText("[3] cites a source that does not exist yet")).toBeVisible();
  await form.getByRole("button", { name: "Save draft" }).click();
  await expect(form.getByRole("status")).toHaveText("Draft saved.");
  await expect(verdict(page).getByTestId("verdict-status")).toHaveText("Draft");
  await expect(page.getByTestId("claim-status")).toHaveText("Researching");

  // Typing that was never saved comes back after a reload, offered rather than imposed.
  await form.getByLabel("Summary").fill(`${SUMMARY_1} Unsaved addition.`);
  await expect(form.getByText("Unsaved changes (kept in this browser)")).toBeVisible();
  await page.reload();
  const offer = page.getByRole("region", { name: "Unsaved changes" });
  await expect(offer).toBeVisible();
  await expect(draftForm(page).getByLabel("Summary")).toHaveValue(SUMMARY_1);
  await snap(page, "verdict-draft-restore-offer");
  await offer.getByRole("button", { name: "Restore my changes" }).click();
  await expect(draftForm(page).getByLabel("Summary")).toHaveValue(`${SUMMARY_1} Unsaved addition.`);
  await draftForm(page).getByLabel("Summary").fill(SUMMARY_1);

  // …and refused on submission, keeping everything typed.
  await draftForm(page).getByRole("button", { name: "Submit for review" }).click();
  await expect(draftForm(page).getByText("[3] cites a source that does not exist: this claim has 2 sources.")).toBeVisible();
  await expect(draftForm(page).getByLabel("Explanation")).toHaveAttribute("aria-invalid", "true");
  await expect(draftForm(page).getByLabel("Summary")).toHaveValue(SUMMARY_1);
  await snap(page, "verdict-draft-citation-error");
  await draftForm(page).getByLabel("Explanation").fill(EXPLANATION_FIXED);
  await draftForm(page).getByRole("button", { name: "Submit for review" }).click();

  await expect(verdict(page).getByTestId("verdict-status")).toHaveText("In review");
  await expect(page.getByTestId("claim-status")).toHaveText("In review");
  await expect(verdict(page).getByText("Submitted for review. An editor will approve it or ask for changes.")).toBeVisible();
  await expect(verdict(page).getByRole("link", { name: "Source 2: OSCE monthly report, December 2021" })).toHaveAttribute("href", "#source-2");
  await expect(verdict(page).getByRole("form", { name: "Review" })).toHaveCount(0);
  await snap(page, "verdict-in-review-checker");
  await page.context().close();
});

test("an editor requests changes with a note", async ({ browser }) => {
  const page = await open(browser, "editor");
  const review = verdict(page).getByRole("form", { name: "Review" });
  await expect(verdict(page).getByTestId("verdict-summary")).toHaveText(SUMMARY_1);
  await snap(page, "verdict-in-review-editor");
  await review.getByRole("button", { name: "Request changes" }).click();
  await expect(review.getByText("Write a note telling the author what to change.").first()).toBeVisible();
  await review.getByLabel("Note to the author").fill(NOTE);
  await review.getByRole("button", { name: "Request changes" }).click();
  await expect(verdict(page).getByTestId("verdict-status")).toHaveText("Changes requested");
  await expect(page.getByTestId("claim-status")).toHaveText("Researching");
  await page.context().close();
});

test("the checker revises and resubmits", async ({ browser }) => {
  const page = await open(browser, "checker");
  const note = verdict(page).getByRole("note", { name: "Changes requested" });
  await expect(note).toContainText("Eddie Editor requested changes");
  await expect(note).toContainText(NOTE);
  await expect(draftForm(page).getByLabel("Explanation")).toHaveValue(EXPLANATION_FIXED);
  await draftForm(page).getByLabel("Explanation").fill(EXPLANATION_2);
  await snap(page, "verdict-changes-requested");
  await draftForm(page).getByRole("button", { name: "Submit for review" }).click();
  await expect(verdict(page).getByTestId("verdict-status")).toHaveText("In review");
  await expect(verdict(page)).toContainText("version 2");
  await page.context().close();
});

test("the editor approves and publishes; the history shows every step", async ({ browser }) => {
  const page = await open(browser, "editor");
  await verdict(page).getByRole("form", { name: "Review" }).getByRole("button", { name: "Approve" }).click();
  await expect(verdict(page).getByTestId("verdict-status")).toHaveText("Approved");
  await expect(page.getByTestId("claim-status")).toHaveText("Checked");
  await verdict(page).getByRole("button", { name: "Publish" }).click();
  await expect(verdict(page).getByTestId("verdict-status")).toHaveText("Published");
  await expect(verdict(page)).toContainText(/published \d+ \w+ \d{4}/);

  const steps = history(page).getByRole("listitem");
  await expect(steps).toHaveCount(6);
  await expect(steps.nth(0)).toContainText("Verdict drafted by Chris Checker");
  await expect(steps.nth(1)).toContainText("Version 1 submitted by Chris Checker");
  await expect(steps.nth(2)).toContainText("Changes requested by Eddie Editor");
  await expect(steps.nth(2)).toContainText(NOTE);
  await expect(steps.nth(3)).toContainText("Version 2 submitted by Chris Checker");
  await expect(steps.nth(4)).toContainText("Approved by Eddie Editor");
  await expect(steps.nth(5)).toContainText("Published by Eddie Editor");
  const changes = page.getByTestId("version-2-changes");
  await expect(changes.locator("ins").first()).toContainText("and the place");
  await expect(changes.locator("ins").nth(1)).toContainText("its monitors were not deployed in Kalbajar");
  await expect(changes.locator("del")).toHaveCount(0);
  await snap(page, "verdict-published-history");
  await page.context().close();

  const viewer = await open(browser, "viewer");
  await expect(verdict(viewer).getByTestId("verdict-status")).toHaveText("Published");
  await expect(verdict(viewer).getByTestId("verdict-rating")).toHaveText("Unproven");
  await expect(verdict(viewer).getByRole("form")).toHaveCount(0);
  await expect(verdict(viewer).getByRole("button")).toHaveCount(0);
  await viewer.context().close();
});

test("the editor withdraws the published verdict with a reason and reopens it as a draft", async ({ browser }) => {
  const page = await open(browser, "editor");
  await verdict(page).getByText("Withdraw this verdict…").click();
  const withdraw = verdict(page).getByRole("form", { name: "Withdraw verdict" });
  await withdraw.getByRole("button", { name: "Withdraw verdict" }).click();
  await expect(withdraw.getByText("Give a reason for withdrawing the verdict.").first()).toBeVisible();
  await withdraw.getByLabel("Reason for withdrawing").fill("The OSCE published new figures for December.");
  await withdraw.getByRole("button", { name: "Withdraw verdict" }).click();
  await expect(verdict(page).getByTestId("verdict-status")).toHaveText("Withdrawn");
  await expect(verdict(page).getByRole("note", { name: "Withdrawn" })).toContainText("The OSCE published new figures for December.");
  await expect(page.getByTestId("claim-status")).toHaveText("Researching");
  await snap(page, "verdict-withdrawn");
  await verdict(page).getByRole("button", { name: "Reopen as draft" }).click();
  await expect(verdict(page).getByTestId("verdict-status")).toHaveText("Draft");
  await expect(draftForm(page).getByLabel("Explanation")).toHaveValue(EXPLANATION_2);
  const steps = history(page).getByRole("listitem");
  await expect(steps).toHaveCount(8);
  await expect(steps.nth(6)).toContainText("Withdrawn by Eddie Editor");
  await expect(steps.nth(6)).toContainText("The OSCE published new figures for December.");
  await expect(steps.nth(7)).toContainText("Reopened as a draft by Eddie Editor");
  await page.context().close();
});

test("two people save the same draft: the second sees both versions, keeps theirs or takes the other", async ({ browser }) => {
  const checker = await open(browser, "checker", statementPath);
  const secondClaim = await makeClaim(checker, SECOND_CLAIM);
  const start = draftForm(checker);
  await start.getByLabel("Rating").selectOption({ label: "Mostly true" });
  await start.getByLabel("Summary").fill("Both sides reported firing on December 9–10.");
  await start.getByRole("button", { name: "Save draft" }).click();
  await expect(start.getByRole("status")).toHaveText("Draft saved.");

  const editor = await open(browser, "editor", secondClaim);
  await expect(draftForm(editor).getByLabel("Summary")).toHaveValue("Both sides reported firing on December 9–10.");

  // The checker saves first; the editor, still on the older version, second.
  await start.getByLabel("Summary").fill("Both sides reported firing on December 9 and 10.");
  await start.getByRole("button", { name: "Save draft" }).click();
  await expect(start.getByRole("status")).toHaveText("Draft saved.");
  await draftForm(editor).getByLabel("Summary").fill("Armenia denied firing on December 9–10.");
  await draftForm(editor).getByLabel("Rating").selectOption({ label: "Half true" });
  await draftForm(editor).getByRole("button", { name: "Save draft" }).click();

  const conflict = editor.getByRole("region", { name: "Edit conflict" });
  await expect(conflict.getByRole("alert")).toContainText("Someone saved this verdict while you were editing it.");
  await expect(conflict.getByTestId("conflict-theirs")).toContainText("Both sides reported firing on December 9 and 10.");
  await expect(conflict.getByTestId("conflict-yours")).toContainText("Armenia denied firing on December 9–10.");
  await expect(conflict.getByTestId("conflict-yours").getByTestId("verdict-rating")).toHaveText("Half true");
  await snap(editor, "verdict-conflict");
  await conflict.getByRole("button", { name: "Keep mine (save over theirs)" }).click();
  await expect(draftForm(editor).getByRole("status")).toHaveText("Draft saved.");
  await expect(draftForm(editor).getByLabel("Summary")).toHaveValue("Armenia denied firing on December 9–10.");

  // Now the checker is behind: their next save conflicts, and they take the editor's text.
  await start.getByLabel("Summary").fill("Checker's late edit.");
  await start.getByRole("button", { name: "Save draft" }).click();
  const checkerConflict = checker.getByRole("region", { name: "Edit conflict" });
  await expect(checkerConflict.getByTestId("conflict-theirs")).toContainText("Armenia denied firing on December 9–10.");
  await checkerConflict.getByRole("button", { name: "Take theirs" }).click();
  await expect(draftForm(checker).getByLabel("Summary")).toHaveValue("Armenia denied firing on December 9–10.");
  await expect(draftForm(checker).getByLabel("Rating")).toHaveValue(/.+/);
  await checker.reload();
  await expect(draftForm(checker).getByLabel("Summary")).toHaveValue("Armenia denied firing on December 9–10.");
  await expect(checker.getByRole("region", { name: "Unsaved changes" })).toHaveCount(0);
  await checker.context().close();
  await editor.context().close();
});
