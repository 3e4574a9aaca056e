// Writes both providers' schemas from prisma/models.prisma, then generates both clients without
// downloading any engine.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, PROVIDERS, projectRoot, readModels, schemaPath } from "../lib/db/schema-files";

const root = projectRoot();
const models = readModels(root);
for (const provider of PROVIDERS) {
  const file = schemaPath(provider, root);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, buildSchema(provider, models));
  execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["generate", "--schema", file], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "scripts", "schema-engine-stub.sh"),
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
}
