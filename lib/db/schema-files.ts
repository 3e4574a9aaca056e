// Builds each provider's Prisma schema from the one list of models (prisma/models.prisma).
// Used by `npm run prisma:generate`, the migration commands and the drift test.
import { readFileSync } from "node:fs";
import path from "node:path";

export type Provider = "sqlite" | "postgresql";

export const PROVIDERS: Provider[] = ["sqlite", "postgresql"];

export function providerDir(provider: Provider): string {
  return provider === "sqlite" ? "sqlite" : "postgres";
}

export function projectRoot(): string {
  return path.resolve(import.meta.dirname, "..", "..");
}

export function schemaPath(provider: Provider, root = projectRoot()): string {
  return path.join(root, "prisma", providerDir(provider), "schema.prisma");
}

export function migrationsDir(provider: Provider, root = projectRoot()): string {
  return path.join(root, "prisma", providerDir(provider), "migrations");
}

export function readModels(root = projectRoot()): string {
  return readFileSync(path.join(root, "prisma", "models.prisma"), "utf8");
}

export function buildSchema(provider: Provider, models: string): string {
  const header = [
    "// GENERATED from prisma/models.prisma by `npm run prisma:generate` — edit that file instead.",
    "",
    "generator client {",
    '  provider     = "prisma-client"',
    `  output       = "../../lib/generated/${providerDir(provider)}"`,
    '  moduleFormat = "esm"',
    '  runtime      = "nodejs"',
    "}",
    "",
    "datasource db {",
    `  provider = "${provider}"`,
    "}",
    "",
  ].join("\n");
  return header + models;
}

export function providerOf(url: string): Provider {
  if (url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgresql";
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL); got "${url.split(":")[0]}:…"`,
  );
}
