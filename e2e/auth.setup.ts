// Signs in once per person through the real form and keeps the browser state for the specs.
import { test as setup } from "@playwright/test";
import { signIn } from "./support/pages";
import { personOf, SIGNED_IN, storageStateOf } from "./support/world";

for (const who of SIGNED_IN) {
  setup(`sign in as ${who}`, async ({ page }) => {
    await signIn(page, personOf(who));
    await page.context().storageState({ path: storageStateOf(who) });
  });
}
