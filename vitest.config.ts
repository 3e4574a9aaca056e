import path from "node:path";
import { defineConfig } from "vitest/config";

// TEST_DATABASE=postgres runs the same suite against a fresh database on the local PostgreSQL
// cluster; the default is a fresh SQLite file. test/global-setup.ts creates and migrates it.
export default defineConfig({
  resolve: {
    alias: {
      "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts"),
      "@": import.meta.dirname,
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/worker-database.ts"],
    pool: "forks",
    maxWorkers: 2,
    // Generous: a few tests run whole workflows or spawn the CLI, and a busy 2-core machine is slow.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
