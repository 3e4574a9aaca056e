import type { ClaimSectionProps } from "./section-props";

// Placeholder until the claim history lands (issue 4).
export async function ClaimHistory(_props: ClaimSectionProps) {
  return null;
}
