// A labelled input whose error is tied to it (aria-describedby) and announced (aria-live).
import type { InputHTMLAttributes, TextareaHTMLAttributes } from "react";

type Common = { label: string; name: string; errors?: string[]; hint?: string };

const CONTROL_CLASS =
  "block w-full rounded-md border border-line bg-white px-3 py-2 text-sm shadow-sm focus:border-accent aria-[invalid]:border-red-600";

/** The label, hint and error around one control, with the ids that tie them together. */
function FieldShell({
  label,
  name,
  id,
  errors,
  hint,
  control,
}: Common & { id?: string; control: (a11y: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode }) {
  const controlId = id ?? name;
  const errorId = `${controlId}-error`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const describedBy = [errors?.length ? errorId : undefined, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={controlId} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {control({ id: controlId, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

export function Field({ label, name, errors, hint, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell
      label={label}
      name={name}
      id={input.id}
      errors={errors}
      hint={hint}
      control={(a11y) => <input name={name} className={CONTROL_CLASS} {...a11y} {...input} id={a11y.id} />}
    />
  );
}

export function TextArea({ label, name, errors, hint, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell
      label={label}
      name={name}
      id={input.id}
      errors={errors}
      hint={hint}
      control={(a11y) => <textarea name={name} className={CONTROL_CLASS} {...a11y} {...input} id={a11y.id} />}
    />
  );
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <p id={id} aria-live="polite" className="text-sm text-red-700">
      {errors?.join(" ")}
    </p>
  );
}
