// The form-level outcome. role="status" rather than "alert": Next's route announcer is an alert too.
export function FormMessage({ ok, message }: { ok?: boolean; message?: string }) {
  if (!message) return <p role="status" aria-live="polite" className="sr-only" />;
  return (
    <p
      role="status"
      aria-live="polite"
      className={`rounded-md border px-3 py-2 text-sm ${ok ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-red-200 bg-red-50 text-red-900"}`}
    >
      {message}
    </p>
  );
}
