// One source as the claim page lists it. Everything here was typed by someone, so it is only
// ever rendered as text; links open in a new tab without handing the page over (noopener) or
// vouching for the target (nofollow).
import { formatDay } from "@/lib/text/dates";
import type { SourceDTO } from "@/lib/server/sources";
import { StanceBadge } from "./source-stance";

const LINK_REL = "noopener noreferrer nofollow";

/** The small buttons under a source (Edit, Remove) look alike. Here, not in a client module, so a server component can use it. */
export const SOURCE_TOOL_BUTTON =
  "inline-flex cursor-pointer items-center rounded-md border border-line bg-white px-3 py-1 text-xs font-medium text-ink hover:bg-stone-50";

/** Only http(s) links are stored; a row written some other way still never becomes a script link. */
function webLink(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

export function SourceItem({ source, actions }: { source: SourceDTO; actions?: React.ReactNode }) {
  const href = webLink(source.url);
  const archive = webLink(source.archiveUrl);
  const meta = [source.publisher, source.publishedAt ? formatDay(source.publishedAt) : null].filter(Boolean).join(" · ");
  return (
    <article aria-labelledby={`source-${source.id}-heading`} className="flex gap-4">
      <span className="w-8 shrink-0 pt-0.5 text-right font-mono text-sm text-muted" aria-hidden="true">
        [{source.n}]
      </span>
      <div className="min-w-0 flex-1 space-y-2">
        <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
          <StanceBadge stance={source.stance} />
          <h3 id={`source-${source.id}-heading`} className="min-w-0 text-base font-medium text-ink" dir="auto">
            <span className="sr-only">Source {source.n}: </span>
            {href ? (
              <a href={href} target="_blank" rel={LINK_REL} className="break-words text-accent underline-offset-2 hover:underline">
                {source.title || href}
              </a>
            ) : (
              <span className="break-words">{source.title || source.url}</span>
            )}
          </h3>
          <span className="text-xs text-muted">{siteOf(source.url)}</span>
        </div>
        {meta ? (
          <p className="text-sm text-muted" dir="auto">
            {meta}
          </p>
        ) : null}
        {source.excerpt ? (
          <blockquote className="space-y-2 border-l-2 border-line pl-3 font-serif text-[0.95rem] leading-relaxed text-ink/90" dir="auto">
            {source.excerpt.split(/\n\s*\n/).map((paragraph, i) => (
              <p key={i} className="whitespace-pre-line">
                {paragraph}
              </p>
            ))}
          </blockquote>
        ) : null}
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
          {archive ? (
            <a href={archive} target="_blank" rel={LINK_REL} className="text-accent underline-offset-2 hover:underline">
              Archived copy
            </a>
          ) : null}
          <span>
            Added by {source.addedBy.name} on {formatDay(new Date(source.createdAt))}
          </span>
        </div>
        {actions ? <div className="flex flex-wrap items-start gap-2 pt-1">{actions}</div> : null}
      </div>
    </article>
  );
}
