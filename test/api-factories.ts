// Tokens and in-process requests for the JSON API's tests: the real route handlers are imported
// and called with Request objects, so no server is needed.
import type { Role } from "../lib/roles";
import { createApiToken } from "../lib/server/api-tokens";
import { db } from "../lib/server/db";
import type { Actor } from "../lib/server/permissions";

export async function makeToken(owner: Actor, workspaceId: string, role: Role, expiresInDays: number | null = null): Promise<string> {
  const created = await createApiToken(owner, { workspaceId, name: `token for ${role}`, role, expiresInDays });
  return created.token;
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type ApiCall = {
  token?: string | null;
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** An object is sent as JSON; a string is sent as it is (for malformed bodies). */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
};

export type ApiAnswer = { status: number; body: any; headers: Headers };

/** Calls one exported method of a route module (e.g. `GET`) the way Next.js would. */
export async function callApi(handler: unknown, method: string, call: ApiCall = {}): Promise<ApiAnswer> {
  const url = new URL("http://factdesk.test/api/v1/test");
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  const headers = new Headers(call.headers);
  if (call.token !== null && call.token !== undefined) headers.set("Authorization", `Bearer ${call.token}`);
  let body: string | undefined;
  if (call.body !== undefined) {
    body = typeof call.body === "string" ? call.body : JSON.stringify(call.body);
    headers.set("Content-Type", call.contentType ?? "application/json");
  }
  const request = new Request(url, { method, headers, body });
  const response = await (handler as Handler)(request, { params: Promise.resolve(call.params ?? {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

export async function setRole(workspaceId: string, userId: string, role: Role): Promise<void> {
  await db().membership.update({ where: { workspaceId_userId: { workspaceId, userId } }, data: { role } });
}
