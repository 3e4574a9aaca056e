import type { ClaimSectionProps } from "./section-props";

// Placeholder until the sources section lands (issue 4).
export async function SourcesSection(_props: ClaimSectionProps) {
  return null;
}
