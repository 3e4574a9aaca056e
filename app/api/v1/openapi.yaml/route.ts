import { readFile } from "node:fs/promises";
import path from "node:path";

// The API's description (docs/openapi.yaml), public like any documentation: it tells nothing
// about a workspace.
export async function GET(): Promise<Response> {
  const yaml = await readFile(path.join(process.cwd(), "docs/openapi.yaml"), "utf8");
  return new Response(yaml, { headers: { "Content-Type": "application/yaml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
