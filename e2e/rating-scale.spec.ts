// The rating scale: viewers and checkers read it as the desk's reference; an editor adds a level,
// moves levels from the keyboard, edits one, takes it out of the truth order, retires and
// restores one and deletes an unused one. The editing happens on a desk of its own, so the seeded
// desk keeps the starter scale other specs rely on.
import { expect as baseExpect, test, type Locator, type Page } from "@playwright/test";
import { snap } from "./support/pages";
import { DESK, storageStateOf } from "./support/world";

// Every edit is a server round trip; on a machine shared by several builds one can take more than
// the default 10 s. A longer wait changes no outcome, only how long a real failure takes to show.
const expect = baseExpect.configure({ timeout: 30_000 });

const truthOrder = (page: Page) => page.getByRole("list", { name: "Truth order", exact: true });
const outside = (page: Page) => page.getByRole("list", { name: "Outside the truth order", exact: true });
const retired = (page: Page) => page.getByRole("list", { name: "Retired levels", exact: true });

/** The labels of a list's levels, in order (each row's badge is its first text). */
async function labelsIn(list: Locator): Promise<string[]> {
  return list.locator(":scope > li").evaluateAll((rows) => rows.map((row) => row.querySelector("span.rounded-full span")?.textContent ?? ""));
}

test.describe("read-only", () => {
  for (const who of ["viewer", "checker"] as const) {
    test(`a ${who} sees the scale with its descriptions and no controls`, async ({ browser }) => {
      const context = await browser.newContext({ storageState: storageStateOf(who), viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`/w/${DESK.slug}`);
      await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Rating scale" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Truth scale" })).toBeVisible();
      expect(await labelsIn(truthOrder(page))).toEqual(["True", "Mostly true", "Half true", "Mostly false", "False"]);
      expect(await labelsIn(outside(page))).toEqual(["Misleading", "Unproven"]);
      await expect(page.getByText("The claim is accurate and nothing significant is missing.")).toBeVisible();
      await expect(page.getByText("Published as a ClaimReview rating from 5 (best) down to 1 (worst).")).toBeVisible();
      await expect(page.getByRole("button", { name: /Move|Add level|Save/ })).toHaveCount(0);
      await expect(page.locator("details")).toHaveCount(0);
      if (who === "viewer") await snap(page, "rating-scale-viewer");
      await context.close();
    });
  }
});

test.describe("editing", () => {
  test.use({ storageState: storageStateOf("editor"), viewport: { width: 1280, height: 900 } });

  test("an editor shapes the scale of a new desk", async ({ page }) => {
    test.slow();
    await page.goto("/workspaces");
    await page.getByLabel("Name").fill("Scale desk");
    await page.getByRole("button", { name: "Create workspace" }).click();
    await expect(page).toHaveURL(/\/w\/scale-desk/);
    const slug = new URL(page.url()).pathname.split("/")[2];
    await page.goto(`/w/${slug}/rating-scale`);
    await expect(page.getByRole("heading", { level: 1, name: "Truth scale" })).toBeVisible();
    await snap(page, "rating-scale-editor");

    // A new level with a malformed colour: refused, the typing kept; then fixed.
    const form = page.getByRole("form", { name: "New level" });
    await form.getByLabel("Label").fill("Pants on fire");
    await form.getByLabel("Colour", { exact: true }).fill("#7a1f");
    await form.getByLabel("Description").fill("Not only false but ridiculous.");
    await expect(form.getByText("Preview:").getByText("Pants on fire")).toBeVisible();
    await form.getByRole("button", { name: "Add level" }).click();
    await expect(form.getByText("Use a colour written as #rrggbb, e.g. #2f7d4f.")).toBeVisible();
    await expect(form.getByLabel("Colour", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Label")).toHaveValue("Pants on fire");
    await expect(form.getByLabel("Description")).toHaveValue("Not only false but ridiculous.");
    await snap(page, "rating-scale-new-level-invalid");
    await form.getByLabel("Colour", { exact: true }).fill("#7a1f1f");
    await form.getByRole("button", { name: "Add level" }).click();
    await expect(form.getByText("Added “Pants on fire” at the bottom of the truth order.")).toBeVisible();
    await expect(form.getByLabel("Label")).toHaveValue("");
    expect(await labelsIn(truthOrder(page))).toEqual(["True", "Mostly true", "Half true", "Mostly false", "False", "Pants on fire"]);
    await expect(page.getByText("Published as a ClaimReview rating from 6 (best) down to 1 (worst).")).toBeVisible();

    // Keyboard: move False below Pants on fire; focus stays on a Move button of False.
    const down = page.getByRole("button", { name: "Move False down" });
    await down.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => labelsIn(truthOrder(page))).toEqual(["True", "Mostly true", "Half true", "Mostly false", "Pants on fire", "False"]);
    await expect(page.getByRole("button", { name: "Move False down" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Move False up" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect.poll(() => labelsIn(truthOrder(page))).toEqual(["True", "Mostly true", "Half true", "Mostly false", "False", "Pants on fire"]);
    await expect(page.getByRole("button", { name: "Move False up" })).toBeFocused();
    await expect(page.getByRole("button", { name: "Move True up" })).toBeDisabled();

    // Edit Half true: a duplicate label is refused, then a rename, recolour and description are saved.
    const row = truthOrder(page).getByRole("listitem").filter({ hasText: "Half true" });
    await row.locator("summary").click();
    const edit = page.getByRole("form", { name: "Edit Half true" });
    await edit.getByLabel("Label").fill("true");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit.getByText("There is already a level called “True”.")).toBeVisible();
    await expect(edit.getByLabel("Label")).toHaveValue("true");
    await edit.getByLabel("Label").fill("Mixture");
    await edit.getByLabel("Colour", { exact: true }).fill("#1f4e79");
    await edit.getByLabel("Description").fill("Both accurate and inaccurate parts.");
    await expect(edit.getByText("Preview:").getByText("Mixture")).toHaveCSS("color", "rgb(255, 255, 255)");
    await snap(page, "rating-scale-edit");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("form", { name: "Edit Mixture" }).getByText("Saved “Mixture”.")).toBeVisible();
    expect(await labelsIn(truthOrder(page))).toContain("Mixture");
    await expect(truthOrder(page).getByRole("paragraph").filter({ hasText: "Both accurate and inaccurate parts." })).toBeVisible();

    // Out of the truth order: it moves to the other list; the rest close up.
    await page.getByRole("form", { name: "Take out of truth order: Mixture" }).getByRole("button").click();
    await expect(page.getByText("“Mixture” is now outside the truth order.")).toBeVisible();
    expect(await labelsIn(outside(page))).toEqual(["Mixture", "Misleading", "Unproven"]);
    await expect(page.getByText("Published as a ClaimReview rating from 5 (best) down to 1 (worst).")).toBeVisible();

    // Retire and restore Mostly true: back where it was.
    await truthOrder(page).getByRole("listitem").filter({ hasText: "Mostly true" }).locator("summary").click();
    await page.getByRole("form", { name: "Retire: Mostly true" }).getByRole("button", { name: "Retire" }).click();
    await expect(page.getByText("“Mostly true” is retired: no longer offered, still shown on the verdicts that use it.")).toBeVisible();
    expect(await labelsIn(retired(page))).toEqual(["Mostly true"]);
    expect(await labelsIn(truthOrder(page))).toEqual(["True", "Mostly false", "False", "Pants on fire"]);
    await snap(page, "rating-scale-retired");
    await retired(page).locator("summary").click();
    await page.getByRole("form", { name: "Restore: Mostly true" }).getByRole("button", { name: "Restore" }).click();
    await expect(page.getByText("“Mostly true” is offered again.")).toBeVisible();
    expect(await labelsIn(truthOrder(page))).toEqual(["True", "Mostly true", "Mostly false", "False", "Pants on fire"]);
    await expect(retired(page)).toHaveCount(0);

    // An unused level can be deleted.
    await truthOrder(page).getByRole("listitem").filter({ hasText: "Pants on fire" }).locator("summary").click();
    await page.getByRole("form", { name: "Delete: Pants on fire" }).getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText("Deleted “Pants on fire”.")).toBeVisible();
    expect(await labelsIn(truthOrder(page))).toEqual(["True", "Mostly true", "Mostly false", "False"]);
    await snap(page, "rating-scale-after");
  });
});
