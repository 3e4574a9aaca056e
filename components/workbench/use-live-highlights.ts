"use client";
// Other people's highlights and claims on this statement, as they save them: one EventSource on
// the statement's event stream (app/api/statements/[id]/events), each event merged into the
// workbench's lists by applyLiveEvent (lib/live-events.ts: idempotent, and the reader's own
// optimistic highlights are recognised by their clientId). EventSource reconnects by itself and
// sends the last event id, so the server replays what was missed or says to resync, which
// re-reads the page's data.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { applyLiveEvent, RESYNC, type LiveEvent } from "@/lib/live-events";
import type { WorkbenchHighlight } from "./types";

type SetList = React.Dispatch<React.SetStateAction<WorkbenchHighlight[]>>;

/** JSON carries dates as strings; the page's highlights have Dates. */
function revive(event: LiveEvent): LiveEvent {
  if (event.type === "highlight.created" || event.type === "highlight.updated") {
    return { ...event, highlight: { ...event.highlight, createdAt: new Date(event.highlight.createdAt) } };
  }
  return event;
}

export function useLiveHighlights({ statementId, revision, setHighlights, setOrphans }: { statementId: string; revision: number; setHighlights: SetList; setOrphans: SetList }): void {
  const router = useRouter();
  useEffect(() => {
    const source = new EventSource(`/api/statements/${encodeURIComponent(statementId)}/events`);
    source.onmessage = (message: MessageEvent<string>) => {
      let event: LiveEvent;
      try {
        event = revive(JSON.parse(message.data) as LiveEvent);
      } catch {
        return;
      }
      if (event.statementId !== statementId) return;
      // Offsets in another revision than the one shown: the text was corrected meanwhile.
      if (event.revision !== undefined && event.revision !== revision) {
        router.refresh();
        return;
      }
      setHighlights((list) => applyLiveEvent(list, event, "placed"));
      setOrphans((list) => applyLiveEvent(list, event, "orphaned"));
    };
    const resync = () => router.refresh();
    source.addEventListener(RESYNC, resync);
    return () => {
      source.removeEventListener(RESYNC, resync);
      source.close();
    };
  }, [statementId, revision, router, setHighlights, setOrphans]);
}
