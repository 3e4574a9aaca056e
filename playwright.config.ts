// End-to-end tests against the production build (NEXT_DIST_DIR=.next-e2e; `npm test` builds it
// first) in the system's Chromium. Each run gets fresh SQLite databases under e2e/.data/:
//   - port 3100: the seeded world of e2e/support/world.ts, for every spec but first-run;
//   - port 3101: an empty database, for the first-run setup of the first admin.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { assertLocalDatabase } from "./e2e/support/world";

const root = import.meta.dirname;

// The config is read again in every worker; the run directory is chosen once and inherited.
if (!process.env.E2E_RUN_DIR) {
  // Databases of earlier runs are of no further use; a run still going on this machine (another
  // E2E_PORT) is younger than an hour and keeps its own.
  const dataDir = path.join(root, "e2e", ".data");
  for (const entry of existsSync(dataDir) ? readdirSync(dataDir) : []) {
    const dir = path.join(dataDir, entry);
    if (Date.now() - statSync(dir).mtimeMs > 3_600_000) rmSync(dir, { recursive: true, force: true });
  }
  process.env.E2E_RUN_DIR = path.join(root, "e2e", ".data", `run-${Date.now().toString(36)}-${process.pid}`);
}
const runDir = process.env.E2E_RUN_DIR;
mkdirSync(runDir, { recursive: true });

// Never the DATABASE_URL of the environment: the servers get these files, and prepare-db.ts
// refuses anything but a local database even so.
const seededUrl = `file:${path.join(runDir, "seeded.db")}`;
const emptyUrl = `file:${path.join(runDir, "empty.db")}`;
for (const url of [seededUrl, emptyUrl]) assertLocalDatabase(url);

// E2E_PORT moves both servers (for two runs on one machine); the first-run server takes the next port.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const FIRST_RUN_PORT = PORT + 1;

const serverEnv = (databaseUrl: string) => ({
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: process.env.E2E_AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789",
  AUTH_TRUST_HOST: "true",
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-e2e",
  NEXT_TELEMETRY_DISABLED: "1",
});

const server = (mode: "seeded" | "empty", port: number, databaseUrl: string) => ({
  command: `npx tsx --conditions react-server e2e/support/prepare-db.ts ${mode} && exec npx next start -p ${port}`,
  url: `http://localhost:${port}/sign-in`,
  env: serverEnv(databaseUrl),
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
});

export default defineConfig({
  testDir: "e2e",
  // Two runs on one machine (E2E_PORT) keep their own traces and failure screenshots.
  outputDir: process.env.E2E_PORT ? `test-results/e2e-${process.env.E2E_PORT}` : "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "first-run",
      testMatch: /first-run\.spec\.ts/,
      use: { browserName: "chromium", baseURL: `http://localhost:${FIRST_RUN_PORT}` },
    },
    {
      name: "chromium",
      testMatch: /\.spec\.ts/,
      testIgnore: /first-run\.spec\.ts/,
      dependencies: ["setup"],
      use: { browserName: "chromium" },
    },
  ],
  webServer: [server("seeded", PORT, seededUrl), server("empty", FIRST_RUN_PORT, emptyUrl)],
});
