// The statement as the server sends it: the same paragraphs, type and measure as the workbench's
// viewer (statement-viewer.tsx), without highlights. A statement with a thousand highlights made
// the decorated document most of the page's HTML (1.3 MB of 1.8) and most of its render time;
// this is the text alone, and the viewer takes its place, highlights and all, once the page has
// hydrated. Keep its classes in step with the viewer's container and paragraphs so nothing moves
// when it does.
import { BLOCK_SEPARATOR } from "@/lib/anchoring/slate-offsets";

export function StatementPlainText({ text, language }: { text: string; language?: string }) {
  return (
    <div lang={language || undefined} data-testid="statement-text" className="relative mt-8 max-w-[70ch] font-serif text-[1.1875rem] leading-[1.8] text-ink">
      <div aria-label="Statement text" className="outline-none" style={{ position: "relative", whiteSpace: "pre-wrap", overflowWrap: "break-word" }}>
        {text.split(BLOCK_SEPARATOR).map((paragraph, i) => (
          <p key={i} dir="auto" className="mb-[1.1em] whitespace-pre-line break-words last:mb-0">
            {paragraph}
          </p>
        ))}
      </div>
    </div>
  );
}
