import "server-only";
import { authenticateApiToken } from "./api-tokens";
import { ServiceError, type FieldErrors } from "./errors";
import type { Actor } from "./permissions";
import { VerdictConflict } from "./verdicts";

// The one way into the service layer from the JSON API (app/api/v1/**): authenticate the bearer
// token, read the JSON body within its size limit, run one service function as the token's scoped
// actor, and turn every failure into the same error shape:
//   { "error": { "code": "...", "message": "...", "fields"?: { "<field>": ["..."] } } }
// Authorization is not decided here: the services decide it, exactly as for the app's pages.

/** Big enough for a 1 MB statement even if every character is escaped, and for small batches. */
export const MAX_API_BODY_BYTES = 4 * 1024 * 1024;

export type ApiErrorCode =
  | "malformed_json"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "invalid"
  | "throttled"
  | "internal";

const STATUS: Record<ApiErrorCode, number> = {
  malformed_json: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid: 422,
  throttled: 429,
  internal: 500,
};

/** A refusal decided by the API layer itself (the request's form rather than its meaning). */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const NO_STORE = { "Cache-Control": "no-store" };

/** A success: `{ "data": … }` (plus `meta` for lists). */
export function apiJson(data: unknown, init: { status?: number; meta?: Record<string, unknown> } = {}): Response {
  return Response.json(init.meta ? { data, meta: init.meta } : { data }, { status: init.status ?? 200, headers: NO_STORE });
}

export function apiErrorResponse(error: unknown): Response {
  let code: ApiErrorCode;
  let message: string;
  let fields: FieldErrors | undefined;
  let extra: Record<string, unknown> = {};
  if (error instanceof ApiError) {
    ({ code, message, fields } = error);
  } else if (error instanceof ServiceError) {
    code = error.code;
    message = error.message;
    fields = error.fieldErrors;
    // The verdict as it is now, so a client can compare and retry with its lockVersion.
    if (error instanceof VerdictConflict) extra = { verdict: error.theirs };
  } else {
    console.error(error);
    code = "internal";
    message = "Something went wrong on our side; nothing was saved. Please try again.";
  }
  const headers: Record<string, string> = { ...NO_STORE };
  if (code === "unauthenticated") headers["WWW-Authenticate"] = 'Bearer realm="factdesk"';
  const body = { error: { code, message, ...(fields && Object.keys(fields).length ? { fields } : {}), ...extra } };
  return Response.json(body, { status: STATUS[code], headers });
}

export type ApiRequest<P> = {
  /** The token's owner, scoped to the token's workspace and role. */
  actor: Actor;
  /** The token's workspace: every service call is made in it. */
  workspaceId: string;
  params: P;
  query: URLSearchParams;
  /** The body as a JSON object; refuses anything else with 415, 413, 400 or 422. */
  body(): Promise<Record<string, unknown>>;
};

/**
 * Wraps a route handler: `export const GET = apiRoute(async ({ actor, workspaceId }) => …)`.
 * The handler returns a Response (usually apiJson); anything it throws becomes an error response.
 */
export function apiRoute<P extends Record<string, string> = Record<string, never>>(run: (request: ApiRequest<P>) => Promise<Response>) {
  return async (request: Request, context?: { params?: Promise<P> }): Promise<Response> => {
    try {
      const actor = await authenticateApiToken(request.headers.get("authorization"));
      const params = ((await context?.params) ?? {}) as P;
      return await run({
        actor,
        workspaceId: actor.scope.workspaceId,
        params,
        query: new URL(request.url).searchParams,
        body: () => readJsonObject(request),
      });
    } catch (error) {
      return apiErrorResponse(error);
    }
  };
}

async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new ApiError("unsupported_media_type", "Send the body as JSON, with the header “Content-Type: application/json”.");
  }
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > MAX_API_BODY_BYTES) throw tooLarge();
  const bytes = await readLimited(request);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError("malformed_json", "The request body is not valid UTF-8 text.");
  }
  if (text.trim() === "") throw new ApiError("malformed_json", "The request body is empty; send a JSON object.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError("malformed_json", `The request body is not valid JSON: ${(error as Error).message.replace(/\.$/, "")}.`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ApiError("invalid", "The request body must be a JSON object, like {\"name\": \"value\"}.");
  }
  return value as Record<string, unknown>;
}

/** Reads the body, stopping as soon as it passes the limit (a missing or false Content-Length). */
async function readLimited(request: Request): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_API_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(): ApiError {
  return new ApiError("payload_too_large", `The request body is larger than the limit of ${MAX_API_BODY_BYTES / (1024 * 1024)} MB.`);
}
