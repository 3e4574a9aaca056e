// Helpers for the annotation workbench: select a passage of the statement by its text (the way a
// person's drag ends up as a DOM selection), and read back the text under a highlight.
import { expect, type Browser, type Page } from "@playwright/test";
import { DESK, storageStateOf, type SignedIn } from "./world";

/**
 * Selects the first occurrence of `quote` in the statement text (paragraphs joined by a blank
 * line, as the app counts offsets), across paragraphs if need be.
 */
export async function selectQuote(page: Page, quote: string): Promise<void> {
  const found = await page.evaluate((quote) => {
    const root = document.querySelector('[data-testid="statement-text"] [data-slate-editor]');
    if (!root) return false;
    const map: Array<{ node: Text; offset: number }> = [];
    let text = "";
    root.querySelectorAll(":scope > [data-slate-node='element']").forEach((block, i) => {
      if (i > 0) {
        text += "\n\n";
        map.push({ node: map[map.length - 1]!.node, offset: map[map.length - 1]!.offset + 1 }, { node: map[map.length - 1]!.node, offset: map[map.length - 1]!.offset + 1 });
      }
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (n.parentElement?.closest("[data-slate-zero-width]")) continue;
        for (let k = 0; k < n.data.length; k++) map.push({ node: n, offset: k });
        text += n.data;
      }
    });
    const at = text.indexOf(quote);
    if (at < 0) return false;
    const start = map[at]!;
    const last = map[at + quote.length - 1]!;
    const range = document.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(last.node, last.offset + 1);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  }, quote);
  expect(found, `the statement shows “${quote}”`).toBe(true);
}

/** The text under one highlight: its leaves in order, a blank line between paragraphs. */
export async function textUnder(page: Page, id: string): Promise<string> {
  return page.evaluate((id) => {
    const root = document.querySelector('[data-testid="statement-text"] [data-slate-editor]');
    const parts: string[] = [];
    root?.querySelectorAll(":scope > [data-slate-node='element']").forEach((block) => {
      const leaves = [...block.querySelectorAll<HTMLElement>("[data-highlight-ids]")].filter((el) => el.dataset.highlightIds!.split(" ").includes(id));
      if (leaves.length) parts.push(leaves.map((el) => el.textContent ?? "").join(""));
    });
    return parts.join("\n\n");
  }, id);
}

/** All saved highlight ids on the page, once no highlight is still saving. */
export async function savedHighlightIds(page: Page): Promise<string[]> {
  await expect(page.locator('[data-highlight-state="saving"]')).toHaveCount(0);
  return page.locator("[data-highlight-ids]").evaluateAll((els) => {
    const seen = new Set<string>();
    for (const el of els as HTMLElement[]) for (const id of el.dataset.highlightIds!.split(" ")) seen.add(id);
    return [...seen];
  });
}

export async function waitForWorkbench(page: Page): Promise<void> {
  await expect(page.locator("[data-testid='statement-text'][data-decorated]")).toBeAttached();
}

/**
 * A new browser of `who` on the statement at `path`, once its highlights are drawn. Marks the
 * document, so `isSameDocument` can tell later that live changes arrived without a reload.
 */
export async function openWorkbench(browser: Browser, who: SignedIn, path: string): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(who), viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.goto(path);
  await waitForWorkbench(page);
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  return page;
}

/** True while the page opened by openWorkbench has not been reloaded. */
export function isSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
}

/** Pastes a statement through the import form and returns its page's path, once the workbench is ready. */
export async function pasteStatement(page: Page, title: string, text: string): Promise<string> {
  await page.goto(`/w/${DESK.slug}/statements/import`);
  const paste = page.getByRole("form", { name: "Paste a statement" });
  await paste.getByLabel("Title", { exact: true }).fill(title);
  await paste.getByLabel("Text", { exact: true }).fill(text);
  await paste.getByRole("button", { name: "Import statement" }).click();
  // The import page is itself /statements/import: wait for the statement's own page.
  await expect(page).toHaveURL(/\/statements\/(?!import$)[^/]+$/);
  await waitForWorkbench(page);
  return new URL(page.url()).pathname;
}

/** A highlight's row in the side panel. */
export function itemRow(page: Page, id: string) {
  return page.locator(`[data-item-id="${id}"]`);
}

/** Opens a highlight's claim (or note) editor from its row in the side panel. */
export async function openItem(page: Page, id: string): Promise<void> {
  await itemRow(page, id).getByRole("button").first().click();
  await expect(itemRow(page, id).getByRole("group", { name: /^(Claim|Note) editor$/ })).toBeVisible();
}

/** Selects `quote` and presses a key (c or n), as a keyboard user does; returns the saved highlight's id. */
export async function highlightWithKey(page: Page, quote: string, key: "c" | "n"): Promise<string> {
  const before = new Set(await savedHighlightIds(page));
  // A drag in the text takes the focus out of the editor's fields, where keys are typing.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await selectQuote(page, quote);
  await expect(page.getByRole("toolbar", { name: "Highlight the selection" })).toBeVisible();
  await page.keyboard.press(key);
  await expect(page.locator('[data-highlight-state="saving"]')).toHaveCount(0);
  const id = (await savedHighlightIds(page)).find((x) => !before.has(x));
  expect(id, `a saved highlight on “${quote}”`).toBeTruthy();
  expect(await textUnder(page, id!)).toBe(quote);
  return id!;
}

/** The keys of the claim drafts this browser keeps (lib/claim-drafts.ts). */
export function storedDrafts(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("factdesk:claim-draft:")));
}
