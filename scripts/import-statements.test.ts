import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeDesk } from "../test/factories";
import { db } from "../lib/server/db";

const root = path.resolve(import.meta.dirname, "..");

function runImport(args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "--conditions", "react-server", "scripts/import-statements.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    encoding: "utf8",
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe("npm run import", () => {
  it("imports files as the named member, reports duplicates and failures, and exits non-zero on failure", async () => {
    const desk = await makeDesk();
    const dir = mkdtempSync(path.join(tmpdir(), "factdesk-cli-"));
    writeFileSync(path.join(dir, "one.txt"), "Ministry statement one\n\nThe ministry said 303 people were hurt.");
    writeFileSync(path.join(dir, "two.md"), "# Statement two\n\nAnother **text**.");
    writeFileSync(path.join(dir, "copy.txt"), "Ministry statement one\r\n\r\nThe ministry said 303 people were hurt.\r\n");
    writeFileSync(path.join(dir, "latin1.txt"), Buffer.from([0x63, 0x61, 0x66, 0xe9]));

    const run = runImport(["--workspace", desk.workspace.slug, "--as", desk.checker.email, "--speaker", "Ministry", `${dir}/*.{txt,md}`]);
    expect(run.code, run.err).toBe(1);
    expect(run.out).toMatch(/Created:\s+2/);
    expect(run.out).toMatch(/Duplicates:\s+1/);
    expect(run.out).toMatch(/Failed:\s+1/);
    expect(run.err).toMatch(/latin1\.txt: This is not UTF-8 text/);

    const rows = await db().statement.findMany({ where: { workspaceId: desk.workspace.id }, orderBy: { title: "asc" } });
    expect(rows.map((r) => [r.title, r.speaker, r.createdById])).toEqual([
      ["Ministry statement one", "Ministry", desk.checker.userId],
      ["Statement two", "Ministry", desk.checker.userId],
    ]);

    // Everything there already, nothing failing: exit 0. Default actor: the first admin.
    const again = runImport(["--workspace", desk.workspace.slug, path.join(dir, "one.txt"), path.join(dir, "two.md")]);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/first admin/);
    expect(again.out).toMatch(/Duplicates:\s+2/);
  });

  it("refuses a viewer and an outsider, storing nothing", async () => {
    const desk = await makeDesk();
    const dir = mkdtempSync(path.join(tmpdir(), "factdesk-cli-"));
    writeFileSync(path.join(dir, "one.txt"), "Not to be imported");
    const viewer = runImport(["--workspace", desk.workspace.slug, "--as", desk.viewer.email, dir]);
    expect(viewer.code).toBe(1);
    expect(viewer.err).toMatch(/checker role/);
    const outsiderEmail = (await db().user.findUniqueOrThrow({ where: { id: desk.outsider.userId } })).email;
    const outsider = runImport(["--workspace", desk.workspace.slug, "--as", outsiderEmail, dir]);
    expect(outsider.code).toBe(1);
    expect(outsider.err).toMatch(/not a member/);
    const usage = runImport([dir]);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/--workspace/);
    expect(await db().statement.count({ where: { workspaceId: desk.workspace.id } })).toBe(0);
  });
});
