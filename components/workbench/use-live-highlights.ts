"use client";
// Other people's highlights and claims on this statement, as they save them: one EventSource on
// the statement's event stream (app/api/statements/[id]/events), each event merged into the
// workbench's lists by applyLiveEvent (lib/live-events.ts: idempotent, and the reader's own
// optimistic highlights are recognised by their clientId). EventSource reconnects by itself and
// sends the last event id, so the server replays what was missed or says to resync, which
// re-reads the page's data.
//
// A correction of the text is never swapped in under the reader: the hook reports it
// (`correction`, from the correction's event or from the stream's opening `hello` when the page
// missed it) and the page shows the corrected text when the reader asks (`showCorrected`, a
// refresh of the page's data). Until then, news with offsets in the new text waits: the refresh
// brings all of it.
//
// A deletion is told to `onDeleted` before it is merged, while the page still has the highlight:
// the reader's unsaved typing in it is kept (claim-drafts.ts), not dropped with it.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { applyLiveEvent, decideLiveEvent, HELLO, RESYNC, type Hello, type LiveEvent } from "@/lib/live-events";
import type { WorkbenchHighlight } from "./types";

type SetList = React.Dispatch<React.SetStateAction<WorkbenchHighlight[]>>;

/** A newer revision than the page shows; `by` is unknown when only the stream's hello told of it. */
export type PendingCorrection = { revision: number; by: { id: string; name: string } | null };

/** JSON carries dates as strings; the page's highlights have Dates. */
function revive(event: LiveEvent): LiveEvent {
  if (event.type === "highlight.created" || event.type === "highlight.updated") {
    return { ...event, highlight: { ...event.highlight, createdAt: new Date(event.highlight.createdAt) } };
  }
  return event;
}

/** The better-informed of two notices: the newer revision, or for the same one the notice that knows who. */
function newest(current: PendingCorrection | null, heard: PendingCorrection): PendingCorrection {
  if (!current || heard.revision > current.revision) return heard;
  return heard.revision === current.revision && !current.by && heard.by ? heard : current;
}

export function useLiveHighlights({
  statementId,
  revision,
  setHighlights,
  setOrphans,
  onDeleted,
}: {
  statementId: string;
  revision: number;
  setHighlights: SetList;
  setOrphans: SetList;
  /** Someone (`actorId`) deleted a highlight; called before the lists lose it. */
  onDeleted?: (highlightId: string, actorId: string) => void;
}): {
  correction: PendingCorrection | null;
  showCorrected: () => void;
  showing: boolean;
} {
  const router = useRouter();
  const [heard, setHeard] = useState<PendingCorrection | null>(null);
  const [showing, startShowing] = useTransition();
  const correction = heard && heard.revision > revision ? heard : null;
  // Read by the stream's handlers, which live as long as the stream (not one render).
  const shown = useRef({ revision, behind: correction !== null });
  useEffect(() => {
    shown.current = { revision, behind: correction !== null };
  }, [revision, correction]);
  const deleted = useRef(onDeleted);
  useEffect(() => {
    deleted.current = onDeleted;
  }, [onDeleted]);

  useEffect(() => {
    const tell = (notice: PendingCorrection) => {
      if (notice.revision <= shown.current.revision) return;
      shown.current = { ...shown.current, behind: true };
      setHeard((current) => newest(current, notice));
    };
    const source = new EventSource(`/api/statements/${encodeURIComponent(statementId)}/events`);
    source.onmessage = (message: MessageEvent<string>) => {
      let event: LiveEvent;
      try {
        event = revive(JSON.parse(message.data) as LiveEvent);
      } catch {
        return;
      }
      if (event.statementId !== statementId) return;
      switch (decideLiveEvent(event, shown.current.revision, shown.current.behind)) {
        case "corrected":
          tell({ revision: event.revision!, by: event.type === "statement.corrected" ? event.by : null });
          return;
        case "later":
          if (event.revision !== undefined) tell({ revision: event.revision, by: null });
          return;
        case "ignore":
          return;
        case "merge":
          if (event.type === "highlight.deleted") deleted.current?.(event.highlightId, event.actorId);
          setHighlights((list) => applyLiveEvent(list, event, "placed"));
          setOrphans((list) => applyLiveEvent(list, event, "orphaned"));
      }
    };
    const hello = (message: MessageEvent<string>) => {
      try {
        const { revision: current } = JSON.parse(message.data) as Hello;
        if (typeof current === "number") tell({ revision: current, by: null });
      } catch {
        // a garbled hello tells nothing
      }
    };
    // Missed events: re-read the page's data — unless the text was corrected meanwhile, which the
    // reader takes in when they choose (that refresh re-reads everything anyway).
    const resync = () => {
      if (!shown.current.behind) router.refresh();
    };
    source.addEventListener(HELLO, hello);
    source.addEventListener(RESYNC, resync);
    return () => {
      source.removeEventListener(HELLO, hello);
      source.removeEventListener(RESYNC, resync);
      source.close();
    };
  }, [statementId, router, setHighlights, setOrphans]);

  const showCorrected = useCallback(() => startShowing(() => router.refresh()), [router]);
  return { correction, showCorrected, showing };
}
