// Starts and stops the production build (`next start`) for the HTTP and browser workloads.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

/** Resolves once /sign-in answers; the server runs in its own process group so stopServer ends it whole. */
export async function startServer(port: number, distDir: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  // Node itself, not npx, so node flags can be given: BENCH_SERVER_NODE_ARGS="--cpu-prof
  // --cpu-prof-dir=/tmp/x" profiles the server alone (node refuses --cpu-prof in NODE_OPTIONS).
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, nextBin, "start", "-p", String(port)], {
    env: {
      ...process.env,
      NEXT_DIST_DIR: distDir,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-only-secret-0123456789abcdef",
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://localhost:${port}/sign-in`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stopServer(server);
  throw new Error(`next start on port ${port} did not answer within 2 minutes`);
}

export function stopServer(server: ChildProcess): void {
  if (server.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}
