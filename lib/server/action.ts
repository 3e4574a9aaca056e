import "server-only";
import { ServiceError, type FieldErrors } from "./errors";
import type { Actor } from "./permissions";
import { currentUser } from "./session";

/** What every form action returns to `useActionState`. `values` gives the form back its typing. */
export type ActionState<D = unknown> = {
  ok: boolean;
  message?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
  data?: D;
};

export const initialActionState: ActionState = { ok: false };

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

/**
 * The one way into the service layer from a form: loads the session, passes the form's fields to
 * one service function (which authorizes and validates), and turns its failures into state the
 * form can show — with the typed values, so nothing is lost. `after` runs only on success
 * (revalidate, redirect) and outside the try, so Next's redirect is not swallowed.
 */
export function formAction<R, D = unknown>(
  run: (actor: Actor, values: Record<string, string>, formData: FormData) => Promise<R>,
  after?: (result: R, values: Record<string, string>) => ActionState<D> | void | Promise<ActionState<D> | void>,
) {
  return async (_previous: ActionState<D>, formData: FormData): Promise<ActionState<D>> => {
    const values = formValues(formData);
    delete values.password;
    delete values.newPassword;
    delete values.currentPassword;
    const user = await currentUser();
    if (!user) return { ok: false, message: "Your session has ended. Please sign in again.", values };
    let result: R;
    try {
      result = await run(user, formValues(formData), formData);
    } catch (error) {
      return { ...stateFromError(error), values };
    }
    return (await after?.(result, values)) ?? { ok: true, values: {} };
  };
}

export function stateFromError(error: unknown): ActionState<never> {
  if (error instanceof ServiceError) return { ok: false, message: error.message, errors: error.fieldErrors };
  console.error(error);
  return { ok: false, message: "Something went wrong on our side; nothing was saved. Please try again." };
}
