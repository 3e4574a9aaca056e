import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { NotFound } from "@/lib/server/errors";
import { requireUser } from "@/lib/server/session";
import { getWorkspace } from "@/lib/server/workspaces";

/**
 * The signed-in user and the workspace of a /w/[ws] page, once per request (the layout and the
 * page share it). A non-member sees the same 404 as for a workspace that does not exist.
 * Pages still call the service layer for everything they read or change: this only shapes the page.
 */
export const loadWorkspacePage = cache(async (slug: string) => {
  const user = await requireUser();
  try {
    const workspace = await getWorkspace(user, { slug });
    return { user, workspace };
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
});

/** A service read for a page: an object the reader may not see, or that does not exist, is the page's 404. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
}
