import { FieldError } from "@/components/ui/field";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from "@/lib/roles";

/** A labelled role picker; each option names what the role can do. */
export function WorkspaceRoleSelect({
  id,
  name = "role",
  label = "Role",
  defaultValue,
  errors,
}: {
  id: string;
  name?: string;
  label?: string;
  defaultValue?: Role | string;
  errors?: string[];
}) {
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <select
        id={id}
        name={name}
        key={defaultValue}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className="block w-full rounded-md border border-line bg-white px-3 py-2 text-sm shadow-sm aria-[invalid]:border-red-600"
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]} — {ROLE_DESCRIPTIONS[role]}
          </option>
        ))}
      </select>
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}
