import { Card } from "@/components/ui/card";

/** On the settings page, for admins: the whole desk as one file, and where it goes from there. */
export function WorkspaceExportCard({ slug }: { slug: string }) {
  return (
    <Card className="mt-6">
      <h2 className="text-base font-semibold text-ink">Export</h2>
      <p className="mt-1 text-sm text-muted">
        Everything in this workspace — statements with their revisions, highlights, claims, verdicts and their history, sources, comments, the
        activity log and the members (by email) — as one JSON file. Import it into an empty workspace with{" "}
        <code className="rounded bg-stone-100 px-1">npm run workspace:import</code>, on this or another database. Passwords are not included.
      </p>
      <p className="mt-3 flex flex-wrap gap-4 text-sm">
        <a href={`/w/${slug}/exports/workspace.json`} download className="font-medium text-accent hover:underline">
          Download full export (JSON)
        </a>
        <a href={`/w/${slug}/exports/claims.csv`} download className="font-medium text-accent hover:underline">
          Download all claims (CSV)
        </a>
      </p>
    </Card>
  );
}
