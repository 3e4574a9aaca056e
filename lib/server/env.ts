import { z } from "zod";

// Validated once at start-up; a missing or malformed variable stops the app with a clear message.
const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .default("file:./data/factdesk.db")
    .refine((v) => /^(file:|postgres:\/\/|postgresql:\/\/)/.test(v), {
      message: "must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)",
    }),
  AUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default("Single sign-on"),
  GITHUB_CLIENT_ID: z.string().optional(),
  GITHUB_CLIENT_SECRET: z.string().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(
    Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Factdesk: invalid environment\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
