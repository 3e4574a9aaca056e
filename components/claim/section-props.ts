import type { WorkspaceAccess } from "@/lib/server/permissions";
import type { SessionUser } from "@/lib/server/session";

/** What every section of the claim page receives; each section loads its own data through its service. */
export type ClaimSectionProps = {
  user: SessionUser;
  workspace: WorkspaceAccess;
  claimId: string;
};
