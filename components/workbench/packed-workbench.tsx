"use client";
// The workbench as the statement page feeds it: highlights packed (lib/highlight-payload.ts), so
// a thousand of them cost the page a fraction of their DTOs; unpacked once per payload.
import { useMemo } from "react";
import { unpackHighlights, type HighlightPayload } from "@/lib/highlight-payload";
import { Workbench, type WorkbenchProps } from "./workbench";

export type PackedWorkbenchProps = Omit<WorkbenchProps, "highlights" | "orphans"> & { payload: HighlightPayload };

export function PackedWorkbench({ payload, ...props }: PackedWorkbenchProps) {
  const text = props.revision.text;
  const { highlights, orphans } = useMemo(() => unpackHighlights(payload, text), [payload, text]);
  return <Workbench {...props} highlights={highlights} orphans={orphans} />;
}
