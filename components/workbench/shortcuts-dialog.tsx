"use client";
import { useEffect, useRef } from "react";

const SHORTCUTS: Array<[string, string]> = [
  ["c", "Make the selected passage a claim"],
  ["n", "Make the selected passage a note"],
  ["j", "Next claim"],
  ["k", "Previous claim"],
  ["Enter", "Open the current claim"],
  ["Esc", "Close the claim, or clear the selection"],
  ["?", "Show these shortcuts"],
];

/** A modal <dialog>: focus moves in, Esc closes it, focus returns to where it was. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
      className="m-auto w-[26rem] max-w-[92vw] rounded-lg border border-line bg-white p-6 text-ink shadow-xl backdrop:bg-ink/30"
    >
      <h2 id="shortcuts-title" className="text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="mt-4 space-y-2 text-sm">
        {SHORTCUTS.map(([key, what]) => (
          <div key={key} className="flex items-center gap-4">
            <dt className="w-16 shrink-0">
              <kbd className="rounded border border-line bg-stone-50 px-2 py-0.5 font-mono text-xs shadow-sm">{key}</kbd>
            </dt>
            <dd className="text-ink/90">{what}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-6 flex justify-end">
        <button type="button" onClick={onClose} className="rounded-md border border-line bg-white px-4 py-2 text-sm font-medium hover:bg-stone-50">
          Close
        </button>
      </div>
    </dialog>
  );
}
