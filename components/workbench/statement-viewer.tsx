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
// Slate renders each paragraph as one undecorated text node and `renderText` writes that node's
// pieces itself, as plain DOM (writePieces), in the shape Slate would make
// (`[data-slate-leaf][data-slate-string]` per piece, inside the text node's span); slate-dom's
// DOM↔offset mapping reads exactly that structure, so selections still map to offsets. Each
// paragraph has exactly one text node (textToSlateValue), so a piece's block-local offsets are
// Slate offsets in that node.
import { createContext, memo, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { createEditor, type Descendant } from "slate";
import { Editable, ReactEditor, Slate, withReact, type RenderElementProps, type RenderTextProps } from "slate-react";
import { blockExtents, blockPieces, blockSegments, createBlockCache, spansByBlock, type BlockExtent, type BlockPiece, type ClippedSpan } from "@/lib/anchoring/block-segments";
import { createOffsetMap, textToSlateValue } from "@/lib/anchoring/slate-offsets";
import type { TextSelection, WorkbenchHighlight } from "./types";

/** What a decorated leaf carries, computed once per segment: attributes and style, ready to spread. */
type LeafMark = {
  ids: string;
  top: string;
  state: "saved" | "saving" | "failed";
  className: "fd-hl" | "fd-hl fd-note";
  /** Inline: the layered background and the underline's colour (the look is in app/globals.css). */
  style: string;
};
type Piece = BlockPiece<LeafMark>;

export const DECORATE_MARK = "fd:decorate";

const FAILED = "#b91c1c";

/**
 * A rule outlining every leaf of the active highlight, in its author's colour (the leaves' own
 * underline colours differ where others' highlights lie on top): no leaf re-renders when it changes.
 */
function activeRule(active: WorkbenchHighlight): string {
  const id = active.id.replace(/["\\]/g, "\\$&");
  const color = active.state === "failed" ? FAILED : cssColor(active.author.color);
  return `[data-testid="statement-text"] [data-highlight-ids~="${id}"] { outline: 2px solid ${color}; outline-offset: 1px; }`;
}

/** A colour as CSS, from a person's stored colour: anything but #rrggbb falls back to the text's. */
function cssColor(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color : "currentColor";
}

const rgbCache = new Map<string, readonly [number, number, number]>();
function rgbOf(hex: string): readonly [number, number, number] {
  let rgb = rgbCache.get(hex);
  if (rgb === undefined) {
    const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
    rgbCache.set(hex, (rgb = m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : [128, 128, 128]));
  }
  return rgb;
}

/** Two hex digits for each byte: a leaf's background as #rrggbb, which the browser parses faster than rgb(). */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** Past this many, more layers only darken the passage towards illegible; the innermost count. */
const MAX_LAYERS = 4;

/**
 * A leaf's look from the highlights covering it, outer first. One translucent layer per highlight
 * (the innermost MAX_LAYERS), stacked on the white page: where two people marked the same words it
 * is darker and mixed. The colour is computed here once instead of by the browser for every leaf
 * (a thousand overlapping highlights average seven layers a leaf, and resolving and painting those
 * as gradients was most of the page's style and paint time). The underline is the innermost
 * (topmost) highlight's colour.
 *
 * Runs some 2,000 times on the page's first paint, mostly before the JIT has warmed up: plain
 * indexed loops, no intermediate arrays.
 */
function markOf(covering: readonly WorkbenchHighlight[]): LeafMark {
  const n = covering.length;
  const alpha = n > 1 ? 0.22 : 0.28;
  let r = 255;
  let g = 255;
  let b = 255;
  let ids = "";
  let failed = false;
  let saving = false;
  for (let i = 0; i < n; i++) {
    const h = covering[i]!;
    ids = i === 0 ? h.id : `${ids} ${h.id}`;
    if (h.state === "failed") failed = true;
    else if (h.state === "saving") saving = true;
    if (i >= n - MAX_LAYERS) {
      const rgb = rgbOf(h.state === "failed" ? FAILED : h.author.color);
      r += (rgb[0] - r) * alpha;
      g += (rgb[1] - g) * alpha;
      b += (rgb[2] - b) * alpha;
    }
  }
  const top = covering[n - 1]!;
  const state = failed ? "failed" : saving ? "saving" : "saved";
  // A failed highlight anywhere in the passage makes its (wavy) line red.
  const line = state === "failed" ? FAILED : cssColor(top.author.color);
  return {
    ids,
    top: top.id,
    state,
    className: top.kind === "note" ? "fd-hl fd-note" : "fd-hl",
    // Hex rather than rgb(): some 2,000 style attributes are parsed before the first paint, and
    // these parse about a quarter faster (measured in Chromium); the colour is the same.
    style: `background-color:#${HEX[Math.round(r)]}${HEX[Math.round(g)]}${HEX[Math.round(b)]};text-decoration-color:${line}`,
  };
}

/** Whether a highlight still looks the same in a block: a block is rebuilt only when one does not. */
function sameLook(a: ClippedSpan<WorkbenchHighlight>, b: ClippedSpan<WorkbenchHighlight>): boolean {
  return (
    a.id === b.id &&
    a.start === b.start &&
    a.end === b.end &&
    a.of.start === b.of.start &&
    a.of.end === b.of.end &&
    a.of.author.color === b.of.author.color &&
    a.of.kind === b.of.kind &&
    a.of.state === b.of.state
  );
}

function buildBlock(block: BlockExtent, clipped: ClippedSpan<WorkbenchHighlight>[]): Piece[] {
  const segments = blockSegments(clipped);
  const marked: { start: number; end: number; mark: LeafMark }[] = new Array(segments.length);
  for (let i = 0; i < segments.length; i++) marked[i] = { start: segments[i]!.start, end: segments[i]!.end, mark: markOf(segments[i]!.highlights) };
  return blockPieces(block, marked);
}

/** Each text node's block (fixed per revision), and every block's pieces: what `renderText` paints. */
type Painting = { blockOf: WeakMap<object, number>; pieces: readonly Piece[][] };
const PaintingContext = createContext<Painting>({ blockOf: new WeakMap(), pieces: [] });
/** Each text node's block, and the first block that may wait until scrolled near (see Paragraph). */
type Layout = { blockOf: WeakMap<object, number>; firstDeferred: number };
const LayoutContext = createContext<Layout>({ blockOf: new WeakMap(), firstDeferred: Infinity });

/** About how many characters a line of the statement holds at its full measure (70ch of serif). */
const CHARS_PER_LINE = 80;

/** A paragraph's height before it is laid out, in lines of 1.8em: its length over a line's worth. */
function estimatedLines(text: string): number {
  let lines = 0;
  for (const line of text.split("\n")) lines += Math.max(1, Math.ceil(line.length / CHARS_PER_LINE));
  return lines;
}

/**
 * Paragraphs starting within this many (estimated) lines are rendered up front, about a screen and
 * a half; those after them wait until scrolled near (see Paragraph). Each paragraph laid out
 * before the first paint costs it its highlights' style and layout: with a thousand highlights,
 * a fixed two dozen paragraphs were some 500 leaves, of which a screen shows about 120.
 */
const LINES_UP_FRONT = 40;

/** The first block starting past LINES_UP_FRONT lines. */
function firstDeferredBlock(blocks: readonly string[]): number {
  let lines = 0;
  for (let b = 0; b < blocks.length; b++) {
    if (lines >= LINES_UP_FRONT) return b;
    lines += estimatedLines(blocks[b]!) + 1; // and the gap after it
  }
  return blocks.length;
}

function Paragraph({ attributes, children, element }: RenderElementProps) {
  // In a long statement, paragraphs far down skip style, layout and paint (content-visibility)
  // until scrolled near. Their placeholder height is estimated from their length (within ~1 % over
  // a whole statement at the workbench's measure; a fixed guess left the page 1,800 px too tall),
  // and `auto` keeps the real height once shown. The first screen and a half is always rendered,
  // so a short statement, and the top of a long one, look the same in a full-page capture.
  const leaves = (element as { children: { text: string }[] }).children;
  const { blockOf, firstDeferred } = useContext(LayoutContext);
  const deferred = (blockOf.get(leaves[0]!) ?? 0) >= firstDeferred;
  return (
    <p
      {...attributes}
      dir="auto"
      className={`mb-[1.1em] whitespace-pre-line break-words last:mb-0 ${deferred ? "[content-visibility:auto] print:[content-visibility:visible]" : ""}`}
      style={deferred ? { containIntrinsicSize: `auto ${(estimatedLines(leaves.map((leaf) => leaf.text).join("")) * 1.8).toFixed(1)}em` } : undefined}
    >
      {children}
    </p>
  );
}

/**
 * Writes one paragraph's pieces into `host`, one span each (a Slate leaf and its string in one
 * element: slate-dom maps offsets through `[data-slate-leaf]` and `[data-slate-string]`, whichever
 * element carries them, counting text from the start of the text node's element).
 *
 * Plain DOM rather than a React element per piece: a thousand highlights make some 2,000 pieces,
 * and creating, committing and attaching a fiber for each was the larger part of the page's
 * script time before the first paint with highlights (profiled: ~40 % of it in react-dom, against
 * a few milliseconds for the same elements made here). React owns `host` and never gives it
 * children, so it never touches these.
 */
function writePieces(host: HTMLElement, text: string, pieces: readonly Piece[]): void {
  // Browsers collapse a trailing newline at a block's end; Slate adds one more, and so do we.
  const trailing = text.endsWith("\n") ? "\n" : "";
  const doc = host.ownerDocument;
  const leaf = doc.createElement("span");
  leaf.setAttribute("data-slate-leaf", "true");
  leaf.setAttribute("data-slate-string", "true");
  const fragment = doc.createDocumentFragment();
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const span = leaf.cloneNode(false) as HTMLElement;
    const mark = piece.mark;
    if (mark) {
      span.className = mark.className;
      span.setAttribute("data-highlight-id", mark.top);
      span.setAttribute("data-highlight-ids", mark.ids);
      if (mark.state !== "saved") span.setAttribute("data-highlight-state", mark.state);
      span.setAttribute("style", mark.style);
    }
    span.textContent = text.slice(piece.start, piece.end) + (i === pieces.length - 1 ? trailing : "");
    fragment.appendChild(span);
  }
  host.replaceChildren(fragment);
}

/**
 * One paragraph's pieces, written before the browser paints (a layout effect) and again only when
 * the piece list changes, which stays identical while the paragraph's highlights do.
 */
const Pieces = memo(function Pieces({ text, pieces }: { text: string; pieces: readonly Piece[] }) {
  const host = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    if (host.current) writePieces(host.current, text, pieces);
  }, [text, pieces]);
  return <span ref={host} />;
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
  const layout = useMemo<Layout>(() => ({ blockOf, firstDeferred: firstDeferredBlock(blocks.map((b) => text.slice(b.start, b.end))) }), [blockOf, blocks, text]);
  const updateBlocks = useMemo(() => createBlockCache<WorkbenchHighlight, Piece[]>(sameLook, (b, clipped) => buildBlock(blocks[b]!, clipped)), [blocks]);
  const containerRef = useRef<HTMLDivElement>(null);
  const measured = useRef(false);

  const byBlock = useMemo(() => {
    if (!measured.current && typeof performance !== "undefined") performance.mark(`${DECORATE_MARK}:start`);
    return updateBlocks(spansByBlock(highlights.filter((h) => h.end <= offsetMap.length), blocks));
  }, [highlights, blocks, offsetMap, updateBlocks]);
  const painting = useMemo<Painting>(() => ({ blockOf, pieces: byBlock }), [blockOf, byBlock]);
  const active = useMemo(() => (activeId ? highlights.find((h) => h.id === activeId) : undefined), [activeId, highlights]);

  // The bench reads this: from the first decoration pass to the frame after the first paint with
  // every decoration in the DOM (a message posted from the next animation frame runs after it).
  useEffect(() => {
    if (measured.current) return;
    measured.current = true;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        // From the first start: a render React threw away and redid is part of the time.
        const start = performance.getEntriesByName(`${DECORATE_MARK}:start`, "mark")[0];
        const end = performance.mark(`${DECORATE_MARK}:end`);
        performance.measure(DECORATE_MARK, { start: start?.startTime ?? end.startTime, end: end.startTime });
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
      {/* Only while one is active: any style element on the page costs the first frame a re-match. */}
      {active ? <style>{activeRule(active)}</style> : null}
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
        <LayoutContext value={layout}>
          <PaintingContext value={painting}>
            <StatementText editor={editor} initialValue={initialValue} />
          </PaintingContext>
        </LayoutContext>
        {children}
      </div>
    </>
  );
});
