import { formatDay } from "@/lib/text/dates";
import type { StatementDetail } from "@/lib/server/statements";
import { ExportMenu } from "./reports/export-menu";
import { LiveClaimCount } from "./workbench/live-claim-count";

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

export function StatementHeader({ statement }: { statement: StatementDetail }) {
  const byline = [statement.speaker, statement.outlet].filter(Boolean);
  return (
    <header className="max-w-[70ch]">
      <div className="flex items-start justify-between gap-4">
        <h1 dir="auto" className="font-serif text-3xl font-semibold leading-tight tracking-tight text-ink">
          {statement.title}
        </h1>
        {/* Relative to the statement's page (/w/[ws]/statements/[id]): its …/report route. */}
        <ExportMenu action={`${statement.id}/report`} />
      </div>
      {byline.length || statement.publishedAt ? (
        <p className="mt-3 text-base text-ink/80" dir="auto">
          {byline.join(" · ")}
          {byline.length && statement.publishedAt ? " · " : ""}
          {statement.publishedAt ? <time dateTime={statement.publishedAt}>{formatDay(statement.publishedAt, "long")}</time> : null}
        </p>
      ) : null}
      <dl className="mt-4 flex flex-wrap gap-x-6 gap-y-1 border-b border-line pb-5 text-sm text-muted">
        {statement.url ? (
          <div className="flex gap-1.5">
            <dt>Source</dt>
            <dd>
              <a
                href={statement.url}
                rel="noopener noreferrer nofollow"
                target="_blank"
                className="text-accent underline underline-offset-2 hover:text-ink"
              >
                {hostOf(statement.url)}
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
            </dd>
          </div>
        ) : null}
        {statement.language ? (
          <div className="flex gap-1.5">
            <dt>Language</dt>
            <dd>{languageName(statement.language)}</dd>
          </div>
        ) : null}
        <div className="flex gap-1.5">
          <dt>Imported</dt>
          <dd>
            <time dateTime={statement.importedAt.toISOString()}>{formatDay(statement.importedAt)}</time> by {statement.importedBy.name}
          </dd>
        </div>
        <div className="flex gap-1.5">
          <dt>Claims</dt>
          <dd data-testid="claim-count">
            <LiveClaimCount initial={statement.claimCount} />
          </dd>
        </div>
        {statement.revision.number > 1 ? (
          <div className="flex gap-1.5">
            <dt>Revision</dt>
            <dd>{statement.revision.number}</dd>
          </div>
        ) : null}
      </dl>
    </header>
  );
}
