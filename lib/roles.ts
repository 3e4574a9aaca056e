// Workspace roles, in increasing power. Pure: shared by the service layer and the UI.
export const ROLES = ["viewer", "checker", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  viewer: "Viewer",
  checker: "Checker",
  editor: "Editor",
  admin: "Admin",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: "Reads statements, claims and verdicts; exports.",
  checker: "Imports statements, highlights, researches claims and drafts verdicts.",
  editor: "Reviews and publishes verdicts, corrects statements, manages tags and the rating scale.",
  admin: "Manages members, roles and workspace settings.",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

export const canImport = (role: Role) => roleAtLeast(role, "checker");
export const canAnnotate = (role: Role) => roleAtLeast(role, "checker");
export const canReview = (role: Role) => roleAtLeast(role, "editor");
export const canCorrectText = (role: Role) => roleAtLeast(role, "editor");
export const canManageTaxonomy = (role: Role) => roleAtLeast(role, "editor");
export const canManageMembers = (role: Role) => roleAtLeast(role, "admin");
