import { createHash } from "node:crypto";
import { normaliseText } from "./normalise";

/** SHA-256 (hex) of the normalised text: equal for texts that differ only in line endings or spacing. */
export function contentHash(text: string): string {
  return createHash("sha256").update(normaliseText(text), "utf8").digest("hex");
}
