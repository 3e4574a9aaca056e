// The reports page's form: which statements (publication dates, speaker, claims with a tag or
// status) and in which format. A plain GET form to the export route, so the choice is a link and
// works without JavaScript; HTML opens in a new tab, PDF and Markdown download.
import { REPORT_STATEMENT_LIMIT } from "@/lib/server/reports";

export type ReportFilterValues = { from: string; to: string; tag: string; status: string; speaker: string; drafts: boolean };

const CONTROL = "block w-full rounded-md border border-line bg-white px-3 py-2 text-sm shadow-sm focus:border-accent";
const LABEL = "block text-sm font-medium text-ink";
const STATUSES = [
  { value: "to_check", label: "To check" },
  { value: "researching", label: "Researching" },
  { value: "in_review", label: "In review" },
  { value: "checked", label: "Checked" },
];

export function ReportFilters({ action, tags, values }: { action: string; tags: Array<{ id: string; name: string }>; values: ReportFilterValues }) {
  return (
    <form action={action} method="get" aria-label="Report filters" className="rounded-lg border border-line bg-white p-5 shadow-sm">
      <fieldset>
        <legend className="text-base font-semibold text-ink">Statements</legend>
        <p className="mt-1 text-sm text-muted">Leave a field empty to include everything. Oldest first; at most {REPORT_STATEMENT_LIMIT} statements per report.</p>
        <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div className="space-y-1">
            <label htmlFor="report-from" className={LABEL}>
              Published from
            </label>
            <input id="report-from" type="date" name="from" defaultValue={values.from} className={CONTROL} />
          </div>
          <div className="space-y-1">
            <label htmlFor="report-to" className={LABEL}>
              Published until
            </label>
            <input id="report-to" type="date" name="to" defaultValue={values.to} className={CONTROL} />
          </div>
          <div className="space-y-1 sm:col-span-2">
            <label htmlFor="report-speaker" className={LABEL}>
              Speaker
            </label>
            <input
              id="report-speaker"
              type="search"
              name="speaker"
              defaultValue={values.speaker}
              maxLength={200}
              placeholder="Part of a name or organisation"
              className={CONTROL}
            />
          </div>
        </div>
      </fieldset>
      <fieldset className="mt-5">
        <legend className="text-base font-semibold text-ink">Claims</legend>
        <p className="mt-1 text-sm text-muted">With a tag or status chosen, the report keeps only those claims, and the statements that have one.</p>
        <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div className="space-y-1">
            <label htmlFor="report-tag" className={LABEL}>
              Tag
            </label>
            <select id="report-tag" name="tag" defaultValue={values.tag} className={CONTROL}>
              <option value="">Any tag</option>
              {tags.map((t) => (
                <option key={t.id} value={t.name}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="report-status" className={LABEL}>
              Claim status
            </label>
            <select id="report-status" name="status" defaultValue={values.status} className={CONTROL}>
              <option value="">Any status</option>
              {STATUSES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>
      <div className="mt-5 flex flex-wrap items-center gap-x-6 gap-y-3 border-t border-line pt-4">
        <label className="flex items-start gap-2 text-sm text-ink">
          <input type="checkbox" name="drafts" value="1" defaultChecked={values.drafts} className="mt-0.5" />
          <span>
            Include drafts
            <span className="block text-xs text-muted">Verdicts not yet approved, marked as such</span>
          </span>
        </label>
        <div className="ml-auto flex flex-wrap gap-2">
          <button type="submit" name="format" value="html" formTarget="_blank" className="rounded-md bg-ink px-4 py-2 text-sm font-medium text-white hover:bg-black">
            Open HTML report
          </button>
          <button type="submit" name="format" value="pdf" className="rounded-md border border-line bg-white px-4 py-2 text-sm font-medium text-ink hover:bg-stone-50">
            Download PDF
          </button>
          <button type="submit" name="format" value="md" className="rounded-md border border-line bg-white px-4 py-2 text-sm font-medium text-ink hover:bg-stone-50">
            Download Markdown
          </button>
        </div>
      </div>
    </form>
  );
}
