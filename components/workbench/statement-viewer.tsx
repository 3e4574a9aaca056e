"use client";
// The statement as a read-only Slate document. Highlights are decorations computed from stored
// offsets (STYLE.md §6): overlapping highlights are cut into flat segments, each segment into one
// range per text leaf, and `decorate` looks the ranges up by path. Both are memoised on the
// highlight list, so Slate re-decorates only when highlights change. Created once per revision:
// the parent gives it `key={revision}`.
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { createEditor, type BaseRange, type NodeEntry } from "slate";
import { Editable, ReactEditor, Slate, withReact, type RenderElementProps, type RenderLeafProps } from "slate-react";
import { splitOverlaps } from "@/lib/anchoring/overlaps";
import { createOffsetMap, textToSlateValue } from "@/lib/anchoring/slate-offsets";
import { translucent } from "@/lib/user-colors";
import type { TextSelection, WorkbenchHighlight } from "./types";

/** What a decorated leaf knows: every highlight covering it, outermost first. */
type LeafMark = { ids: string[]; colors: string[]; kinds: string[]; states: string[]; activeHere: boolean };
type DecoratedLeaf = { text: string; hl?: LeafMark };

export const DECORATE_MARK = "fd:decorate";

function Paragraph({ attributes, children }: RenderElementProps) {
  return (
    <p {...attributes} dir="auto" className="mb-[1.1em] whitespace-pre-line break-words last:mb-0">
      {children}
    </p>
  );
}

function leafStyle(mark: LeafMark): React.CSSProperties {
  // One translucent layer per highlight: where two people marked the same words, it is darker and
  // mixed; the underline is the innermost (topmost) highlight's colour.
  const layers = mark.colors.map((c) => {
    const t = translucent(c, mark.colors.length > 1 ? 0.22 : 0.28);
    return `linear-gradient(${t}, ${t})`;
  });
  const top = mark.colors[mark.colors.length - 1]!;
  const topKind = mark.kinds[mark.kinds.length - 1];
  const failed = mark.states.includes("failed");
  const saving = mark.states.includes("saving");
  return {
    backgroundImage: layers.join(", "),
    boxShadow: failed ? undefined : `inset 0 -${topKind === "note" ? 1 : 2}px 0 ${top}`,
    textDecorationLine: failed || saving ? "underline" : undefined,
    textDecorationStyle: failed ? "wavy" : saving ? "dashed" : undefined,
    textDecorationColor: failed ? "#b91c1c" : saving ? top : undefined,
    textUnderlineOffset: "4px",
    outline: mark.activeHere ? `2px solid ${top}` : undefined,
    outlineOffset: mark.activeHere ? "1px" : undefined,
    borderRadius: "2px",
    boxDecorationBreak: "clone",
    WebkitBoxDecorationBreak: "clone",
    cursor: "pointer",
  };
}

function Leaf({ attributes, children, leaf }: RenderLeafProps) {
  const mark = (leaf as DecoratedLeaf).hl;
  if (!mark) return <span {...attributes}>{children}</span>;
  return (
    <span
      {...attributes}
      data-highlight-id={mark.ids[mark.ids.length - 1]}
      data-highlight-ids={mark.ids.join(" ")}
      data-highlight-state={mark.states.includes("failed") ? "failed" : mark.states.includes("saving") ? "saving" : "saved"}
      className="fd-highlight"
      style={leafStyle(mark)}
    >
      {children}
    </span>
  );
}

export type StatementViewerProps = {
  text: string;
  language?: string;
  highlights: readonly WorkbenchHighlight[];
  activeId: string | null;
  onSelectText: (selection: TextSelection | null) => void;
  onPassageClick: (ids: string[]) => void;
  onHover: (hover: { ids: string[]; top: number; left: number } | null) => void;
  /** The selection toolbar and the hover card, placed relative to the text. */
  children?: React.ReactNode;
};

export const StatementViewer = memo(function StatementViewer({
  text,
  language,
  highlights,
  activeId,
  onSelectText,
  onPassageClick,
  onHover,
  children,
}: StatementViewerProps) {
  const [editor] = useState(() => withReact(createEditor()));
  const initialValue = useMemo(() => textToSlateValue(text), [text]);
  const offsetMap = useMemo(() => createOffsetMap(initialValue), [initialValue]);
  const containerRef = useRef<HTMLDivElement>(null);
  const measured = useRef(false);

  const rangesByLeaf = useMemo(() => {
    if (!measured.current) performance.mark(`${DECORATE_MARK}:start`);
    const byLeaf = new Map<string, BaseRange[]>();
    for (const segment of splitOverlaps(highlights)) {
      const hl: LeafMark = {
        ids: segment.highlights.map((h) => h.id),
        colors: segment.highlights.map((h) => (h.state === "failed" ? "#b91c1c" : h.author.color)),
        kinds: segment.highlights.map((h) => h.kind),
        states: segment.highlights.map((h) => h.state ?? "saved"),
        activeHere: activeId !== null && segment.highlights.some((h) => h.id === activeId),
      };
      if (segment.end > offsetMap.length) continue;
      for (const range of offsetMap.offsetsToRanges(segment.start, segment.end)) {
        const key = range.path.join(",");
        const list = byLeaf.get(key);
        const decorated = { anchor: range.anchor, focus: range.focus, hl };
        if (list) list.push(decorated);
        else byLeaf.set(key, [decorated]);
      }
    }
    return byLeaf;
  }, [highlights, activeId, offsetMap]);

  const decorate = useCallback(([, path]: NodeEntry) => rangesByLeaf.get(path.join(",")) ?? [], [rangesByLeaf]);

  // The bench reads this: from the first decoration pass to the first paint with decorations.
  useEffect(() => {
    if (measured.current) return;
    measured.current = true;
    requestAnimationFrame(() => {
      performance.mark(`${DECORATE_MARK}:end`);
      performance.measure(DECORATE_MARK, `${DECORATE_MARK}:start`, `${DECORATE_MARK}:end`);
      containerRef.current?.setAttribute("data-decorated", String(highlights.length));
    });
  }, [rangesByLeaf, highlights.length]);

  const readSelection = useCallback((): TextSelection | null => {
    const dom = window.getSelection();
    const root = containerRef.current;
    if (!dom || dom.rangeCount === 0 || dom.isCollapsed || !root) return null;
    const domRange = dom.getRangeAt(0);
    if (!root.contains(domRange.commonAncestorContainer)) return null;
    const range = ReactEditor.toSlateRange(editor, dom, { exactMatch: false, suppressThrow: true });
    if (!range) return null;
    let start: number;
    let end: number;
    try {
      ({ start, end } = offsetMap.rangeToOffsets(range));
    } catch {
      return null;
    }
    // A triple click or a drag past a paragraph's end takes the blank line along; leave it out.
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end <= start) return null;
    const rect = domRange.getBoundingClientRect();
    const box = root.getBoundingClientRect();
    return { start, end, rect: { top: rect.top - box.top, bottom: rect.bottom - box.top, left: rect.left - box.left, width: rect.width } };
  }, [editor, offsetMap, text]);

  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => onSelectText(readSelection()));
    };
    document.addEventListener("selectionchange", update);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("selectionchange", update);
    };
  }, [onSelectText, readSelection]);

  const idsAt = (target: EventTarget | null): { ids: string[]; el: HTMLElement } | null => {
    const el = target instanceof Element ? target.closest<HTMLElement>("[data-highlight-ids]") : null;
    if (!el) return null;
    return { ids: (el.dataset.highlightIds ?? "").split(" ").filter(Boolean), el };
  };

  return (
    <div
      ref={containerRef}
      lang={language || undefined}
      data-testid="statement-text"
      className="relative mt-8 max-w-[70ch] font-serif text-[1.1875rem] leading-[1.8] text-ink"
      onClick={(e) => {
        const sel = window.getSelection();
        if (sel && !sel.isCollapsed) return;
        const hit = idsAt(e.target);
        if (hit) onPassageClick(hit.ids);
      }}
      onMouseOver={(e) => {
        const hit = idsAt(e.target);
        const box = containerRef.current?.getBoundingClientRect();
        const rect = hit?.el.getBoundingClientRect();
        onHover(hit && rect && box ? { ids: hit.ids, top: rect.bottom - box.top, left: rect.left - box.left } : null);
      }}
      onMouseLeave={() => onHover(null)}
    >
      <Slate editor={editor} initialValue={initialValue}>
        <Editable
          readOnly
          aria-label="Statement text"
          decorate={decorate}
          renderElement={Paragraph}
          renderLeaf={Leaf}
          className="outline-none selection:bg-sky-200/70"
        />
      </Slate>
      {children}
    </div>
  );
});
