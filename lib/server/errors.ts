// Typed failures of the service layer. Actions and route handlers turn them into a result or an
// HTTP status; nothing else leaks to the browser.

export type FieldErrors = Record<string, string[]>;

export class ServiceError extends Error {
  constructor(
    message: string,
    readonly code: "not_found" | "forbidden" | "invalid" | "conflict" | "unauthenticated" | "throttled",
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Also used for "exists but not yours": a non-member cannot tell the two apart. */
export class NotFound extends ServiceError {
  constructor(what: string) {
    super(`${what[0]!.toUpperCase()}${what.slice(1)} not found.`, "not_found");
  }
}

export class Forbidden extends ServiceError {
  constructor(message = "You do not have permission to do that.") {
    super(message, "forbidden");
  }
}

export class Invalid extends ServiceError {
  constructor(message: string, fieldErrors?: FieldErrors) {
    super(message, "invalid", fieldErrors);
  }
}

export class Conflict extends ServiceError {
  constructor(message: string, fieldErrors?: FieldErrors) {
    super(message, "conflict", fieldErrors);
  }
}

export class Unauthenticated extends ServiceError {
  constructor(message = "Please sign in.") {
    super(message, "unauthenticated");
  }
}

export function httpStatus(error: ServiceError): number {
  return { not_found: 404, forbidden: 403, invalid: 400, conflict: 409, unauthenticated: 401, throttled: 429 }[
    error.code
  ];
}
