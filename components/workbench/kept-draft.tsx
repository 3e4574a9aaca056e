"use client";
// What the reader typed and had not saved, shown read-only so it can be copied: the draft of a
// highlight someone deleted (kept in the side panel until discarded, across reloads), and an
// orphan's draft. Plain selectable text with "Copy my text"; the clipboard may be unavailable
// (a desk served over plain http), and then the text is selected for the reader to copy.
import { useEffect, useRef, useState } from "react";
import { clipboardText, DRAFT_FIELD_LABELS, typedFields, type ClaimDraft, type ClaimDraftStore, type DraftField, type DraftValues } from "@/lib/claim-drafts";
import { quoteExcerpt } from "./highlight-card";
import { STATUS_LABELS, type WorkbenchMember, type WorkbenchTag } from "./types";

export type Names = { members: WorkbenchMember[]; tags: ReadonlyArray<{ id: string; name: string }> };

/** A field's value in words, as the reader chose it. */
export function describeField(field: DraftField, v: DraftValues, { members, tags }: Names): string {
  if (field === "status") return STATUS_LABELS[v.status] ?? v.status;
  if (field === "assigneeId") return members.find((m) => m.id === v.assigneeId)?.name ?? (v.assigneeId ? "Someone no longer in the desk" : "Nobody yet");
  if (field === "tagIds") return v.tagIds.map((id) => tags.find((t) => t.id === id)?.name ?? "a removed tag").join(", ") || "No tags";
  return v[field] || "(empty)";
}

// The claim editor that had the focus when its highlight was deleted hands it to the kept draft
// that replaces it (both happen in one commit: the editor's cleanup runs first).
let focusPending: string | null = null;

/** Called by a claim editor going away with the focus inside it, its draft kept as deleted. */
export function handFocusToKeptDraft(highlightId: string) {
  focusPending = highlightId;
}

/** The typed fields, read-only and selectable, with "Copy my text". */
export function DraftText({ draft, names, children }: { draft: ClaimDraft; names: Names; children?: React.ReactNode }) {
  const fields = typedFields(draft).map((f) => ({ field: f, label: DRAFT_FIELD_LABELS[f], text: describeField(f, draft.values, names) }));
  const textRef = useRef<HTMLDListElement>(null);
  const [copied, setCopied] = useState<"" | "copied" | "selected">("");

  async function copy() {
    const text = clipboardText(fields);
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setCopied("copied");
    } catch {
      const selection = window.getSelection();
      // What Copy would have copied: one field's text alone, several with their labels.
      const target = fields.length === 1 ? textRef.current?.querySelector("dd") : textRef.current;
      if (target && selection) {
        selection.selectAllChildren(target);
        setCopied("selected");
      }
    }
  }

  return (
    <div className="space-y-2">
      <dl ref={textRef} className="space-y-2 rounded-md border border-line bg-white px-3 py-2 select-text">
        {fields.map((f) => (
          <div key={f.field}>
            <dt className="text-xs font-medium uppercase tracking-wide text-muted">{f.label}</dt>
            <dd dir="auto" className="mt-0.5 whitespace-pre-wrap break-words text-ink">
              {f.text}
            </dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <button type="button" onClick={() => void copy()} className="rounded-md bg-ink px-3 py-1.5 text-sm font-medium text-white hover:bg-black">
          Copy my text
        </button>
        {children}
      </div>
      <p role="status" className={copied ? "text-xs text-muted" : "sr-only"}>
        {copied === "copied" ? "Copied." : copied === "selected" ? "Selected: press Ctrl+C (⌘C on a Mac) to copy." : ""}
      </p>
    </div>
  );
}

/** One kept draft of a deleted highlight, in the side panel where its editor was. */
export function KeptDraft({ draft, drafts, names, readerId }: { draft: ClaimDraft; drafts: ClaimDraftStore; names: Names; readerId: string }) {
  const deleted = draft.deleted!;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusPending !== draft.highlightId) return;
    focusPending = null;
    headingRef.current?.focus();
  }, [draft.highlightId]);
  const who = deleted.by === null ? null : deleted.by.id === readerId ? "You" : deleted.by.name || "Someone";
  const titleId = `kept-${draft.highlightId}-title`;
  return (
    <section aria-labelledby={titleId} data-kept-draft={draft.highlightId} className="space-y-3 rounded-md border border-amber-200 bg-amber-50/60 px-3 py-3 text-sm">
      <h3 id={titleId} ref={headingRef} tabIndex={-1} className="font-medium text-ink">
        {who ? `${who} deleted this highlight.` : "This highlight has been deleted."}
      </h3>
      <p className="-mt-2 text-ink">Your unsaved text is kept below — copy it or discard it.</p>
      {deleted.exact ? (
        <blockquote dir="auto" className="border-l-2 border-amber-300 pl-3 font-serif text-[0.95rem] leading-snug text-ink/80">
          {quoteExcerpt(deleted.exact, 160)}
        </blockquote>
      ) : null}
      <DraftText draft={draft} names={names}>
        <button type="button" onClick={() => drafts.discard(draft.highlightId)} className="rounded-md border border-line bg-white px-3 py-1.5 text-sm hover:bg-stone-50">
          Discard
        </button>
      </DraftText>
    </section>
  );
}
