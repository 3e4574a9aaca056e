// Prisma's schema engine compiled to WebAssembly, driven through a driver adapter: migrations on a
// machine with no internet and no native engine (see shared notes on the offline stack).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { providerOf } from "./schema-files";
import { sqliteFilePath } from "./client";

const require = createRequire(import.meta.url);

let engineModule: typeof import("@prisma/schema-engine-wasm/schema_engine_bg") | undefined;

async function loadWasm() {
  if (engineModule) return engineModule;
  // Importing the package root fails in Node (it imports a .wasm file as ESM), so the bindings are
  // wired to an instance made here.
  const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const module = new WebAssembly.Module(readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  engineModule = bg;
  return bg;
}

export type EngineHandle = {
  engine: SchemaEngine;
  /** Turns "External error id#N" into the driver's real message. */
  explain(error: unknown): string;
  /** Frees the engine and closes its database connections. */
  close(): Promise<void>;
};

export async function openSchemaEngine(url: string, schema: { path: string; content: string }): Promise<EngineHandle> {
  const bg = await loadWasm();
  const factory =
    providerOf(url) === "sqlite"
      ? new PrismaBetterSqlite3({ url: `file:${sqliteFilePath(url)}`, timeout: 10_000 })
      : new PrismaPg({ connectionString: url });
  // Keep hold of every connection the engine opens, so close() can release the file lock.
  const opened: { dispose(): Promise<void> }[] = [];
  const tracking = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    async connectToShadowDb() {
      const adapter = await factory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const bound = bindMigrationAwareSqlAdapterFactory(tracking as unknown as typeof factory) as unknown as {
    errorRegistry?: { consumeError(id: number): { error: unknown } | undefined };
  };
  const logs: string[] = [];
  const explain = (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      const id = /External error id#(\d+)/.exec(message)?.[1];
      const real = id ? bound.errorRegistry?.consumeError(Number(id))?.error : undefined;
      if (real) {
        const r = real as { message?: string; originalMessage?: string; kind?: string };
        return r.originalMessage ?? r.message ?? JSON.stringify(real);
      }
      return message;
  };
  try {
    const engine = (await bg.SchemaEngine.new(
      { datamodels: [[schema.path, schema.content]] },
      (line: string) => logs.push(line),
      bound,
    )) as SchemaEngine;
    const close = async () => {
      engine.free();
      await Promise.all(opened.splice(0).map((a) => a.dispose().catch(() => undefined)));
    };
    return { engine, explain, close };
  } catch (error) {
    throw new Error(`Could not open the schema engine on ${redactUrl(url)}: ${explain(error)}`);
  }
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, "//…@");
}

export const NO_FILTERS = { externalTables: [] as string[], externalEnums: [] as string[] };
