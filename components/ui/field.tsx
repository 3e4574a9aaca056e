// A labelled input whose error is tied to it (aria-describedby) and announced (aria-live).
import type { InputHTMLAttributes, TextareaHTMLAttributes } from "react";

type Common = { label: string; name: string; errors?: string[]; hint?: string };

export function Field({ label, name, errors, hint, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const errorId = `${input.id ?? name}-error`;
  const hintId = hint ? `${input.id ?? name}-hint` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={input.id ?? name} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <input
        id={input.id ?? name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[errors?.length ? errorId : undefined, hintId].filter(Boolean).join(" ") || undefined}
        className="block w-full rounded-md border border-line bg-white px-3 py-2 text-sm shadow-sm focus:border-accent aria-[invalid]:border-red-600"
        {...input}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

export function TextArea({ label, name, errors, hint, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const errorId = `${input.id ?? name}-error`;
  const hintId = hint ? `${input.id ?? name}-hint` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={input.id ?? name} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <textarea
        id={input.id ?? name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[errors?.length ? errorId : undefined, hintId].filter(Boolean).join(" ") || undefined}
        className="block w-full rounded-md border border-line bg-white px-3 py-2 text-sm shadow-sm focus:border-accent aria-[invalid]:border-red-600"
        {...input}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <p id={id} aria-live="polite" className="text-sm text-red-700">
      {errors?.join(" ")}
    </p>
  );
}
