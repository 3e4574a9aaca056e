// Signing in and out through the real form, and the first-run page on a server that has users.
import { expect, test } from "@playwright/test";
import { signIn, snap } from "./support/pages";
import { DESK, MEMBERS } from "./support/world";

test("a wrong password is refused with a message and the typed email kept", async ({ page }) => {
  await page.goto("/sign-in");
  await snap(page, "sign-in");
  await page.getByLabel("Email").fill(MEMBERS.viewer.email);
  await page.getByLabel("Password").fill("not-the-password-at-all");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(MEMBERS.viewer.email);
  await expect(page).toHaveURL(/\/sign-in/);
  await snap(page, "sign-in-refused");
});

test("a member signs in, lands in their desk, and signing in is required for desk pages", async ({ page }) => {
  await page.goto(`/w/${DESK.slug}/statements`);
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, MEMBERS.viewer);
  await page.goto("/");
  await expect(page).toHaveURL(new RegExp(`/w/${DESK.slug}`));
  await expect(page.getByText(DESK.name).first()).toBeVisible();
});

test("the first-run page says the server is already set up once it has users", async ({ page }) => {
  await page.goto("/setup");
  await expect(page.getByRole("heading", { name: "Factdesk is already set up" })).toBeVisible();
  await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);
  await snap(page, "setup-already-done");
});
