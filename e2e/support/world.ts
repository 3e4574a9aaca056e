// The world the end-to-end tests start from: one desk with a member of every role, and an
// outsider who is admin of another desk. e2e/support/prepare-db.ts writes it into a fresh
// database; the specs sign in as these people. Names are fixed so screenshots read well.
import path from "node:path";
import type { Role } from "../../lib/roles";

export const PASSWORD = "e2e-correct-horse-battery";

export type Person = { email: string; name: string };

export const DESK = { slug: "e2e-desk", name: "E2E desk" } as const;
export const OTHER_DESK = { slug: "other-desk", name: "Other desk" } as const;

export const MEMBERS: Record<Role, Person> = {
  admin: { email: "admin@e2e.factdesk.test", name: "Ada Admin" },
  editor: { email: "editor@e2e.factdesk.test", name: "Eddie Editor" },
  checker: { email: "checker@e2e.factdesk.test", name: "Chris Checker" },
  viewer: { email: "viewer@e2e.factdesk.test", name: "Vera Viewer" },
};

export const OUTSIDER: Person = { email: "outsider@e2e.factdesk.test", name: "Otto Outsider" };

/** Signed-in browser states saved by the setup project, one per person. */
export const SIGNED_IN = ["admin", "editor", "checker", "viewer", "outsider"] as const;
export type SignedIn = (typeof SIGNED_IN)[number];

export function personOf(who: SignedIn): Person {
  return who === "outsider" ? OUTSIDER : MEMBERS[who];
}

export function storageStateOf(who: SignedIn): string {
  // Inside the run's directory, so two runs on one machine (different E2E_PORT) keep their own sessions.
  const runDir = process.env.E2E_RUN_DIR ?? path.resolve(import.meta.dirname, "..", ".data");
  return path.join(runDir, ".auth", `${who}.json`);
}

/** The real statements beside the checkout (../shared/corpus), used here but never copied. */
export const CORPUS_DIR = path.resolve(import.meta.dirname, "..", "..", "..", "shared", "corpus");

/** A database the suite may wipe: a SQLite file, or PostgreSQL on this machine. */
export function assertLocalDatabase(url: string): void {
  if (url.startsWith("file:")) return;
  const host = (() => {
    try {
      return new URL(url).hostname;
    } catch {
      return "";
    }
  })();
  if (/^postgres(ql)?:\/\//.test(url) && ["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) return;
  throw new Error(`The end-to-end suite refuses to run against a non-local database (${url.replace(/\/\/[^@]*@/, "//…@")}).`);
}
