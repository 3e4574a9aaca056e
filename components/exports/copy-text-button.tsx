"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies `text` to the clipboard and says so (politely, for screen readers too). */
export function CopyTextButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        className="px-3 py-1.5"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setState("copied");
          } catch {
            setState("failed");
          }
        }}
      >
        {label}
      </Button>
      <span aria-live="polite" className="text-xs text-muted">
        {state === "copied" ? "Copied." : state === "failed" ? "Could not copy; use Download instead." : ""}
      </span>
    </span>
  );
}
