// First run, on its own server with an empty database (port 3101, see playwright.config.ts):
// the front door leads to /setup, which creates the first account and signs it in.
import { expect, test } from "@playwright/test";
import { snap } from "./support/pages";

test("an empty server leads to setup, which creates the first account once", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup/);
  await expect(page.getByRole("heading", { name: "Welcome to Factdesk" })).toBeVisible();
  await snap(page, "setup");

  // Bad input first: the typed name and email stay, the password field says what is wrong.
  await page.getByLabel("Your name").fill("Fiona First");
  await page.getByLabel("Email").fill("fiona@first.factdesk.test");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password").fill("short");
  await page.getByRole("button", { name: "Create account and continue" }).click();
  // The refusal itself, not the field's hint ("At least 12 characters…", shown all along): typing on
  // before it arrives would be reset with the form.
  await expect(page.getByText("Use at least 12 characters.").first()).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Fiona First");
  await expect(page.getByLabel("Email")).toHaveValue("fiona@first.factdesk.test");
  await snap(page, "setup-invalid");

  await page.getByLabel("Password", { exact: true }).fill("first-admin-long-password");
  await page.getByLabel("Confirm password").fill("first-admin-long-password");
  await page.getByRole("button", { name: "Create account and continue" }).click();
  await expect(page).not.toHaveURL(/\/setup/);
  await snap(page, "setup-done");

  // Signed in: the workspaces page is open to them; setup is closed for good.
  await page.goto("/workspaces");
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  await page.goto("/setup");
  await expect(page.getByRole("heading", { name: "Factdesk is already set up" })).toBeVisible();
});
