import type { ClaimSectionProps } from "./section-props";

// Placeholder until the verdict section lands (issue 4).
export async function VerdictSection(_props: ClaimSectionProps) {
  return null;
}
