// Concurrency guarantees of the SQLite client; only meaningful on the SQLite run.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, sqliteConnectionOf, type Db } from "./client";
import { migrateDatabase } from "./migrate";

const dir = mkdtempSync(path.join(tmpdir(), "factdesk-sqlite-"));
const url = `file:${path.join(dir, "concurrency.db")}`;
let a: Db;

beforeAll(async () => {
  await migrateDatabase(url);
  a = createDb(url);
});

afterAll(async () => {
  await a.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const email = (tag: string) => `${tag}-${Math.random().toString(36).slice(2)}@example.test`;

/**
 * Starts a transaction that creates a user with `email`, holds for 50 ms and rolls back; resolves
 * once it is under way, with the promise of its error message (wrapped, so awaiting the start does
 * not wait for the end).
 */
async function abortingTransaction(email: string): Promise<{ outcome: Promise<string> }> {
  const tx = a
    .$transaction(async (t) => {
      await t.user.create({ data: { email, name: "in tx" } });
      await new Promise((r) => setTimeout(r, 50));
      throw new Error("abort");
    })
    .catch((e: Error) => e.message);
  await new Promise((r) => setTimeout(r, 10));
  return { outcome: tx };
}

describe("SQLite client under concurrency", () => {
  it("a query arriving during another request's transaction is not rolled back with it", async () => {
    const failed = email("rolled-back");
    const outside = email("outside");
    const { outcome: tx } = await abortingTransaction(failed);
    await a.user.create({ data: { email: outside, name: "outside" } });
    expect(await tx).toBe("abort");
    expect(await a.user.count({ where: { email: failed } })).toBe(0);
    expect(await a.user.count({ where: { email: outside } })).toBe(1);
  });

  it("lends its connection for direct use only between Prisma's transactions, never inside one", async () => {
    const connection = sqliteConnectionOf(a)!;
    const failed = email("rolled-back");
    const { outcome: tx } = await abortingTransaction(failed);
    // Inside the transaction it would see the row the transaction is about to roll back.
    const seen = await connection.use((c) => c.all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "User" WHERE "email" = ?`, [failed]));
    expect(await tx).toBe("abort");
    expect(seen).toEqual([{ n: 0 }]);
  });

  it("writes directly what Prisma reads back as its own, and rolls a failed direct transaction back whole", async () => {
    const connection = sqliteConnectionOf(a)!;
    const at = new Date("2026-01-02T03:04:05.678Z");
    const insert = `INSERT INTO "User" ("id", "email", "name", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?)`;
    const id = `direct-${Math.random().toString(36).slice(2)}`;
    await connection.use((c) => c.transaction(() => c.run(insert, [id, email("direct"), "Direct", at, at])));
    expect(await a.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Direct", createdAt: at, updatedAt: at, sessionVersion: 0 });

    const half = `direct-${Math.random().toString(36).slice(2)}`;
    const attempt = connection.use((c) =>
      c.transaction(() => {
        c.run(insert, [half, email("half"), "Half", at, at]);
        c.run(insert, [id, email("clash"), "Same id", at, at]);
      }),
    );
    await expect(attempt).rejects.toThrow(/UNIQUE/);
    expect(await a.user.count({ where: { id: half } })).toBe(0);
  });

  it("read-then-write transactions succeed while another process keeps writing", async () => {
    const seed = await a.user.create({ data: { email: email("counter"), name: "0" } });
    // A second process (another app server) writes in short transactions for a while.
    const writer = spawn(
      process.execPath,
      [
        "-e",
        `const D = require("better-sqlite3"); const db = new D(process.argv[1], { timeout: 10000 });
         const end = Date.now() + 1500; let n = 0;
         while (Date.now() < end) { db.prepare("UPDATE User SET updatedAt = ? WHERE id = ?").run(new Date().toISOString(), process.argv[2]); n++; }
         console.log(n);`,
        path.join(dir, "concurrency.db"),
        seed.id,
      ],
      { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] },
    );
    const writes = new Promise<number>((resolve) => {
      let out = "";
      writer.stdout.on("data", (d) => (out += d));
      writer.on("close", () => resolve(Number(out.trim())));
    });
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 20; i++) {
      await a.$transaction(async (t) => {
        const current = await t.user.findUniqueOrThrow({ where: { id: seed.id } });
        await new Promise((r) => setTimeout(r, 5));
        await t.user.update({ where: { id: seed.id }, data: { name: String(Number(current.name) + 1) } });
      });
    }
    expect(await writes).toBeGreaterThan(0);
    expect((await a.user.findUniqueOrThrow({ where: { id: seed.id } })).name).toBe("20");
  });
});
