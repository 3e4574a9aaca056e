import { createHash } from "node:crypto";
import { normaliseText } from "./normalise";

/** SHA-256 (hex) of the normalised text: equal for texts that differ only in line endings or spacing. */
export function contentHash(text: string): string {
  return hashNormalisedText(normaliseText(text));
}

/** contentHash for a text that is already normalised: saves a second pass in bulk imports. */
export function hashNormalisedText(normalised: string): string {
  return createHash("sha256").update(normalised, "utf8").digest("hex");
}
