// A verdict's explanation as text, its "[n]" citations as links to the cited source: on the claim
// page to the source in the list, in the history to the page as it was cited then. Never HTML.
import { splitCitations } from "@/lib/verdicts/citations";

type Cited = { n: number; url: string; title: string };

export function VerdictExplanation({ text, sources, link }: { text: string; sources: readonly Cited[]; link: "anchor" | "url" }) {
  if (!text) return <p className="text-sm italic text-muted">No explanation yet.</p>;
  const byNumber = new Map(sources.map((s) => [s.n, s]));
  return (
    <div dir="auto" className="whitespace-pre-wrap text-[0.95rem] leading-relaxed text-ink">
      {splitCitations(text).map((part, i) => {
        if (part.kind === "text") return <span key={i}>{part.text}</span>;
        const source = byNumber.get(part.n);
        if (!source) {
          return (
            <span key={i} className="rounded-sm bg-amber-100 px-0.5 text-amber-900" title="No source has this number">
              {part.text}
            </span>
          );
        }
        const label = `Source ${source.n}: ${source.title || source.url}`;
        return link === "anchor" ? (
          <a key={i} href={`#source-${source.n}`} className="font-medium text-accent hover:underline" title={label} aria-label={label}>
            {part.text}
          </a>
        ) : (
          <a key={i} href={source.url} target="_blank" rel="noopener noreferrer nofollow" className="font-medium text-accent hover:underline" title={label} aria-label={label}>
            {part.text}
          </a>
        );
      })}
    </div>
  );
}
