"use client";
// The statement as a read-only Slate document. Highlights are computed from stored offsets
// (STYLE.md §6) and never stored in the document, built per paragraph: each block's highlights are
// cut into flat segments once, and a block whose highlights did not change keeps the identical
// piece list, so only the paragraphs a change touches re-render. What changes often (the active
// highlight, hover, pulsing) is not part of them: a style rule keyed on `data-highlight-ids` shows
// it, and events are delegated to the container. Created once per revision: the parent gives it
// `key={revision}`.
//
// Why not Slate's `decorate`: every decorated leaf becomes four Slate components (Leaf, String,
// TextString, a memoised span) with a layout and a passive effect each. With a thousand
// overlapping highlights that is ~2,000 leaves, and hydrating those components was most of the
// page's time to interactive (profiled: ~70 % of the decorate window in React and Slate). So
// Slate renders each paragraph as one undecorated text node and `renderText` paints that node's
// pieces itself, as the same DOM Slate would make (`[data-slate-leaf] > [data-slate-string]` per
// piece, inside the text node's span); slate-dom's DOM↔offset mapping reads exactly that
// structure, so selections still map to offsets. Each paragraph has exactly one text node
// (textToSlateValue), so a piece's block-local offsets are Slate offsets in that node.
import { createContext, memo, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { createEditor, type Descendant } from "slate";
import { Editable, ReactEditor, Slate, withReact, type RenderElementProps, type RenderTextProps } from "slate-react";
import { blockExtents, blockPieces, blockSegments, createBlockCache, spansByBlock, type BlockExtent, type BlockPiece, type ClippedSpan } from "@/lib/anchoring/block-segments";
import { createOffsetMap, textToSlateValue } from "@/lib/anchoring/slate-offsets";
import { translucent } from "@/lib/user-colors";
import type { TextSelection, WorkbenchHighlight } from "./types";

/** What a decorated leaf carries, computed once per segment: attributes and style, ready to spread. */
type LeafMark = {
  ids: string;
  top: string;
  kind: string;
  state: "saved" | "saving" | "failed";
  style: React.CSSProperties;
};
type Piece = BlockPiece<LeafMark>;

export const DECORATE_MARK = "fd:decorate";

const FAILED = "#b91c1c";

// Static rules for every highlight leaf; a leaf sets only its colours (two custom properties).
const LEAF_CSS = `
.fd-hl { background-image: var(--fd-hl-bg); box-shadow: inset 0 -2px 0 var(--fd-hl-top); border-radius: 2px; box-decoration-break: clone; -webkit-box-decoration-break: clone; cursor: pointer; text-underline-offset: 4px; }
.fd-hl[data-highlight-kind="note"] { box-shadow: inset 0 -1px 0 var(--fd-hl-top); }
.fd-hl[data-highlight-state="saving"] { text-decoration: underline dashed var(--fd-hl-top); }
.fd-hl[data-highlight-state="failed"] { box-shadow: none; text-decoration: underline wavy ${FAILED}; }
@keyframes fd-pulse { 0% { filter: none } 30% { filter: brightness(0.82) saturate(1.8) } 100% { filter: none } }
.fd-pulse { animation: fd-pulse 1.2s ease-out 1; }
`;

/** A rule outlining every leaf of the active highlight: no leaf re-renders when it changes. */
function activeRule(activeId: string | null): string {
  if (!activeId) return "";
  const id = activeId.replace(/["\\]/g, "\\$&");
  return `[data-testid="statement-text"] [data-highlight-ids~="${id}"] { outline: 2px solid var(--fd-hl-top); outline-offset: 1px; }`;
}

// A thousand highlights by twenty people use a handful of colour layers: make each string once.
const layers = new Map<string, string>();
function layer(color: string, alpha: number): string {
  const key = `${color}/${alpha}`;
  let value = layers.get(key);
  if (value === undefined) {
    const t = translucent(color, alpha);
    layers.set(key, (value = `linear-gradient(${t}, ${t})`));
  }
  return value;
}

function markOf(covering: readonly WorkbenchHighlight[]): LeafMark {
  // One translucent layer per highlight: where two people marked the same words, it is darker and
  // mixed; the underline is the innermost (topmost) highlight's colour.
  const alpha = covering.length > 1 ? 0.22 : 0.28;
  const colors = covering.map((h) => (h.state === "failed" ? FAILED : h.author.color));
  const top = covering[covering.length - 1]!;
  const state = covering.some((h) => h.state === "failed") ? "failed" : covering.some((h) => h.state === "saving") ? "saving" : "saved";
  return {
    ids: covering.map((h) => h.id).join(" "),
    top: top.id,
    kind: top.kind,
    state,
    style: {
      "--fd-hl-bg": colors.map((c) => layer(c, alpha)).join(", "),
      "--fd-hl-top": colors[colors.length - 1],
    } as React.CSSProperties,
  };
}

/** Everything a highlight's look depends on: a block is rebuilt only when one of these changes. */
function keyOf(c: ClippedSpan<WorkbenchHighlight>): string {
  return `${c.id} ${c.start} ${c.end} ${c.of.start} ${c.of.end} ${c.of.author.color} ${c.of.kind} ${c.of.state ?? ""}`;
}

function buildBlock(block: BlockExtent, clipped: ClippedSpan<WorkbenchHighlight>[]): Piece[] {
  return blockPieces(
    block,
    blockSegments(clipped).map((segment) => ({ start: segment.start, end: segment.end, mark: markOf(segment.highlights) })),
  );
}

/** Each text node's block, and every block's pieces: what `renderText` paints. */
type Painting = { blockOf: WeakMap<object, number>; pieces: readonly Piece[][] };
const PaintingContext = createContext<Painting>({ blockOf: new WeakMap(), pieces: [] });

function Paragraph({ attributes, children }: RenderElementProps) {
  // No content-visibility here: statements mix one-line and long paragraphs, so any intrinsic-size
  // guess left the page far taller (or shorter) than its text until scrolled through.
  return (
    <p {...attributes} dir="auto" className="mb-[1.1em] whitespace-pre-line break-words last:mb-0">
      {children}
    </p>
  );
}

/** One paragraph's pieces; memoised on the piece list, which stays identical while its highlights do. */
const Pieces = memo(function Pieces({ text, pieces }: { text: string; pieces: readonly Piece[] }) {
  // Browsers collapse a trailing newline at a block's end; Slate adds one more, and so do we.
  const trailing = text.endsWith("\n") ? "\n" : "";
  return pieces.map((piece, i) => {
    const content = text.slice(piece.start, piece.end) + (i === pieces.length - 1 ? trailing : "");
    const mark = piece.mark;
    if (!mark) {
      return (
        <span key={i} data-slate-leaf="true">
          <span data-slate-string="true">{content}</span>
        </span>
      );
    }
    return (
      <span key={i} data-slate-leaf="true" className="fd-hl" data-highlight-id={mark.top} data-highlight-ids={mark.ids} data-highlight-state={mark.state} data-highlight-kind={mark.kind} style={mark.style}>
        <span data-slate-string="true">{content}</span>
      </span>
    );
  });
});

function PaintedText({ node, attributes, fallback }: { node: { text: string }; attributes: RenderTextProps["attributes"]; fallback: React.ReactNode }) {
  const { blockOf, pieces } = useContext(PaintingContext);
  const block = blockOf.get(node);
  const list = block === undefined ? undefined : pieces[block];
  // An empty paragraph needs Slate's zero-width placeholder to hold a caret; it has no highlights.
  if (!list || node.text === "") return <span {...attributes}>{fallback}</span>;
  return (
    <span {...attributes}>
      <Pieces text={node.text} pieces={list} />
    </span>
  );
}

function renderText({ text, attributes, children }: RenderTextProps) {
  return <PaintedText node={text} attributes={attributes} fallback={children} />;
}

/** The Slate part alone, so that selection, hover and the active highlight never re-render it. */
const StatementText = memo(function StatementText({ editor, initialValue }: { editor: ReactEditor; initialValue: Descendant[] }) {
  return (
    <Slate editor={editor} initialValue={initialValue}>
      <Editable readOnly aria-label="Statement text" renderElement={Paragraph} renderText={renderText} className="outline-none selection:bg-sky-200/70" />
    </Slate>
  );
});

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
  const blocks = useMemo(() => blockExtents(text), [text]);
  const blockOf = useMemo(() => {
    const map = new WeakMap<object, number>();
    initialValue.forEach((block, b) => {
      for (const leaf of (block as { children: object[] }).children) map.set(leaf, b);
    });
    return map;
  }, [initialValue]);
  const updateBlocks = useMemo(() => createBlockCache<WorkbenchHighlight, Piece[]>(keyOf, (b, clipped) => buildBlock(blocks[b]!, clipped)), [blocks]);
  const containerRef = useRef<HTMLDivElement>(null);
  const measured = useRef(false);

  const byBlock = useMemo(() => {
    if (!measured.current && typeof performance !== "undefined") performance.mark(`${DECORATE_MARK}:start`);
    return updateBlocks(spansByBlock(highlights.filter((h) => h.end <= offsetMap.length), blocks));
  }, [highlights, blocks, offsetMap, updateBlocks]);
  const painting = useMemo<Painting>(() => ({ blockOf, pieces: byBlock }), [blockOf, byBlock]);

  // The bench reads this: from the first decoration pass to the frame after the first paint with
  // every decoration in the DOM (a message posted from the next animation frame runs after it).
  useEffect(() => {
    if (measured.current) return;
    measured.current = true;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        performance.mark(`${DECORATE_MARK}:end`);
        performance.measure(DECORATE_MARK, `${DECORATE_MARK}:start`, `${DECORATE_MARK}:end`);
        containerRef.current?.setAttribute("data-decorated", String(highlights.length));
      };
      channel.port2.postMessage(null);
    });
  }, [byBlock, highlights.length]);

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
    <>
      <style>{LEAF_CSS}</style>
      <style>{activeRule(activeId)}</style>
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
        <PaintingContext value={painting}>
          <StatementText editor={editor} initialValue={initialValue} />
        </PaintingContext>
        {children}
      </div>
    </>
  );
});
