"use server";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/server/action";
import { createWorkspace } from "@/lib/server/workspaces";

export const createWorkspaceAction = formAction(
  (actor, values) => createWorkspace(actor, { name: values.name, slug: values.slug }),
  (workspace) => redirect(`/w/${workspace.slug}/statements`),
);
