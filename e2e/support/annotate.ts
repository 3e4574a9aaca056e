// Helpers for the annotation workbench: select a passage of the statement by its text (the way a
// person's drag ends up as a DOM selection), and read back the text under a highlight.
import { expect, type Page } from "@playwright/test";

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
