"use client";
// One highlight's unsaved draft from the workbench's ClaimDraftStore (lib/claim-drafts.ts): the
// editor and the list row read it, so typing re-renders them and not the page around them.
import { useCallback, useSyncExternalStore } from "react";
import type { ClaimDraft, ClaimDraftStore } from "@/lib/claim-drafts";

export function useClaimDraft(store: ClaimDraftStore, highlightId: string): ClaimDraft | undefined {
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener, highlightId), [store, highlightId]);
  return useSyncExternalStore(
    subscribe,
    () => store.get(highlightId),
    // The server's HTML cannot know what this browser kept.
    () => undefined,
  );
}

const NONE: ClaimDraft[] = [];

/** The kept drafts of deleted highlights (the side panel lists them until discarded). */
export function useKeptDrafts(store: ClaimDraftStore): ClaimDraft[] {
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
  return useSyncExternalStore(
    subscribe,
    () => store.kept(),
    () => NONE,
  );
}
