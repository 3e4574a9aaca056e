// The statement page's "Export" menu: a plain GET form in a disclosure, so it works without
// JavaScript. HTML opens in a new tab (the report reads and prints from there); PDF and Markdown
// download.
const BUTTON = "w-full rounded-md border border-line bg-white px-3 py-1.5 text-left text-sm font-medium text-ink hover:bg-stone-50";

export function ExportMenu({ action }: { action: string }) {
  return (
    <details className="group relative shrink-0">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1.5 rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium text-ink shadow-sm hover:bg-stone-50">
        Export
        <span aria-hidden="true" className="text-xs text-muted transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <form
        action={action}
        method="get"
        aria-label="Export report"
        className="absolute right-0 z-20 mt-2 w-64 space-y-2 rounded-lg border border-line bg-white p-3 shadow-lg"
      >
        <p className="text-xs font-medium uppercase tracking-wide text-muted">Annotated report</p>
        <button type="submit" name="format" value="html" formTarget="_blank" className={BUTTON}>
          HTML <span className="font-normal text-muted">— open to read or print</span>
        </button>
        <button type="submit" name="format" value="pdf" className={BUTTON}>
          PDF <span className="font-normal text-muted">— download</span>
        </button>
        <button type="submit" name="format" value="md" className={BUTTON}>
          Markdown <span className="font-normal text-muted">— download</span>
        </button>
        <label className="flex items-start gap-2 border-t border-line pt-2 text-sm text-ink">
          <input type="checkbox" name="drafts" value="1" className="mt-0.5" />
          <span>
            Include drafts
            <span className="block text-xs text-muted">Unapproved verdicts, clearly marked</span>
          </span>
        </label>
      </form>
    </details>
  );
}
