import "server-only";
import { NextResponse } from "next/server";
import { ServiceError, httpStatus } from "@/lib/server/errors";
import { currentUser, type SessionUser } from "@/lib/server/session";
import { getWorkspace, type WorkspaceDetails } from "@/lib/server/workspaces";

// Downloads under /w/[ws] answer like the pages around them: a signed-in session is needed, and a
// workspace the user is not a member of does not exist (404), never a 403 that would confirm it.

export type RouteContext = { user: SessionUser; workspace: WorkspaceDetails };

export async function workspaceRoute(slug: string): Promise<RouteContext | NextResponse> {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in to download this." }, { status: 401 });
  try {
    return { user, workspace: await getWorkspace(user, { slug }) };
  } catch (error) {
    return errorResponse(error);
  }
}

/** A service error as a short plain answer; anything else is rethrown (a real server error). */
export function errorResponse(error: unknown): NextResponse {
  if (!(error instanceof ServiceError)) throw error;
  return NextResponse.json({ error: error.message, ...(error.fieldErrors ? { fields: error.fieldErrors } : {}) }, { status: httpStatus(error) });
}
