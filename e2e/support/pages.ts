// Helpers the specs share: signing in through the real form, and screenshots of each page into
// test-results/screenshots/ (look at them: they are the review of the UI).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { PASSWORD, type Person } from "./world";

const SCREENSHOTS = path.resolve(import.meta.dirname, "..", "..", "test-results", "screenshots");

/**
 * A long statement's far paragraphs wait behind content-visibility until scrolled near; a
 * full-page capture never scrolls, so it showed them as blank card. For the capture only, they are
 * laid out as a reader scrolling down would see them.
 */
const SHOW_DEFERRED_PARAGRAPHS = '[data-testid="statement-text"] p { content-visibility: visible !important; }';

export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, style: SHOW_DEFERRED_PARAGRAPHS });
}

export async function signIn(page: Page, person: Person, password = PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
