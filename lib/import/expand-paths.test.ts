import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expandPaths } from "./expand-paths";

describe("expandPaths", () => {
  it("expands files, folders and globs, each file once, in order", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "factdesk-paths-"));
    mkdirSync(path.join(dir, "sub", "deep"), { recursive: true });
    for (const f of ["a.txt", "b.md", "c.pdf", "sub/d.html", "sub/deep/e.docx", "sub/deep/f.txt"]) writeFileSync(path.join(dir, f), "x");
    const rel = (files: string[]) => files.map((f) => path.relative(dir, f).split(path.sep).join("/"));

    expect(rel(expandPaths([path.join(dir, "*.txt")]).files)).toEqual(["a.txt"]);
    expect(rel(expandPaths([`${dir}/**/*.txt`]).files)).toEqual(["a.txt", "sub/deep/f.txt"]);
    expect(rel(expandPaths([`${dir}/**/*.{md,html}`]).files)).toEqual(["b.md", "sub/d.html"]);
    // A folder gives its supported files only; a named file is taken as given (and refused later).
    expect(rel(expandPaths([dir, path.join(dir, "c.pdf"), path.join(dir, "a.txt")]).files)).toEqual([
      "a.txt", "b.md", "c.pdf", "sub/d.html", "sub/deep/e.docx", "sub/deep/f.txt",
    ]);
    expect(expandPaths([path.join(dir, "nope.txt"), `${dir}/*.xyz`]).missing).toHaveLength(2);
  });
});
