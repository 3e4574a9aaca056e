import type { z } from "zod";
import { Invalid, type FieldErrors } from "./errors";

/** Parses service input with its zod schema; failures become Invalid with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = result.error.issues[0];
  throw new Invalid(
    first && first.path.length === 0 ? first.message : "Please correct the highlighted fields.",
    fieldErrors,
  );
}
