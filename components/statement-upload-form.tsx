"use client";
import Link from "next/link";
import { useActionState } from "react";
import { Card } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field";
import { StatementMetadataFields } from "@/components/statement-metadata-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/server/action";
import type { ImportSummary } from "@/lib/server/statements";

type State = ActionState<ImportSummary>;

export function StatementUploadForm({
  action,
  workspaceId,
  slug,
}: {
  action: (state: State, formData: FormData) => Promise<State>;
  workspaceId: string;
  slug: string;
}) {
  const [state, formAction] = useActionState(action, { ok: false } as State);
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const summary = state.data;
  const fileErrors = e.items ?? e.files;
  return (
    <Card>
      <h2 id="upload-files-heading" className="text-lg font-semibold text-ink">
        Upload files
      </h2>
      <p className="mt-1 text-sm text-muted">
        One statement per file: .txt, .md, .html or .docx, up to 10 MB each. Titles come from each file’s headline; the details
        below apply to all of them.
      </p>
      <form action={formAction} aria-labelledby="upload-files-heading" className="mt-5 space-y-4" noValidate>
        <input type="hidden" name="workspaceId" value={workspaceId} />
        <input type="hidden" name="ws" value={slug} />
        <div className="space-y-1">
          <label htmlFor="upload-files" className="block text-sm font-medium text-ink">
            Files
          </label>
          <input
            id="upload-files"
            name="files"
            type="file"
            multiple
            accept=".txt,.md,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-invalid={fileErrors?.length ? true : undefined}
            aria-describedby={fileErrors?.length ? "upload-files-error" : undefined}
            className="block w-full rounded-md border border-dashed border-line bg-paper px-3 py-4 text-sm text-muted file:mr-4 file:rounded-md file:border-0 file:bg-ink file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-white hover:file:bg-black"
          />
          <FieldError id="upload-files-error" errors={fileErrors} />
        </div>
        <StatementMetadataFields values={v} errors={e} idPrefix="upload-" />
        <FormMessage ok={state.ok} message={state.message} />
        <SubmitButton pendingLabel="Uploading…">Upload and import</SubmitButton>
      </form>
      {summary ? <UploadSummary summary={summary} slug={slug} /> : null}
    </Card>
  );
}

function UploadSummary({ summary, slug }: { summary: ImportSummary; slug: string }) {
  const href = (id: string) => `/w/${slug}/statements/${id}`;
  return (
    <section aria-labelledby="upload-summary" className="mt-6 space-y-5 border-t border-line pt-5">
      <h3 id="upload-summary" className="text-base font-semibold text-ink">
        Upload summary
      </h3>
      {summary.created.length ? (
        <div>
          <h4 className="text-sm font-medium text-emerald-900">Imported ({summary.created.length})</h4>
          <ul className="mt-2 space-y-1 text-sm">
            {summary.created.map((c) => (
              <li key={c.statement.id}>
                <Link href={href(c.statement.id)} className="text-accent underline underline-offset-2" dir="auto">
                  <bdi>{c.statement.title}</bdi>
                </Link>{" "}
                <span className="text-muted">
                  from <bdi>{c.name}</bdi>
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {summary.duplicates.length ? (
        <div>
          <h4 className="text-sm font-medium text-amber-900">Already in the workspace ({summary.duplicates.length})</h4>
          <ul className="mt-2 space-y-1 text-sm">
            {summary.duplicates.map((d, i) => (
              <li key={`${d.name}-${i}`}>
                <bdi className="text-ink">{d.name}</bdi> <span className="text-muted">is the same text as</span>{" "}
                <Link href={href(d.existing.id)} className="text-accent underline underline-offset-2" dir="auto">
                  <bdi>{d.existing.title}</bdi>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {summary.failed.length ? (
        <div>
          <h4 className="text-sm font-medium text-red-900">Not imported ({summary.failed.length})</h4>
          <ul className="mt-2 space-y-1 text-sm">
            {summary.failed.map((f, i) => (
              <li key={`${f.name}-${i}`}>
                <bdi className="font-medium text-ink">{f.name}</bdi>: <span className="text-red-900">{f.message}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
