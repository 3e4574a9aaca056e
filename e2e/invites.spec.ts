// An admin makes an invite link; someone without an account opens it in another browser, creates
// their account on the invite page and is in the desk at once.
import { expect, test } from "@playwright/test";
import { snap } from "./support/pages";
import { DESK, storageStateOf } from "./support/world";

test.use({ storageState: storageStateOf("admin") });

test("a new member joins with an invite link and shows up among the members", async ({ page, browser }) => {
  await page.goto(`/w/${DESK.slug}/members`);
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = page.getByLabel("Invite link");
  await expect(link).toHaveValue(/\/invite\//);
  const url = await link.inputValue();
  await snap(page, "members-invite-link");

  // The invitee: a separate browser context, signed in as nobody.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const invitee = await context.newPage();
  await invitee.goto(url);
  await expect(invitee.getByRole("heading", { name: `Join ${DESK.name}` })).toBeVisible();
  await snap(invitee, "invite");

  // Too short a password: refused, name and email kept.
  await invitee.getByLabel("Your name").fill("Nina Newcomer");
  await invitee.getByLabel("Email").fill("nina@e2e.factdesk.test");
  await invitee.getByLabel("Password").fill("short");
  await invitee.getByRole("button", { name: "Create account and join" }).click();
  // The refusal itself (the field's hint says "At least 12 characters" all along): typing on before
  // it arrives would be reset with the form, as a password is never sent back.
  await expect(invitee.getByRole("status")).toHaveText("Please correct the highlighted fields.");
  await expect(invitee.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(invitee.getByLabel("Your name")).toHaveValue("Nina Newcomer");
  await expect(invitee.getByLabel("Email")).toHaveValue("nina@e2e.factdesk.test");

  await invitee.getByLabel("Password").fill("nina-long-enough-password");
  await invitee.getByRole("button", { name: "Create account and join" }).click();
  await expect(invitee).toHaveURL(new RegExp(`/w/${DESK.slug}/statements`));
  await snap(invitee, "invite-joined");

  // The link is used up: its user is pointed to the desk, anyone else is refused.
  await invitee.goto(url);
  await expect(invitee.getByRole("heading", { name: "You are in" })).toBeVisible();
  await context.close();
  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(url);
  await expect(strangerPage.getByRole("heading", { name: "This invite can’t be used" })).toBeVisible();
  await expect(strangerPage.getByLabel("Password")).toHaveCount(0);
  await stranger.close();

  await page.reload();
  await expect(page.getByText("nina@e2e.factdesk.test").first()).toBeVisible();
  await snap(page, "members");
});
