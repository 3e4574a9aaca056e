"use client";
// A disclosure (button + panel of links), not an ARIA menu: links stay plain links reachable with
// Tab, and Escape or a click elsewhere closes the panel.
import { useEffect, useId, useRef, useState } from "react";

export function WorkspaceMenu({
  label,
  buttonLabel,
  align = "left",
  children,
}: {
  /** What the button shows. */
  label: React.ReactNode;
  /** The button's accessible name when `label` alone is not clear. */
  buttonLabel?: string;
  align?: "left" | "right";
  children: React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onFocus = (event: FocusEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    document.addEventListener("focusin", onFocus);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("focusin", onFocus);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={buttonLabel}
        onClick={() => setOpen((v) => !v)}
        className="inline-flex max-w-[16rem] items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium text-ink hover:bg-stone-100"
      >
        {label}
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0 text-muted" fill="currentColor">
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </button>
      <div
        id={panelId}
        hidden={!open}
        onClick={(event) => {
          // Following a link closes the panel; client navigation would otherwise leave it open.
          if ((event.target as HTMLElement).closest("a")) setOpen(false);
        }}
        className={`absolute z-30 mt-1 w-72 rounded-lg border border-line bg-white p-1 shadow-lg ${align === "right" ? "right-0" : "left-0"}`}
      >
        {children}
      </div>
    </div>
  );
}
