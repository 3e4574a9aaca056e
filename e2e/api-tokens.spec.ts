// A checker makes an API token from their account, uses it against the JSON API from outside the
// browser, sees its last use, and revokes it, after which the API refuses it.
import { expect, request as apiRequest, test } from "@playwright/test";
import { snap } from "./support/pages";
import { DESK, storageStateOf } from "./support/world";

test.use({ storageState: storageStateOf("checker") });

test("a member creates a token, uses it against the API and revokes it", async ({ page, baseURL }) => {
  await page.goto("/account");
  await page.getByRole("link", { name: `API tokens in ${DESK.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${DESK.slug}/api-tokens$`));
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  await expect(page.getByText("You have no API tokens in this workspace yet.")).toBeVisible();

  // A checker can give a token at most their own role.
  const role = page.getByLabel("Role");
  await expect(role.locator("option")).toHaveText(["Checker", "Viewer"]);

  // No name: refused, the other choices kept.
  await page.getByLabel("Expires").selectOption("30");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Name the token, e.g. after the script that uses it.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Expires")).toHaveValue("30");

  await page.getByLabel("Name").fill("Nightly import");
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByLabel("Your new token “Nightly import”");
  await expect(shown).toHaveValue(/^fd_[a-z2-9]{12}_/);
  const token = await shown.inputValue();
  await expect(page.getByText("Copy it now: it is shown only this once.")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Nightly import" });
  await expect(row).toContainText("Checker");
  await expect(row).toContainText(token.slice(0, 16));
  await expect(row).not.toContainText(token.slice(16));
  await snap(page, "api-tokens-created");

  // The token works from outside the browser, with no session cookie.
  const api = await apiRequest.newContext({ baseURL });
  const auth = { Authorization: `Bearer ${token}` };
  const imported = await api.post("/api/v1/statements", {
    headers: auth,
    data: { title: "Token import", text: "The agency said 41 bridges were repaired in 2023." },
  });
  expect(imported.status()).toBe(201);
  const listed = await api.get("/api/v1/statements", { headers: auth, params: { q: "token import" } });
  expect(listed.status()).toBe(200);
  expect((await listed.json()).data.map((s: { title: string }) => s.title)).toEqual(["Token import"]);
  const spec = await api.get("/api/v1/openapi.yaml");
  expect(await spec.text()).toContain("openapi: 3.1.0");

  // Shown once: after a reload only the list is left, now with its last use.
  await page.reload();
  await expect(page.getByLabel("Your new token “Nightly import”")).toHaveCount(0);
  await expect(row.getByRole("cell").nth(3)).not.toHaveText("Never");
  await snap(page, "api-tokens-list");

  await row.getByRole("button", { name: "Revoke Nightly import" }).click();
  await row.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  await snap(page, "api-tokens-revoked");

  const refused = await api.get("/api/v1/statements", { headers: auth });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("unauthenticated");
  await api.dispose();
});
