// docs/openapi.yaml against the route files under app/api/v1: every implemented route and method
// is described, and nothing is described that does not exist.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { GET as getOpenApi } from "../app/api/v1/openapi.yaml/route";

const root = path.resolve(import.meta.dirname, "..");
const apiDir = path.join(root, "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** "app/api/v1/claims/[id]/verdict/route.ts" → "/claims/{id}/verdict". */
function openApiPath(file: string): string {
  const relative = path.relative(apiDir, path.dirname(file)).split(path.sep).join("/");
  return `/${relative.replace(/\[([^\]]+)\]/g, "{$1}")}`;
}

async function implementedOperations(): Promise<string[]> {
  const operations: string[] = [];
  for (const file of routeFiles(apiDir)) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const method of METHODS) {
      if (typeof module[method] === "function") operations.push(`${method} ${openApiPath(file)}`);
    }
  }
  return operations.sort();
}

function documentedOperations(document: { paths: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(document.paths)
    .flatMap(([route, item]) =>
      Object.keys(item)
        .filter((key) => (METHODS as readonly string[]).includes(key.toUpperCase()))
        .map((method) => `${method.toUpperCase()} ${route}`),
    )
    .sort();
}

describe("docs/openapi.yaml", () => {
  const document = parse(readFileSync(path.join(root, "docs/openapi.yaml"), "utf8"));

  it("is an OpenAPI 3.1 document describing exactly the implemented routes", async () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: "/api/v1" }]);
    const implemented = await implementedOperations();
    expect(implemented).toContain("POST /claims/{id}/verdict/{event}");
    expect(implemented.length).toBeGreaterThanOrEqual(13);
    expect(documentedOperations(document)).toEqual(implemented);
  });

  it("declares each path's parameters and resolves every $ref", () => {
    for (const [route, item] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
      const names = [...route.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      for (const name of names) {
        const declared = (item.parameters ?? []).some((p: any) => p.name === name || p.$ref === `#/components/parameters/${name[0]!.toUpperCase()}${name.slice(1)}`);
        expect(declared, `${route} declares {${name}}`).toBe(true);
      }
    }
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/(\w+)\/(\w+)"/g)];
    expect(refs.length).toBeGreaterThan(20);
    for (const [ref, kind, name] of refs) expect(document.components[kind!]?.[name!], ref).toBeDefined();
  });

  it("is served at /api/v1/openapi.yaml", async () => {
    const response = await getOpenApi();
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/yaml/);
    expect(await response.text()).toBe(readFileSync(path.join(root, "docs/openapi.yaml"), "utf8"));
  });
});
