"use client";
// The right-hand column: filters, the claims and notes in text order (one opens into its editor),
// and the orphans a correction could not place.
import { memo, startTransition, Suspense, useEffect, useMemo, useRef, useState } from "react";
import { resolveDraft, valuesOf, type ClaimDraftStore } from "@/lib/claim-drafts";
import type { FieldErrors } from "@/lib/server/errors";
import { ClaimEditor, type ClaimEditorProps } from "./claim-editor";
import { HighlightCard, quoteExcerpt, Swatch } from "./highlight-card";
import { DraftText, KeptDraft } from "./kept-draft";
import { isFiltering, NO_FILTERS, STATUS_LABELS, type Can, type Filters, type WorkbenchHighlight, type WorkbenchMember, type WorkbenchTag } from "./types";
import { useClaimDraft, useKeptDrafts } from "./use-claim-draft";
import type { WorkbenchPreview } from "./workbench";

type Result = { ok: true } | { ok: false; message: string; errors?: FieldErrors };

export type SidePanelProps = {
  highlights: WorkbenchHighlight[];
  allHighlights: WorkbenchHighlight[];
  orphans: WorkbenchHighlight[];
  filters: Filters;
  onFilters: (f: Filters) => void;
  activeId: string | null;
  openId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string | null) => void;
  onRetry: (id: string) => void;
  onDiscard: (id: string) => void;
  onSaveClaim: ClaimEditorProps["onSaveClaim"];
  onSaveHighlight: ClaimEditorProps["onSaveHighlight"];
  onDelete: ClaimEditorProps["onDelete"];
  onReattach: (h: WorkbenchHighlight) => Promise<Result>;
  hasSelection: boolean;
  can: Can;
  userId: string;
  tags: WorkbenchTag[];
  members: WorkbenchMember[];
  /** Unsaved edits per highlight (the editor's typing, kept when it closes). */
  drafts: ClaimDraftStore;
  notice: string;
  onShowShortcuts: () => void;
  /** Counts and people over all highlights while `highlights` are only the first rows (workbench.tsx). */
  preview?: WorkbenchPreview;
  /** Called once the panel has hydrated (in a transition, with the rest of the list). */
  onHydrated: () => void;
};

const SELECT = "block w-full rounded-md border border-line bg-white px-2 py-1.5 text-sm shadow-sm focus:border-accent";

/**
 * Rows in the server's HTML and the first client render (about a screenful: the panel scrolls
 * within the window); the rest follow in a transition. Each row is about 1 KB of HTML.
 */
export const FIRST_ROWS = 12;

/**
 * Its own Suspense boundary, so the page hydrates the text first and the long list right after.
 * Inside a memo: the workbench renders again with the same props once hydrated (to paint the
 * highlights), and an update reaching the boundary while it is still dehydrated makes React drop
 * that render, hydrate the list first and render the whole statement again.
 */
export const SidePanel = memo(function SidePanel(p: SidePanelProps) {
  return (
    <Suspense>
      <Panel {...p} />
    </Suspense>
  );
});

function Panel(p: SidePanelProps) {
  // A statement can have a thousand highlights. Rendering (and hydrating) all their rows up front
  // would hold back the text; the first screenfuls come with the page, the rest right after.
  const [rowLimit, setRowLimit] = useState(FIRST_ROWS);
  const { onHydrated } = p;
  useEffect(() => {
    startTransition(() => {
      setRowLimit(Infinity);
      onHydrated();
    });
  }, [onHydrated]);
  const { preview } = p;
  const people = useMemo(() => {
    if (preview) return preview.people;
    const seen = new Map<string, { id: string; name: string; color: string }>();
    for (const h of [...p.allHighlights, ...p.orphans]) seen.set(h.author.id, h.author);
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [preview, p.allHighlights, p.orphans]);
  const claims = preview ? preview.claims : p.highlights.filter((h) => h.kind === "claim").length;
  const notes = preview ? preview.notes : p.highlights.length - claims;
  const set = (patch: Partial<Filters>) => p.onFilters({ ...p.filters, ...patch });

  return (
    <aside aria-label="Claims and notes" className="min-w-0 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
      <div className="rounded-lg border border-line bg-white shadow-sm">
        <div className="flex items-baseline justify-between gap-2 border-b border-line px-4 pb-3 pt-4">
          <h2 className="text-base font-semibold text-ink">Claims and notes</h2>
          <p className="text-xs text-muted">
            {claims} {claims === 1 ? "claim" : "claims"} · {notes} {notes === 1 ? "note" : "notes"}
          </p>
        </div>
        <details className="border-b border-line px-4 py-2 text-sm" open={isFiltering(p.filters) || undefined}>
          <summary className="cursor-pointer select-none py-1 text-sm font-medium text-ink">Filter{isFiltering(p.filters) ? " (on)" : ""}</summary>
          <div className="grid grid-cols-2 gap-2 pb-2 pt-2">
            <label className="space-y-1 text-xs text-muted">
              <span>Person</span>
              <select className={SELECT} value={p.filters.person} onChange={(e) => set({ person: e.target.value })}>
                <option value="">Everyone</option>
                {people.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="space-y-1 text-xs text-muted">
              <span>Kind</span>
              <select className={SELECT} value={p.filters.kind} onChange={(e) => set({ kind: e.target.value })}>
                <option value="">Claims and notes</option>
                <option value="claim">Claims</option>
                <option value="note">Notes</option>
              </select>
            </label>
            <label className="space-y-1 text-xs text-muted">
              <span>Tag</span>
              <select className={SELECT} value={p.filters.tag} onChange={(e) => set({ tag: e.target.value })}>
                <option value="">Any tag</option>
                {p.tags.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="space-y-1 text-xs text-muted">
              <span>Status</span>
              <select className={SELECT} value={p.filters.status} onChange={(e) => set({ status: e.target.value })}>
                <option value="">Any status</option>
                {Object.entries(STATUS_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label className="col-span-2 flex items-center gap-2 text-sm text-ink">
              <input type="checkbox" checked={p.filters.mine} onChange={(e) => set({ mine: e.target.checked })} className="h-4 w-4 rounded border-line" />
              Only mine
            </label>
            {isFiltering(p.filters) ? (
              <button type="button" onClick={() => p.onFilters(NO_FILTERS)} className="col-span-2 justify-self-start text-xs text-accent hover:underline">
                Clear filters
              </button>
            ) : null}
          </div>
        </details>
        <p role="status" aria-live="polite" className={p.notice ? "px-4 pt-3 text-sm text-emerald-800" : "sr-only"}>
          {p.notice}
        </p>
        <KeptDrafts drafts={p.drafts} allHighlights={p.allHighlights} orphans={p.orphans} members={p.members} tags={p.tags} userId={p.userId} />
        {p.highlights.length === 0 ? (
          <p className="px-4 py-6 text-sm text-muted">
            {isFiltering(p.filters)
              ? "Nothing matches these filters."
              : p.can.annotate
                ? "Nothing highlighted yet. Select a passage in the text, then choose Claim or Note (or press c or n)."
                : "Nothing highlighted yet."}
          </p>
        ) : (
          <ol aria-label="Highlights in text order" className="divide-y divide-line">
            {p.highlights.slice(0, rowLimit).map((h) => (
              <HighlightRow
                key={h.id}
                highlight={h}
                open={p.openId === h.id}
                active={p.activeId === h.id}
                onOpen={p.onOpen}
                onRetry={p.onRetry}
                onDiscard={p.onDiscard}
                onSaveClaim={p.onSaveClaim}
                onSaveHighlight={p.onSaveHighlight}
                onDelete={p.onDelete}
                can={p.can}
                userId={p.userId}
                tags={p.tags}
                members={p.members}
                drafts={p.drafts}
              />
            ))}
          </ol>
        )}
        <div className="border-t border-line px-4 py-3 text-xs text-muted">
          <button type="button" onClick={p.onShowShortcuts} className="hover:text-ink">
            Keyboard shortcuts <kbd className="ml-1 rounded border border-line px-1">?</kbd>
          </button>
        </div>
      </div>
      {p.orphans.length ? <Orphans {...p} /> : null}
    </aside>
  );
}

type RowProps = Pick<SidePanelProps, "onOpen" | "onRetry" | "onDiscard" | "onSaveClaim" | "onSaveHighlight" | "onDelete" | "can" | "userId" | "tags" | "members" | "drafts"> & {
  highlight: WorkbenchHighlight;
  open: boolean;
  active: boolean;
};

// A statement can have a thousand highlights: a row re-renders only when its own props change.
const HighlightRow = memo(function HighlightRow({ highlight: h, open, active, onOpen, onRetry, onDiscard, ...editor }: RowProps) {
  const toggle = useRef<HTMLButtonElement>(null);
  // Closed from inside (Esc in a field, Close): the focus stays on this row, not lost to the page.
  const close = () => {
    onOpen(null);
    toggle.current?.focus();
  };
  return (
    // Rows out of view skip style, layout and paint (content-visibility): with a thousand rows that
    // work was most of the page's rendering; `auto` keeps each row's height once it has been seen.
    <li id={`hl-item-${h.id}`} data-item-id={h.id} className={`px-4 py-3 [contain-intrinsic-size:auto_5.5rem] [content-visibility:auto] ${active ? "bg-stone-50" : ""} ${h.state === "failed" ? "bg-red-50/60" : ""}`} style={active ? { boxShadow: `inset 3px 0 0 ${h.author.color}` } : undefined}>
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-label={`${h.kind === "claim" ? "Claim" : "Note"} by ${h.author.name}: ${quoteExcerpt(h.exact, 80)}`}
        onClick={() => onOpen(open ? null : h.id)}
        className="block w-full rounded-md text-left"
      >
        <HighlightCard highlight={h} />
      </button>
      {/* An open editor says so itself, beside Save. */}
      {open ? null : <UnsavedBadge highlight={h} drafts={editor.drafts} />}
      {h.state === "failed" ? (
        <div role="alert" className="mt-2 space-y-2 text-sm text-red-900">
          <p>Not saved: {h.error}</p>
          <div className="flex gap-2">
            {h.stale ? null : (
              <button type="button" onClick={() => onRetry(h.id)} className="rounded-md bg-ink px-3 py-1.5 text-sm font-medium text-white hover:bg-black">
                Retry
              </button>
            )}
            <button type="button" onClick={() => onDiscard(h.id)} className="rounded-md border border-line bg-white px-3 py-1.5 text-sm hover:bg-stone-50">
              Discard
            </button>
          </div>
        </div>
      ) : null}
      {open && !h.state ? <ClaimEditor key={h.id} highlight={h} {...editor} onClose={close} /> : null}
    </li>
  );
});

/** Said in the list, so a draft left behind in a closed editor is not forgotten. */
function UnsavedBadge({ highlight: h, drafts }: { highlight: WorkbenchHighlight; drafts: ClaimDraftStore }) {
  const draft = useClaimDraft(drafts, h.id);
  if (!draft || !resolveDraft(draft, valuesOf(h)).unsaved) return null;
  return (
    <p className="mt-1.5">
      <span className="inline-flex items-center gap-1.5 rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900">
        <span aria-hidden="true" className="h-1.5 w-1.5 rounded-full bg-amber-500" />
        Unsaved changes
      </span>
    </p>
  );
}

/**
 * An orphan's unsaved edits stay with it: shown here so they can be copied or discarded, and
 * back in the editor once the orphan is re-attached (the highlight keeps its id).
 */
function OrphanDraft({ highlight: h, drafts, members, tags }: { highlight: WorkbenchHighlight; drafts: ClaimDraftStore; members: WorkbenchMember[]; tags: WorkbenchTag[] }) {
  const draft = useClaimDraft(drafts, h.id);
  if (!draft) return null;
  const current = valuesOf(h);
  const { values, unsaved } = resolveDraft(draft, current);
  if (!unsaved) return null;
  return (
    <details className="mt-2 rounded-md border border-amber-300 bg-white px-3 py-2 text-sm">
      <summary className="cursor-pointer select-none font-medium text-amber-900">Unsaved changes</summary>
      <div className="mt-2 space-y-2">
        <DraftText draft={{ ...draft, base: current, values }} names={{ members, tags }}>
          <button type="button" onClick={() => drafts.discard(h.id)} className="rounded-md border border-line bg-white px-3 py-1.5 text-sm hover:bg-stone-50">
            Discard changes
          </button>
        </DraftText>
        <p className="text-xs text-muted">Kept until you re-attach the {h.kind} and save, or discard them.</p>
      </div>
    </details>
  );
}

/**
 * The drafts of highlights deleted while (or before) the reader was typing in them, where their
 * rows were: kept until the reader has copied what they need and discards them.
 */
function KeptDrafts({ drafts, allHighlights, orphans, members, tags, userId }: Pick<SidePanelProps, "drafts" | "allHighlights" | "orphans" | "members" | "tags" | "userId">) {
  const kept = useKeptDrafts(drafts);
  // A highlight still listed is not deleted, whatever a late or mistaken note says.
  const shown = useMemo(() => {
    if (kept.length === 0) return kept;
    const listed = new Set([...allHighlights, ...orphans].map((h) => h.id));
    return kept.filter((d) => !listed.has(d.highlightId));
  }, [kept, allHighlights, orphans]);
  if (shown.length === 0) return null;
  return (
    <div aria-label="Kept text from deleted highlights" role="region" className="space-y-3 px-4 pt-3">
      {shown.map((d) => (
        <KeptDraft key={d.highlightId} draft={d} drafts={drafts} names={{ members, tags }} readerId={userId} />
      ))}
    </div>
  );
}

function Orphans({ orphans, hasSelection, can, userId, onReattach, drafts, members, tags }: SidePanelProps) {
  const [messages, setMessages] = useState<Record<string, string>>({});
  return (
    <section aria-labelledby="orphans-title" className="mt-4 rounded-lg border border-amber-200 bg-amber-50/50 shadow-sm">
      <div className="border-b border-amber-200 px-4 pb-3 pt-4">
        <h2 id="orphans-title" className="text-base font-semibold text-ink">
          Orphans ({orphans.length})
        </h2>
        <p className="mt-1 text-xs text-muted">These passages are not in the current text: a correction changed them, or an import could not place them. Select the right passage in the text, then re-attach.</p>
      </div>
      <ul aria-label="Orphaned highlights" className="divide-y divide-amber-200">
        {orphans.map((h) => {
          const mayChange = can.annotate && (h.author.id === userId || can.moderate);
          return (
            <li key={h.id} className="px-4 py-3" data-orphan-id={h.id}>
              <div className="flex items-center gap-2 text-xs text-muted">
                <Swatch color={h.author.color} />
                <span className="font-medium text-ink">{h.author.name}</span>
                <span aria-hidden="true">·</span>
                <span>{h.kind === "claim" ? "Claim" : "Note"}</span>
              </div>
              <p dir="auto" className="mt-1 font-serif text-[0.95rem] leading-snug text-ink/90 line-through decoration-amber-400/70">
                “{quoteExcerpt(h.exact, 200)}”
              </p>
              <OrphanDraft highlight={h} drafts={drafts} members={members} tags={tags} />
              {mayChange ? (
                <button
                  type="button"
                  disabled={!hasSelection}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={async () => {
                    const result = await onReattach(h);
                    if (!result.ok) setMessages((m) => ({ ...m, [h.id]: result.message }));
                  }}
                  className="mt-2 rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-50 disabled:cursor-not-allowed disabled:text-muted"
                  title={hasSelection ? undefined : "Select a passage in the text first"}
                >
                  Re-attach to selection
                </button>
              ) : null}
              {messages[h.id] ? (
                <p role="status" className="mt-1 text-xs text-red-800">
                  {messages[h.id]}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
