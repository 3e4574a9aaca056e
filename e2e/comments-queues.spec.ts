// Discussion and the work queues. A checker comments on a claim, mentions the editor through the
// suggestion list, edits and deletes their own comments (what was typed stays text); a viewer
// only reads; an editor moderates. Verdicts are then written straight into the database (the
// verdict workflow has its own spec) so the editor's review queue and the checker's "my work" have
// something to show: oldest first, filters, a row opens its claim. The activity log tells the story
// in words to the editor and refuses the checker.
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { selectQuote, waitForWorkbench } from "./support/annotate";
import { snap } from "./support/pages";
import { DESK, MEMBERS, storageStateOf, type SignedIn } from "./support/world";

const STATEMENT = [
  "The port authority said on Tuesday that 2.4 million containers passed through the harbour in 2023, a record for the third year running.",
  "It added that the new northern quay, opened in March, cut the average waiting time for ships to nine hours.",
  "The authority also claimed that the harbour employs 11,000 people directly.",
  "Fees will not rise before 2026, the chair promised.",
].join("\n\n");
const CLAIMS = [
  "2.4 million containers passed through the harbour in 2023",
  "cut the average waiting time for ships to nine hours",
  "the harbour employs 11,000 people directly",
  "Fees will not rise before 2026",
];

test.describe.configure({ mode: "serial" });

const claimPaths: string[] = [];
const claimId = (i: number) => claimPaths[i]!.split("/").pop()!;

async function open(browser: Browser, who: SignedIn, at: string): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(who), viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(at);
  return page;
}

const discussion = (page: Page) => page.getByRole("region", { name: /^Discussion/ });
const comments = (page: Page) => discussion(page).getByRole("list", { name: "Comments" });

/** The seeded run's database (see playwright.config.ts), for rows the verdict workflow would write. */
function database() {
  const runDir = process.env.E2E_RUN_DIR;
  if (!runDir) throw new Error("E2E_RUN_DIR is not set");
  return new Database(path.join(runDir, "seeded.db"));
}

const sqliteTime = (date: Date) => date.toISOString().replace("Z", "+00:00");

test("a checker highlights four claims to discuss", async ({ browser }) => {
  const page = await open(browser, "checker", `/w/${DESK.slug}/statements/import`);
  const paste = page.getByRole("form", { name: "Paste a statement" });
  await paste.getByLabel("Title", { exact: true }).fill("Harbour traffic report 2023");
  await paste.getByLabel("Speaker").fill("Port authority");
  await paste.getByLabel("Text", { exact: true }).fill(STATEMENT);
  await paste.getByRole("button", { name: "Import statement" }).click();
  await expect(page).toHaveURL(/\/statements\/[^/]+$/);
  for (const quote of CLAIMS) {
    await waitForWorkbench(page);
    await selectQuote(page, quote);
    await page.getByRole("toolbar", { name: "Highlight the selection" }).getByRole("button", { name: /^Claim/ }).click();
    const link = page.getByRole("group", { name: "Claim editor" }).getByRole("link", { name: /Open claim/ });
    await expect(link).toBeVisible();
    claimPaths.push(new URL((await link.getAttribute("href"))!, page.url()).pathname);
    await page.keyboard.press("Escape");
  }
  expect(new Set(claimPaths).size).toBe(4);
  await page.context().close();
});

test("a checker comments, mentions the editor from the suggestions, edits and deletes", async ({ browser }) => {
  const page = await open(browser, "checker", claimPaths[0]!);
  await expect(discussion(page).getByText("No comments yet.")).toBeVisible();

  const box = page.getByRole("textbox", { name: "Add a comment" });
  await box.click();
  await box.pressSequentially("Port statistics table attached. @edd");
  const suggestions = page.getByRole("listbox", { name: "Mention a member" });
  await expect(suggestions.getByRole("option", { name: MEMBERS.editor.name })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(box).toHaveValue(`Port statistics table attached. @${MEMBERS.editor.name} `);
  await expect(suggestions).toBeHidden();
  await box.pressSequentially("can you confirm the <b>2023</b> figure?");
  await page.getByRole("button", { name: "Post comment" }).click();

  const first = comments(page).getByRole("article", { name: `Comment by ${MEMBERS.checker.name}` }).first();
  await expect(first.locator("[data-mention]")).toHaveText(`@${MEMBERS.editor.name}`);
  // Typed markup is shown as text, never interpreted.
  await expect(first.getByText("can you confirm the <b>2023</b> figure?")).toBeVisible();
  await expect(first.locator("b")).toHaveCount(0);
  await expect(box).toHaveValue("");

  // Too long: refused with a message, the text is kept.
  await box.fill("x".repeat(5_001));
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(discussion(page).getByText("A comment can be at most 5,000 characters.")).toBeVisible();
  await expect(box).toHaveValue("x".repeat(5_001));
  await box.fill("Second thought, will delete.");
  await box.press("Control+Enter");
  await expect(comments(page).getByRole("article")).toHaveCount(2);

  await first.getByRole("button", { name: "Edit" }).click();
  const edit = first.getByRole("textbox", { name: "Edit your comment" });
  await expect(edit).toHaveValue(`Port statistics table attached. @${MEMBERS.editor.name} can you confirm the <b>2023</b> figure?`);
  await edit.fill(`Port statistics table attached, page 4. @${MEMBERS.editor.name} can you confirm the 2023 figure?`);
  await first.getByRole("button", { name: "Save" }).click();
  await expect(first.getByText("(edited)")).toBeVisible();
  await expect(first.getByText(/page 4\./)).toBeVisible();

  const second = comments(page).getByRole("article").nth(1);
  await second.getByRole("button", { name: "Delete" }).click();
  await second.getByRole("button", { name: "Delete comment" }).click();
  await expect(second.getByText("Comment deleted.")).toBeVisible();
  await expect(second.getByText("Second thought")).toHaveCount(0);
  await snap(page, "comments-thread-checker");
  await discussion(page).screenshot({ path: path.resolve(import.meta.dirname, "..", "test-results", "screenshots", "comments-thread-detail.png") });
  await page.context().close();
});

test("a viewer reads the thread but cannot comment; an editor moderates", async ({ browser }) => {
  const viewer = await open(browser, "viewer", claimPaths[0]!);
  await expect(comments(viewer).locator("[data-mention]")).toHaveText(`@${MEMBERS.editor.name}`);
  await expect(viewer.getByRole("textbox", { name: "Add a comment" })).toHaveCount(0);
  await expect(discussion(viewer).getByText(/Viewers can read the discussion/)).toBeVisible();
  await expect(discussion(viewer).getByRole("button", { name: /Edit|Delete/ })).toHaveCount(0);
  await viewer.context().close();

  const editor = await open(browser, "editor", claimPaths[0]!);
  const box = editor.getByRole("textbox", { name: "Add a comment" });
  await box.fill(`Confirmed with the port's annual report. @${MEMBERS.checker.name} please add it as a source.`);
  await editor.getByRole("button", { name: "Post comment" }).click();
  await expect(comments(editor).getByRole("article", { name: `Comment by ${MEMBERS.editor.name}` })).toBeVisible();
  // Someone else's comment: no edit, but delete (moderation) with a clear question.
  const checkers = comments(editor).getByRole("article", { name: `Comment by ${MEMBERS.checker.name}` }).first();
  await expect(checkers.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await checkers.getByRole("button", { name: "Delete" }).click();
  await expect(checkers.getByText(`Delete ${MEMBERS.checker.name}’s comment?`)).toBeVisible();
  await checkers.getByRole("button", { name: "Keep" }).click();
  await expect(checkers.getByText(/page 4\./)).toBeVisible();
  await snap(editor, "comments-thread-editor");
  await editor.context().close();
});

test("verdicts in review wait in the editor's queue, oldest first, and filter", async ({ browser }) => {
  const db = database();
  try {
    const user = (email: string) => (db.prepare(`SELECT id FROM "User" WHERE email = ?`).get(email) as { id: string }).id;
    const checker = user(MEMBERS.checker.email);
    const editor = user(MEMBERS.editor.email);
    const level = (label: string) =>
      (db.prepare(`SELECT l.id FROM "RatingLevel" l JOIN "RatingScale" s ON s.id = l."scaleId" JOIN "Workspace" w ON w.id = s."workspaceId" WHERE w.slug = ? AND l.label = ?`).get(DESK.slug, label) as { id: string }).id;
    const now = Date.now();
    const hours = (h: number) => sqliteTime(new Date(now - h * 3_600_000));
    const verdict = db.prepare(
      `INSERT INTO "Verdict" ("id", "claimId", "levelId", "summary", "explanation", "authorId", "status", "version", "submittedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const version = db.prepare(
      `INSERT INTO "VerdictVersion" ("id", "verdictId", "version", "levelId", "summary", "explanation", "submittedById", "submittedAt") VALUES (?, ?, 1, ?, ?, ?, ?, ?)`,
    );
    const rows: Array<[number, string, string, string, number | null]> = [
      [0, "Mostly true", "in_review", "The port's annual report gives 2.38 million containers.", 50],
      [1, "False", "in_review", "Waiting times rose after the quay opened.", 3],
      [2, "Half true", "changes_requested", "11,000 includes contractors.", 30],
      [3, "Unproven", "draft", "No fee schedule published yet.", null],
    ];
    db.transaction(() => {
      for (const [i, label, status, summary, age] of rows) {
        const id = `e2e-verdict-${i}-${now.toString(36)}`;
        const at = age === null ? hours(1) : hours(age);
        verdict.run(id, claimId(i), level(label), summary, "See the sources [1].", checker, status, status === "draft" ? 0 : 1, age === null ? null : at, at, at);
        if (status !== "draft") version.run(`${id}-v1`, id, level(label), summary, "See the sources [1].", checker, at);
        if (status === "changes_requested") {
          db.prepare(`INSERT INTO "Review" ("id", "verdictId", "version", "reviewerId", "decision", "note", "createdAt") VALUES (?, ?, 1, ?, 'changes_requested', ?, ?)`).run(
            `${id}-r1`, id, editor, "Say how many of the 11,000 are contractors, and cite the payroll table.", hours(2),
          );
        }
        db.prepare(`UPDATE "Claim" SET "status" = ?, "assigneeId" = ? WHERE id = ?`).run(status === "in_review" ? "in_review" : "researching", i < 3 ? checker : null, claimId(i));
      }
    })();
  } finally {
    db.close();
  }

  const page = await open(browser, "editor", `/w/${DESK.slug}/review`);
  const queue = page.getByRole("table");
  const mine = queue.getByRole("row").filter({ hasText: "Harbour traffic report 2023" });
  await expect(mine).toHaveCount(2);
  await expect(mine.nth(0)).toContainText(CLAIMS[0]!);
  await expect(mine.nth(0)).toContainText("Mostly true");
  await expect(mine.nth(0)).toContainText("2 days");
  await expect(mine.nth(1)).toContainText(CLAIMS[1]!);
  await expect(mine.nth(1)).toContainText("3 hours");
  await snap(page, "review-queue");

  await page.getByLabel("Rating").selectOption({ label: "False" });
  await page.getByLabel("Statement or speaker").fill("harbour");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/rating=/);
  await expect(queue.getByRole("row")).toHaveCount(2); // the header and one verdict
  await expect(queue).toContainText(CLAIMS[1]!);
  await page.getByLabel("Statement or speaker").fill("no such speaker");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No verdict in review matches these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();

  await mine.nth(0).getByRole("link", { name: CLAIMS[0]! }).click();
  await expect(page).toHaveURL(new RegExp(`${claimPaths[0]}$`));
  await page.context().close();
});

test("my work lists what came back, what is assigned, drafts and mentions", async ({ browser }) => {
  const page = await open(browser, "checker", `/w/${DESK.slug}/my-work`);
  const sentBack = page.getByRole("region", { name: /Changes requested/ });
  await expect(sentBack).toContainText(CLAIMS[2]!);
  await expect(sentBack).toContainText(`${MEMBERS.editor.name} asked for changes`);
  await expect(sentBack).toContainText("cite the payroll table");
  const assigned = page.getByRole("region", { name: /Assigned to you/ });
  await expect(assigned.getByRole("link", { name: CLAIMS[0]! })).toBeVisible();
  await expect(assigned.getByRole("link", { name: CLAIMS[2]! })).toBeVisible();
  await expect(page.getByRole("region", { name: /Your drafts/ })).toContainText(CLAIMS[3]!);
  const mentions = page.getByRole("region", { name: /Mentions/ });
  await expect(mentions).toContainText(`${MEMBERS.editor.name} mentioned you on`);
  await expect(mentions.locator("[data-mention]")).toHaveText(`@${MEMBERS.checker.name}`);
  await snap(page, "my-work");
  await mentions.getByRole("link", { name: CLAIMS[0]! }).click();
  await expect(page).toHaveURL(/#comment-/);
  await expect(comments(page).getByRole("article", { name: `Comment by ${MEMBERS.editor.name}` })).toBeVisible();

  // The checker has no review queue and no activity log.
  await page.goto(`/w/${DESK.slug}/review`);
  await expect(page.getByText("Only editors and admins of E2E desk review verdicts.")).toBeVisible();
  await page.goto(`/w/${DESK.slug}/activity`);
  await expect(page.getByText("Only editors and admins of E2E desk can read its activity log.")).toBeVisible();
  await page.context().close();

  const viewer = await open(browser, "viewer", `/w/${DESK.slug}/my-work`);
  await expect(viewer.getByText(/Viewers have no work queue/)).toBeVisible();
  await viewer.context().close();
});

test("the activity log tells an editor who did what, and filters", async ({ browser }) => {
  const page = await open(browser, "editor", `/w/${DESK.slug}/activity`);
  await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  const log = page.locator("main");
  await expect(log.getByText(`${MEMBERS.editor.name} commented on the claim “${CLAIMS[0]}”`)).toBeVisible();
  await expect(log.getByText(`${MEMBERS.checker.name} deleted their comment on the claim “${CLAIMS[0]}”`)).toBeVisible();
  await expect(log.locator("[data-action='statement.imported']").first()).toContainText(`${MEMBERS.checker.name} imported the statement “Harbour traffic report 2023”`);
  await snap(page, "activity-log");

  await page.getByLabel("Who").selectOption({ label: MEMBERS.checker.name });
  await page.getByLabel("What").selectOption({ label: "Comment edited" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/what=action%3Acomment\.edited/);
  await expect(log.locator("li[data-action]")).toHaveCount(1);
  await expect(log.locator("li[data-action]")).toContainText(`${MEMBERS.checker.name} edited a comment on the claim “${CLAIMS[0]}”`);
  await log.getByRole("link", { name: `“${CLAIMS[0]}”` }).click();
  await expect(page).toHaveURL(/\/claims\/[^/#]+#comment-/);
  await page.goBack();

  await page.getByLabel("From", { exact: true }).fill("2030-01-02");
  await page.getByLabel("To", { exact: true }).fill("2030-01-01");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("The end date is before the start date.").first()).toBeVisible();
  await page.context().close();
});
