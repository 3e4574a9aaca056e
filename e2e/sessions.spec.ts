// Ending sessions in other browsers: signing out everywhere and changing the password must end
// every other signed-in browser at its next request, even one whose session the server has just
// used (the server keeps decoded session cookies, lib/server/session-claims.ts; the session version
// in the database still decides). Each test signs in a fresh account of its own, so the world's
// saved sessions are left alone.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn, snap } from "./support/pages";
import type { Person } from "./support/world";

const root = path.resolve(import.meta.dirname, "..");
const PASSWORD = "e2e-sessions-horse-battery";
const NEW_PASSWORD = "e2e-sessions-new-passphrase";

/** A new account on the seeded server's database, through the user:create command. */
function createAccount(name: string): Person {
  const runDir = process.env.E2E_RUN_DIR;
  if (!runDir) throw new Error("E2E_RUN_DIR is not set (run through playwright.config.ts)");
  const person = { email: `${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now().toString(36)}@e2e.factdesk.test`, name };
  execFileSync("npx", ["tsx", "--conditions", "react-server", "scripts/user-create.ts", "--email", person.email, "--name", person.name, "--password", PASSWORD], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${path.join(runDir, "seeded.db")}` },
    encoding: "utf8",
  });
  return person;
}

/** A browser of its own (no saved session), signed in as `person` and on the account page. */
async function signedInBrowser(browser: Browser, person: Person): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, person, PASSWORD);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
  return page;
}

test("signing out everywhere ends the session in the other browser too", async ({ browser }) => {
  const person = createAccount("Sam Sessions");
  const here = await signedInBrowser(browser, person);
  const elsewhere = await signedInBrowser(browser, person);
  // The other browser's session was just used, so the server holds it decoded.
  await elsewhere.reload();
  await expect(elsewhere.getByRole("heading", { name: "Change password" })).toBeVisible();

  await here.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(here).toHaveURL(/\/sign-in/);
  await expect(here.getByText("You have signed out on every device.")).toBeVisible();

  await elsewhere.goto("/account");
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  await snap(elsewhere, "session-ended-elsewhere");
});

test("changing the password keeps this browser signed in and ends the other one", async ({ browser }) => {
  const person = createAccount("Pat Password");
  const here = await signedInBrowser(browser, person);
  const elsewhere = await signedInBrowser(browser, person);
  await elsewhere.reload();
  await expect(elsewhere.getByRole("heading", { name: "Change password" })).toBeVisible();

  await here.getByLabel("Current password").fill(PASSWORD);
  await here.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await here.getByLabel("Confirm new password").fill(NEW_PASSWORD);
  await here.getByRole("button", { name: "Change password" }).click();
  await expect(here.getByText("Password changed. You are still signed in here")).toBeVisible();
  await here.reload();
  await expect(here.getByRole("heading", { name: "Change password" })).toBeVisible();

  await elsewhere.goto("/account");
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  // The old password no longer works; the new one does.
  await signIn(elsewhere, person, NEW_PASSWORD);
});
