// The statement details both import forms ask for. Ids carry a prefix where two forms share a page.
import { Field } from "@/components/ui/field";

export function StatementMetadataFields({
  values,
  errors,
  idPrefix,
}: {
  values: Record<string, string>;
  errors: Record<string, string[]>;
  idPrefix?: string;
}) {
  const id = (name: string) => (idPrefix ? `${idPrefix}${name}` : undefined);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id("speaker")} label="Speaker or organisation" name="speaker" defaultValue={values.speaker} errors={errors.speaker} maxLength={200} />
        <Field id={id("outlet")} label="Outlet" name="outlet" defaultValue={values.outlet} errors={errors.outlet} maxLength={200} />
      </div>
      <Field id={id("url")} label="Source URL" name="url" type="url" inputMode="url" placeholder="https://" defaultValue={values.url} errors={errors.url} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id("publishedAt")} label="Publication date" name="publishedAt" type="date" defaultValue={values.publishedAt} errors={errors.publishedAt} />
        <Field id={id("language")} label="Language" name="language" defaultValue={values.language} errors={errors.language} hint="A code such as en, fr, ru or az." maxLength={35} />
      </div>
    </>
  );
}
