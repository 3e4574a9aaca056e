// Expands the command line's file arguments: plain files, folders (their supported files, at any
// depth) and globs (*, ?, **, {a,b}) for shells that do not expand them, or when quoted.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { isSupportedFile } from "./extract";

function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      // "**/" matches any number of folders, including none.
      source += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else if (c === "{") {
      const end = glob.indexOf("}", i);
      if (end < 0) source += "\\{";
      else {
        source += `(?:${glob.slice(i + 1, end).split(",").map(escapeRegExp).join("|")})`;
        i = end;
      }
    } else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function walk(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: false }) as string[])
    .map((p) => path.join(dir, p))
    .filter((p) => statSync(p).isFile());
}

/** Files named, found in named folders, or matched by globs; in a stable order, each once. */
export function expandPaths(args: string[]): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const arg of args) {
    if (/[*?{]/.test(arg)) {
      const normalised = arg.split(path.sep).join("/");
      const segments = normalised.split("/");
      const firstWild = segments.findIndex((s) => /[*?{]/.test(s));
      const base = segments.slice(0, firstWild).join("/") || ".";
      const pattern = globToRegExp(segments.slice(firstWild).join("/"));
      let found = 0;
      try {
        for (const file of walk(base)) {
          const relative = path.relative(base, file).split(path.sep).join("/");
          if (pattern.test(relative)) {
            files.add(file);
            found++;
          }
        }
      } catch {
        // An unreadable or missing base folder matches nothing.
      }
      if (!found) missing.push(arg);
    } else {
      let stats;
      try {
        stats = statSync(arg);
      } catch {
        missing.push(arg);
        continue;
      }
      if (stats.isDirectory()) walk(arg).filter(isSupportedFile).forEach((f) => files.add(f));
      else files.add(arg);
    }
  }
  return { files: [...files].sort(), missing };
}

