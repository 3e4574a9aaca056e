"use client";
// The workbench as the statement page feeds it: highlights packed (lib/highlight-payload.ts), so
// a thousand of them cost the page a fraction of their DTOs. The server's HTML shows the text
// plain and the side panel's first rows, so it (and the render that hydrates it) takes only those
// from the payload, with counts and people over all; the page unpacks the whole payload in the
// render right after hydration, the one that draws the highlights.
import { useMemo } from "react";
import { previewHighlights, readPayload, unpackHighlights, type HighlightPayload } from "@/lib/highlight-payload";
import { FIRST_ROWS } from "./side-panel";
import { useHydrated, Workbench, type WorkbenchProps } from "./workbench";

export type PackedWorkbenchProps = Omit<WorkbenchProps, "highlights" | "orphans" | "preview"> & { payload: HighlightPayload };

export function PackedWorkbench({ payload, ...props }: PackedWorkbenchProps) {
  const text = props.revision.text;
  const hydrated = useHydrated();
  // Parsed once for both the preview and, a render later, the whole.
  const packed = useMemo(() => readPayload(payload), [payload]);
  const lists = useMemo(() => {
    if (hydrated) return unpackHighlights(packed, text);
    const { highlights, orphans, ...preview } = previewHighlights(packed, text, FIRST_ROWS);
    return { highlights, orphans, preview };
  }, [hydrated, packed, text]);
  return <Workbench {...props} highlights={lists.highlights} orphans={lists.orphans} preview={"preview" in lists ? lists.preview : undefined} />;
}
