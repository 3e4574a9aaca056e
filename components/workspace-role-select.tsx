"use client";
import { useState } from "react";
import { FieldError } from "@/components/ui/field";
import { isRole, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from "@/lib/roles";

/** A labelled role picker that says what the chosen role can do. */
export function WorkspaceRoleSelect({
  id,
  name = "role",
  label = "Role",
  defaultValue = "checker",
  errors,
}: {
  id: string;
  name?: string;
  label?: string;
  defaultValue?: Role | string;
  errors?: string[];
}) {
  return <RoleSelect key={defaultValue} id={id} name={name} label={label} initial={defaultValue} errors={errors} />;
}

function RoleSelect({ id, name, label, initial, errors }: { id: string; name: string; label: string; initial: string; errors?: string[] }) {
  const [role, setRole] = useState(initial);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <select
        id={id}
        name={name}
        // Uncontrolled: React resets forms after an action, which would leave a controlled select
        // showing its first option while its state says otherwise.
        defaultValue={initial}
        onChange={(e) => setRole(e.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hintId, errors?.length ? errorId : ""].filter(Boolean).join(" ")}
        className="block w-full rounded-md border border-line bg-white px-3 py-2 text-sm shadow-sm aria-[invalid]:border-red-600"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <p id={hintId} className="text-xs text-muted">
        {isRole(role) ? ROLE_DESCRIPTIONS[role] : ""}
      </p>
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}
