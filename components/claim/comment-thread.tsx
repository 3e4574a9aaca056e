import type { ClaimSectionProps } from "./section-props";

// Placeholder until the comment thread lands (issue 4).
export async function CommentThread(_props: ClaimSectionProps) {
  return null;
}
