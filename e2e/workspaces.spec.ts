// Creating a workspace, and a form that keeps its typing when the input is refused.
import { expect, test } from "@playwright/test";
import { snap } from "./support/pages";
import { storageStateOf } from "./support/world";

test.use({ storageState: storageStateOf("editor") });

test("anyone signed in creates a workspace and becomes its admin", async ({ page }) => {
  await page.goto("/workspaces");
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  await snap(page, "workspaces");

  // A malformed address: refused with a field message, both typed values kept.
  await page.getByLabel("Name").fill("Harbour desk");
  await page.getByLabel("Address (optional)").fill("Not A Valid Address!");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText(/lower-case letters, digits and single hyphens/i)).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Harbour desk");
  await expect(page.getByLabel("Address (optional)")).toHaveValue("Not A Valid Address!");
  await expect(page.getByLabel("Address (optional)")).toHaveAttribute("aria-invalid", "true");
  await snap(page, "workspaces-invalid");

  await page.getByLabel("Address (optional)").fill("");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/harbour-desk/);
  await snap(page, "workspace-new");

  await page.goto("/w/harbour-desk/members");
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  await expect(page.getByText(/You are an admin/)).toBeVisible();
});
