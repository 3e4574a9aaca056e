// A claim's sources: a checker adds evidence (a refused link keeps everything typed, the same page
// twice is reported), links open safely in a new tab and what was typed stays text; an editor
// edits and removes someone else's source and the rest are renumbered; a viewer only reads.
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { selectQuote, waitForWorkbench } from "./support/annotate";
import { snap } from "./support/pages";
import { DESK, storageStateOf, type SignedIn } from "./support/world";

const STATEMENT = [
  "The ministry of education reported on Monday that 412 schools were renovated in 2022, twice as many as in the year before.",
  "Officials added that the programme cost 18 million and finished ahead of schedule.",
].join("\n\n");
const CLAIM = "412 schools were renovated in 2022";

const FIRST = {
  url: "https://www.example.org/education/schools-2022/?utm_source=feed#results",
  stored: "https://www.example.org/education/schools-2022/",
  title: "School renovation audit <b>2022</b>",
  publisher: "National Audit Office",
  date: "2023-03-14",
  excerpt: "Of the 412 projects reported as completed, 236 were finished by the end of 2022.\n\nThe rest were still under way.",
};
const SECOND = {
  url: "https://stats.example.net/tables/education/7",
  title: "Education statistics, table 7",
  publisher: "Statistics office",
  archive: "https://web.archive.org/web/2023/https://stats.example.net/tables/education/7",
};

test.describe.configure({ mode: "serial" });

let claimPath = "";

async function open(browser: Browser, who: SignedIn): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(who), viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(claimPath);
  await expect(page.getByRole("heading", { level: 2, name: "Sources" })).toBeVisible();
  return page;
}

const sourcesList = (page: Page) => page.getByRole("list", { name: "Sources" });
const sourceSection = (page: Page) => page.getByRole("region", { name: "Sources" });

/** The whole page, and the Sources section alone at full size (the page shot is scaled down to read). */
async function snapSources(page: Page, name: string): Promise<void> {
  await snap(page, name);
  await sourceSection(page).screenshot({ path: path.resolve(import.meta.dirname, "..", "test-results", "screenshots", `${name}-section.png`) });
}

test("a checker makes a claim to research", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("checker") });
  const page = await context.newPage();
  await page.goto(`/w/${DESK.slug}/statements/import`);
  const paste = page.getByRole("form", { name: "Paste a statement" });
  await paste.getByLabel("Title", { exact: true }).fill("Schools renovated in 2022");
  await paste.getByLabel("Text", { exact: true }).fill(STATEMENT);
  await paste.getByRole("button", { name: "Import statement" }).click();
  await expect(page).toHaveURL(/\/statements\/(?!import$)[^/]+$/);
  await waitForWorkbench(page);
  await selectQuote(page, CLAIM);
  await expect(page.getByRole("toolbar", { name: "Highlight the selection" })).toBeVisible();
  await page.keyboard.press("c");
  const claimEditor = page.getByRole("group", { name: "Claim editor" });
  await expect(claimEditor).toBeVisible();
  await claimEditor.getByRole("link", { name: /Open claim/ }).click();
  await expect(page).toHaveURL(/\/claims\/[^/]+$/);
  claimPath = new URL(page.url()).pathname;
  await context.close();
});

test("a checker adds sources: a refused link keeps the typing, the same page twice is reported", async ({ browser }) => {
  const page = await open(browser, "checker");
  const section = sourceSection(page);
  await expect(section.getByText(/No sources yet\. Add the documents/)).toBeVisible();
  await snapSources(page, "claim-sources-empty");

  const form = page.getByRole("form", { name: "Add source" });
  await form.getByLabel("URL", { exact: true }).fill("javascript:alert(document.cookie)");
  await form.getByLabel("Title").fill(FIRST.title);
  await form.getByLabel("Publisher").fill(FIRST.publisher);
  await form.getByLabel("Publication date").fill(FIRST.date);
  await form.getByRole("radio", { name: /Refutes/ }).check();
  await form.getByLabel("Quoted excerpt").fill(FIRST.excerpt);
  await form.getByRole("button", { name: "Add source" }).click();
  await expect(form.getByText("Only web links (http or https) can be added, not “javascript:” links.")).toBeVisible();
  await expect(form.getByLabel("URL", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("URL", { exact: true })).toHaveValue("javascript:alert(document.cookie)");
  await expect(form.getByLabel("Title")).toHaveValue(FIRST.title);
  await expect(form.getByLabel("Publisher")).toHaveValue(FIRST.publisher);
  await expect(form.getByLabel("Publication date")).toHaveValue(FIRST.date);
  await expect(form.getByRole("radio", { name: /Refutes/ })).toBeChecked();
  await expect(form.getByLabel("Quoted excerpt")).toHaveValue(FIRST.excerpt);
  await snapSources(page, "claim-sources-invalid");

  await form.getByLabel("URL", { exact: true }).fill(FIRST.url);
  await form.getByRole("button", { name: "Add source" }).click();
  await expect(form.getByRole("status")).toHaveText("Added as source [1].");
  await expect(form.getByLabel("Title")).toHaveValue("");

  const first = sourcesList(page).getByRole("listitem").first();
  // Typed markup is shown as typed, never interpreted.
  const link = first.getByRole("link", { name: FIRST.title });
  await expect(link).toHaveAttribute("href", FIRST.stored);
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(first.locator("b")).toHaveCount(0);
  await expect(first).toContainText("National Audit Office · 14 Mar 2023");
  await expect(first.locator("[data-stance]")).toHaveText("Refutes");

  await form.getByLabel("URL", { exact: true }).fill(SECOND.url);
  await form.getByLabel("Title").fill(SECOND.title);
  await form.getByLabel("Publisher").fill(SECOND.publisher);
  await form.getByRole("radio", { name: /Context/ }).check();
  await form.getByLabel("Archived copy URL").fill(SECOND.archive);
  await form.getByRole("button", { name: "Add source" }).click();
  await expect(form.getByRole("status")).toHaveText("Added as source [2].");
  const archive = sourcesList(page).getByRole("listitem").nth(1).getByRole("link", { name: "Archived copy" });
  await expect(archive).toHaveAttribute("href", SECOND.archive);
  await expect(archive).toHaveAttribute("rel", "noopener noreferrer nofollow");

  // The first page again, spelled another way.
  await form.getByLabel("URL", { exact: true }).fill("http://example.org/education/schools-2022");
  await form.getByLabel("Title").fill("Audit, again");
  await form.getByRole("radio", { name: /Supports/ }).check();
  await form.getByRole("button", { name: "Add source" }).click();
  const duplicate = `This claim already cites this page as source [1] (“${FIRST.title}”).`;
  await expect(form.getByRole("status")).toHaveText(duplicate);
  await expect(form.getByLabel("Title")).toHaveValue("Audit, again");
  await expect(sourcesList(page).getByRole("listitem")).toHaveCount(2);
  await snapSources(page, "claim-sources-list");
  await page.context().close();
});

test("an editor edits and removes a checker's source; the later source becomes [1]", async ({ browser }) => {
  const page = await open(browser, "editor");
  const items = sourcesList(page).getByRole("listitem");
  await items.nth(1).getByText("Edit", { exact: true }).click();
  const edit = page.getByRole("form", { name: "Edit source 2" });
  await expect(edit.getByLabel("Title")).toHaveValue(SECOND.title);
  await expect(edit.getByRole("radio", { name: /Context/ })).toBeChecked();
  await edit.getByLabel("Title").fill("Education statistics 2022, table 7");
  await edit.getByRole("radio", { name: /Supports/ }).check();
  await snapSources(page, "claim-sources-edit");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByRole("status")).toHaveText("Source [2] saved.");
  await expect(items.nth(1).getByRole("link", { name: "Education statistics 2022, table 7" })).toBeVisible();
  await expect(items.nth(1).locator("[data-stance]")).toHaveText("Supports");

  await items.first().getByRole("button", { name: "Remove source 1" }).click();
  const confirm = page.getByRole("form", { name: "Remove source 1" });
  await expect(confirm).toContainText("The sources after it move up one number");
  await snapSources(page, "claim-sources-remove-confirm");
  await confirm.getByRole("button", { name: "Remove source" }).click();
  await expect(items).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Source 1: Education statistics 2022, table 7" })).toBeVisible();
  await page.context().close();
});

test("a viewer reads the sources without any form", async ({ browser }) => {
  const page = await open(browser, "viewer");
  await expect(sourcesList(page).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("form", { name: "Add source" })).toHaveCount(0);
  await expect(sourceSection(page).getByText("Edit", { exact: true })).toHaveCount(0);
  await expect(sourceSection(page).getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await snapSources(page, "claim-sources-viewer");
  await page.context().close();
});
