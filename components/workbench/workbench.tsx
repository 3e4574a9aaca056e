"use client";
// The annotation workbench: the statement text (Slate, read-only) on the left, the claims and
// notes on the right. Creating a highlight is optimistic: it shows at once as "saving", becomes
// the stored highlight when the server answers, or stays visible as "failed" with Retry.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { applyChanges, ClaimDraftStore, draftKeyPrefix, valuesOf } from "@/lib/claim-drafts";
import { correctionMessage, countClaims } from "@/lib/live-events";
import { createHighlightAction, deleteHighlightAction, reattachOrphanAction, updateClaimAction, updateHighlightAction } from "@/app/w/[ws]/statements/[id]/actions";
import { HighlightCard } from "./highlight-card";
import { ClaimCountProvider } from "./live-claim-count";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { SidePanel } from "./side-panel";
import { StatementPlainText } from "./statement-plain-text";
import { StatementViewer } from "./statement-viewer";
import { useLiveHighlights } from "./use-live-highlights";
import { matchesFilters, NO_FILTERS, type Can, type ClaimSummary, type Filters, type ShownHighlight, type TextSelection, type WorkbenchHighlight, type WorkbenchMember, type WorkbenchTag } from "./types";

export const CREATE_MARK = "fd:create";

/** Why an unsaved highlight made on an earlier text cannot be saved or shown on the corrected one. */
export const STALE_SELECTION = "the text was corrected meanwhile; select the passage again.";

function staleOf(h: WorkbenchHighlight): WorkbenchHighlight {
  return { ...h, state: "failed", stale: true, error: STALE_SELECTION };
}

export type WorkbenchProps = {
  workspaceId: string;
  statementId: string;
  language?: string;
  revision: { number: number; text: string };
  highlights: ShownHighlight[];
  orphans: ShownHighlight[];
  can: Can;
  user: { id: string; name: string; color: string };
  tags: WorkbenchTag[];
  members: WorkbenchMember[];
  header: React.ReactNode;
  /**
   * Set while `highlights` are only the first rows of the statement's (the server's HTML and the
   * render that hydrates it): the counts and people over all of them. The full lists follow in
   * the next props, and from then on this is unset.
   */
  preview?: WorkbenchPreview;
};

/** What the side panel's first rows come with while the workbench has only those (lib/highlight-payload.ts previewHighlights). */
export type WorkbenchPreview = { claims: number; notes: number; people: WorkbenchHighlight["author"][] };

function byPosition(a: WorkbenchHighlight, b: WorkbenchHighlight) {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1);
}

const noSubscription = () => () => {};

/** False while the server renders and the page hydrates, true from then on (and on client navigations). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function Workbench(props: WorkbenchProps) {
  const { workspaceId, statementId, revision, can, user } = props;
  const [highlights, setHighlights] = useState<WorkbenchHighlight[]>(props.highlights);
  const [orphans, setOrphans] = useState<WorkbenchHighlight[]>(props.orphans);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [hover, setHover] = useState<{ ids: string[]; top: number; left: number } | null>(null);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [notice, setNotice] = useState<string>("");
  const createMark = useRef(false);
  const router = useRouter();
  // The first rows only, until the full lists arrive (packed-workbench.tsx unpacks them once the
  // page has hydrated): taken in the render that brings them, before anything is drawn from them.
  const [preview, setPreview] = useState(props.preview);
  const received = useRef([props.highlights, props.orphans]);
  if (preview && !props.preview) {
    setPreview(undefined);
    setHighlights(props.highlights);
    setOrphans(props.orphans);
    // Taken already: the refresh effect below need not copy them again.
    received.current = [props.highlights, props.orphans];
  }
  // The claim editor's unsaved typing per highlight: it outlives the editor (and, through
  // localStorage, the page). Restored after hydration: the server cannot know what was kept.
  const [drafts] = useState(() => new ClaimDraftStore(draftKeyPrefix(user.id, workspaceId, statementId)));
  const complete = !preview;
  useEffect(() => {
    if (!complete) return;
    let storage: Storage | null = null;
    try {
      storage = window.localStorage;
    } catch {
      // Storage blocked: drafts live as long as the page.
    }
    const opened = new Map([...props.highlights, ...props.orphans].map((h) => [h.id, h]));
    drafts.restore(storage, (id) => {
      const h = opened.get(id);
      return h ? valuesOf(h) : undefined;
    });
    // Another tab of this browser typing on the same statement: its drafts show here too.
    const onStorage = (e: StorageEvent) => {
      if (storage && e.storageArea === storage) drafts.takeStored(e.key, e.newValue);
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
    // Once, against the full lists the page opened with.
  }, [drafts, complete]);
  // Someone deleted a highlight: the reader's unsaved typing in it is kept, not lost with it
  // (unless the reader is deleting it here, from its editor).
  const listed = useRef({ highlights, orphans });
  useEffect(() => {
    listed.current = { highlights, orphans };
  }, [highlights, orphans]);
  const deleting = useRef(new Set<string>());
  const { members } = props;
  const keepDeletedDraft = useCallback(
    (id: string, actorId: string) => {
      if (!drafts.get(id) || deleting.current.has(id)) return;
      const h = listed.current.highlights.find((x) => x.id === id) ?? listed.current.orphans.find((x) => x.id === id);
      const by = actorId === user.id ? user : members.find((m) => m.id === actorId);
      drafts.markDeleted(id, h && valuesOf(h), { by: by ? { id: by.id, name: by.name } : null, kind: h?.kind ?? null, exact: h?.exact ?? null, at: Date.now() });
    },
    [drafts, user, members],
  );
  // Others' changes to this statement, merged in as they are saved; a correction waits for the reader.
  const { correction, showCorrected, showing } = useLiveHighlights({ statementId, revision: revision.number, setHighlights, setOrphans, onDeleted: keepDeletedDraft });
  const claimCount = useMemo(() => (preview ? preview.claims + countClaims([], orphans) : countClaims(highlights, orphans)), [preview, highlights, orphans]);
  const shownRevision = useRef(revision.number);
  // The server sends the text alone (statement-plain-text.tsx): rendering a thousand highlights
  // there cost more than the rest of the page. The viewer paints them once the page has hydrated.
  const hydrated = useHydrated();

  // A server refresh (another revision, router.refresh) replaces what is stored; keep what is unsaved.
  // Not on mount: state starts as these very lists, and a copy would re-render the whole page.
  // Unsaved highlights of an earlier text stay listed but are not placed on the corrected one (their
  // offsets count in the old text), and a selection of the old text is dropped.
  useEffect(() => {
    const corrected = shownRevision.current !== revision.number;
    shownRevision.current = revision.number;
    if (corrected) setSelection(null);
    if (received.current[0] === props.highlights && received.current[1] === props.orphans) return;
    received.current = [props.highlights, props.orphans];
    // Re-read after missed news: a highlight no longer there was deleted meanwhile; keep its draft.
    const present = new Set([...props.highlights, ...props.orphans].map((h) => h.id));
    drafts.markMissing((id) => present.has(id));
    const unsaved = (current: WorkbenchHighlight[]) => current.filter((h) => h.state).map((h) => (h.revision !== revision.number && !h.stale ? staleOf(h) : h));
    setHighlights((current) => [...props.highlights, ...unsaved(current)].sort(byPosition));
    setOrphans(props.orphans);
  }, [props.highlights, props.orphans, revision.number]);

  const visible = useMemo(() => highlights.filter((h) => h.state || matchesFilters(h, filters, user.id)).sort(byPosition), [highlights, filters, user.id]);
  const placeable = useMemo(() => (visible.some((h) => h.stale) ? visible.filter((h) => !h.stale) : visible), [visible]);
  const byId = useMemo(() => new Map([...highlights, ...orphans].map((h) => [h.id, h])), [highlights, orphans]);

  const pulse = useCallback((id: string) => {
    const leaves = document.querySelectorAll<HTMLElement>(`[data-highlight-ids~="${CSS.escape(id)}"]`);
    leaves[0]?.scrollIntoView({ block: "center", behavior: "smooth" });
    for (const leaf of leaves) {
      leaf.classList.remove("fd-pulse");
      void leaf.offsetWidth; // restart the animation
      leaf.classList.add("fd-pulse");
    }
  }, []);

  const focusItem = useCallback((id: string) => {
    document.getElementById(`hl-item-${id}`)?.scrollIntoView({ block: "nearest" });
  }, []);

  const select = useCallback(
    (id: string, open = false) => {
      setActiveId(id);
      if (open) setOpenId(id);
      pulse(id);
      focusItem(id);
    },
    [pulse, focusItem],
  );

  // ---- creating -------------------------------------------------------------------------
  const save = useCallback(
    async (pending: WorkbenchHighlight) => {
      const result = await createHighlightAction({
        workspaceId,
        statementId,
        revisionNumber: pending.revision ?? shownRevision.current,
        start: pending.start,
        end: pending.end,
        kind: pending.kind,
        clientId: pending.clientId,
      });
      // The page moved on to a corrected text while this was saving: the saved highlight's offsets
      // are the old text's, and the correction has placed it (or orphaned it) — re-read, not misplace.
      const movedOn = pending.revision !== undefined && pending.revision !== shownRevision.current;
      if (result.ok && movedOn) {
        setHighlights((current) => current.filter((h) => h.id !== pending.id));
        router.refresh();
        return;
      }
      // Refused because the text was corrected after the passage was selected (createHighlight's Conflict).
      const stale = !result.ok && (movedOn || Boolean(result.errors?.revisionNumber));
      setHighlights((current) =>
        current
          .map((h) => {
            if (h.id !== pending.id) return h;
            if (result.ok) return { ...result.data, clientId: undefined };
            return stale ? staleOf(h) : { ...h, state: "failed" as const, error: result.message };
          })
          .sort(byPosition),
      );
      if (result.ok) {
        setActiveId((a) => (a === pending.id ? result.data.id : a));
        setOpenId((o) => (o === pending.id ? result.data.id : o));
      }
    },
    [workspaceId, statementId, router],
  );

  const create = useCallback(
    (kind: "claim" | "note") => {
      if (!selection || !can.annotate) return;
      if (!createMark.current) {
        performance.mark(`${CREATE_MARK}:start`);
        createMark.current = true;
      }
      const clientId = crypto.randomUUID();
      const exact = revision.text.slice(selection.start, selection.end);
      const pending: WorkbenchHighlight = {
        id: `pending-${clientId}`,
        clientId,
        start: selection.start,
        end: selection.end,
        exact,
        kind,
        body: "",
        orphaned: false,
        author: user,
        claim: null,
        state: "saving",
        revision: revision.number,
      };
      setHighlights((current) => [...current, pending].sort(byPosition));
      window.getSelection()?.removeAllRanges();
      setSelection(null);
      setActiveId(pending.id);
      setOpenId(pending.id);
      void save(pending);
    },
    [selection, can.annotate, revision.text, revision.number, user, save],
  );

  // The bench reads this: from the key press to the frame that shows the new highlight (a message
  // posted from the next animation frame runs once that frame is painted).
  useEffect(() => {
    if (!createMark.current) return;
    if (!highlights.some((h) => h.state === "saving")) return;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        if (!createMark.current) return;
        createMark.current = false;
        performance.mark(`${CREATE_MARK}:end`);
        performance.measure(CREATE_MARK, `${CREATE_MARK}:start`, `${CREATE_MARK}:end`);
      };
      channel.port2.postMessage(null);
    });
  }, [highlights]);

  // Read through a ref so that Retry keeps one identity and the side panel's rows stay memoised.
  const highlightsRef = useRef(highlights);
  useEffect(() => {
    highlightsRef.current = highlights;
  }, [highlights]);
  const retry = useCallback(
    (id: string) => {
      const failed = highlightsRef.current.find((h) => h.id === id);
      if (!failed || failed.stale) return;
      const again = { ...failed, state: "saving" as const, error: undefined };
      setHighlights((current) => current.map((h) => (h.id === id ? again : h)));
      void save(again);
    },
    [save],
  );

  const discard = useCallback((id: string) => {
    setHighlights((current) => current.filter((h) => h.id !== id));
    setOpenId((o) => (o === id ? null : o));
  }, []);

  // ---- changing ---------------------------------------------------------------------------
  const replace = useCallback((next: WorkbenchHighlight) => {
    setHighlights((current) => current.map((h) => (h.id === next.id ? next : h)).sort(byPosition));
  }, []);

  const saveClaim = useCallback(
    async (h: WorkbenchHighlight, changes: { claimReviewed?: string; status?: string; assigneeId?: string | null; tagIds?: string[] }) => {
      if (!h.claim) return { ok: false as const, message: "This highlight is not a claim." };
      const result = await updateClaimAction({ workspaceId, claimId: h.claim.id, ...changes } as Parameters<typeof updateClaimAction>[0]);
      if (result.ok) {
        const saved = { ...h, claim: result.data as ClaimSummary };
        replace(saved);
        drafts.settle(h.id, applyChanges(valuesOf(h), changes), valuesOf(saved));
      }
      return result;
    },
    [workspaceId, replace, drafts],
  );

  const saveHighlight = useCallback(
    async (h: WorkbenchHighlight, changes: { kind?: "claim" | "note"; body?: string }) => {
      const result = await updateHighlightAction({ workspaceId, highlightId: h.id, ...changes });
      if (result.ok) {
        replace(result.data);
        drafts.settle(h.id, applyChanges(valuesOf(h), changes), valuesOf(result.data));
      }
      return result;
    },
    [workspaceId, replace, drafts],
  );

  const remove = useCallback(
    async (h: WorkbenchHighlight) => {
      deleting.current.add(h.id);
      const result = await deleteHighlightAction({ workspaceId, highlightId: h.id });
      deleting.current.delete(h.id);
      if (result.ok) {
        setHighlights((current) => current.filter((x) => x.id !== h.id));
        setOrphans((current) => current.filter((x) => x.id !== h.id));
        drafts.discard(h.id);
        setOpenId(null);
        setActiveId(null);
        setNotice(`${h.kind === "claim" ? "Claim" : "Note"} deleted.`);
      }
      return result;
    },
    [workspaceId, drafts],
  );

  const reattach = useCallback(
    async (h: WorkbenchHighlight) => {
      if (!selection) return { ok: false as const, message: "Select the passage in the text first." };
      const result = await reattachOrphanAction({ workspaceId, highlightId: h.id, revisionNumber: revision.number, start: selection.start, end: selection.end });
      if (result.ok) {
        setOrphans((current) => current.filter((x) => x.id !== h.id));
        // The live event of this very change may have listed it already.
        setHighlights((current) => [...current.filter((x) => x.id !== h.id), result.data].sort(byPosition));
        window.getSelection()?.removeAllRanges();
        setSelection(null);
        setNotice("Re-attached to the selected passage.");
        select(result.data.id, true);
      }
      return result;
    },
    [workspaceId, revision.number, selection, select],
  );

  // ---- keyboard -----------------------------------------------------------------------------
  const claimsInOrder = useMemo(() => {
    const claims = visible.filter((h) => h.kind === "claim");
    return claims.length ? claims : visible;
  }, [visible]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
      if (e.key === "?") {
        e.preventDefault();
        setShortcutsOpen(true);
        return;
      }
      if (shortcutsOpen) return;
      if ((e.key === "c" || e.key === "n") && selection && can.annotate) {
        e.preventDefault();
        create(e.key === "c" ? "claim" : "note");
        return;
      }
      if (e.key === "j" || e.key === "k") {
        if (claimsInOrder.length === 0) return;
        e.preventDefault();
        const at = claimsInOrder.findIndex((h) => h.id === activeId);
        const next = at === -1 ? (e.key === "j" ? 0 : claimsInOrder.length - 1) : Math.min(claimsInOrder.length - 1, Math.max(0, at + (e.key === "j" ? 1 : -1)));
        select(claimsInOrder[next]!.id, openId !== null);
        return;
      }
      if (e.key === "Enter" && activeId && !(e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement)) {
        e.preventDefault();
        setOpenId(activeId);
        return;
      }
      if (e.key === "Escape") {
        if (openId) setOpenId(null);
        else if (selection) {
          window.getSelection()?.removeAllRanges();
          setSelection(null);
        } else setActiveId(null);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [selection, can.annotate, create, claimsInOrder, activeId, openId, select, shortcutsOpen]);

  const onHover = useCallback((next: { ids: string[]; top: number; left: number } | null) => {
    setHover((current) => (current?.ids.join() === next?.ids.join() ? current : next));
  }, []);

  const onPassageClick = useCallback(
    (ids: string[]) => {
      const top = ids[ids.length - 1];
      if (top) select(top, true);
    },
    [select],
  );

  // The side panel hydrates on its own (side-panel.tsx) and meanwhile must be given what it was
  // rendered with: new props would have React hydrate it first and render the workbench again.
  // So it keeps the first lists until it says it has hydrated, then takes the current ones.
  const [panelHydrated, setPanelHydrated] = useState(false);
  const onPanelHydrated = useCallback(() => setPanelHydrated(true), []);
  const panelLists = { highlights: visible, allHighlights: highlights, orphans, preview };
  const firstPanelLists = useRef<typeof panelLists | null>(null);
  firstPanelLists.current ??= panelLists;
  const panel = panelHydrated ? panelLists : firstPanelLists.current;

  const onOpen = useCallback((id: string | null) => (id ? select(id, true) : setOpenId(null)), [select]);
  const showShortcuts = useCallback(() => setShortcutsOpen(true), []);

  const hovered = hover ? hover.ids.map((id) => byId.get(id)).filter((h): h is WorkbenchHighlight => Boolean(h)) : [];

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_23rem]">
      <article className="min-w-0 rounded-lg border border-line bg-white px-6 py-8 shadow-sm sm:px-10 sm:py-10">
        {correction ? (
          <div role="status" aria-label="Text corrected" className="sticky top-3 z-30 -mt-2 mb-6 flex flex-wrap items-center gap-x-5 gap-y-3 rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 font-sans text-sm text-ink shadow-sm">
            <div className="min-w-0 flex-1 basis-72">
              <p className="font-medium">{correctionMessage(correction, user.id)}</p>
              <p className="mt-0.5 text-muted">You are reading revision {revision.number} until you switch; anything you are writing stays as it is.</p>
            </div>
            <button type="button" onClick={showCorrected} disabled={showing} className="shrink-0 rounded-md bg-ink px-3 py-1.5 font-medium text-white hover:bg-black disabled:cursor-wait disabled:opacity-70">
              {showing ? "Loading the corrected text…" : "Show the corrected text"}
            </button>
          </div>
        ) : null}
        <ClaimCountProvider value={claimCount}>{props.header}</ClaimCountProvider>
        {hydrated ? (
          <StatementViewer
            key={revision.number}
            text={revision.text}
            language={props.language}
            highlights={placeable}
            activeId={activeId}
            onSelectText={setSelection}
            onPassageClick={onPassageClick}
            onHover={onHover}
          >
            {selection && can.annotate ? (
              <div
                role="toolbar"
                aria-label="Highlight the selection"
                className="absolute z-20 flex -translate-x-1/2 gap-1 rounded-lg border border-line bg-ink p-1 font-sans text-sm shadow-lg"
                style={{ top: Math.max(0, selection.rect.top - 48), left: Math.max(70, selection.rect.left + selection.rect.width / 2) }}
                onMouseDown={(e) => e.preventDefault()}
              >
                <button type="button" onClick={() => create("claim")} className="rounded-md px-3 py-1.5 font-medium text-white hover:bg-white/15">
                  Claim <kbd className="ml-1 rounded bg-white/15 px-1 text-xs">c</kbd>
                </button>
                <button type="button" onClick={() => create("note")} className="rounded-md px-3 py-1.5 font-medium text-white hover:bg-white/15">
                  Note <kbd className="ml-1 rounded bg-white/15 px-1 text-xs">n</kbd>
                </button>
              </div>
            ) : null}
            {hover && hovered.length && !selection ? (
              <div role="tooltip" className="pointer-events-none absolute z-10 mt-2 w-80 max-w-[90%] rounded-lg border border-line bg-white p-2 font-sans text-sm shadow-lg" style={{ top: hover.top, left: Math.max(0, Math.min(hover.left, 400)) }}>
                <p className="px-1 pb-1 text-xs font-medium uppercase tracking-wide text-muted">{hovered.length === 1 ? "1 highlight" : `${hovered.length} highlights here`}</p>
                <ul className="space-y-1">
                  {[...hovered].reverse().map((h) => (
                    <li key={h.id}>
                      <HighlightCard highlight={h} compact />
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </StatementViewer>
        ) : (
          <StatementPlainText text={revision.text} language={props.language} />
        )}
      </article>
      {/* The side panel is its own Suspense boundary (side-panel.tsx). */}
      <SidePanel
        highlights={panel.highlights}
        allHighlights={panel.allHighlights}
        orphans={panel.orphans}
        preview={panel.preview}
        onHydrated={onPanelHydrated}
        filters={filters}
        onFilters={setFilters}
        activeId={activeId}
        openId={openId}
        onSelect={select}
        onOpen={onOpen}
        onRetry={retry}
        onDiscard={discard}
        onSaveClaim={saveClaim}
        onSaveHighlight={saveHighlight}
        onDelete={remove}
        onReattach={reattach}
        hasSelection={selection !== null}
        can={can}
        userId={user.id}
        tags={props.tags}
        members={props.members}
        drafts={drafts}
        notice={notice}
        onShowShortcuts={showShortcuts}
      />
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}
