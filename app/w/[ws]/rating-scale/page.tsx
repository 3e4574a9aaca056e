import type { Metadata } from "next";
import { CreateLevelForm, EditLevelForm, LevelStateForms, MoveButtons } from "@/components/rating-scale/level-forms";
import { RatingBadge } from "@/components/rating-scale/rating-badge";
import { Card, PageTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { roleAtLeast } from "@/lib/roles";
import { getRatingScale, type RatingScaleLevelDTO } from "@/lib/server/rating-scales";
import { loadWorkspacePage } from "../workspace";
import { createLevelAction, deleteLevelAction, moveLevelAction, retireLevelAction, truthOrderAction, updateLevelAction } from "./actions";

export const metadata: Metadata = { title: "Rating scale" };

type Search = Promise<Partial<Record<"retired" | "restored" | "inOrder" | "outOfOrder" | "deleted", string>>>;

const NOTICES = {
  retired: (label: string) => `“${label}” is retired: no longer offered, still shown on the verdicts that use it.`,
  restored: (label: string) => `“${label}” is offered again.`,
  inOrder: (label: string) => `“${label}” is now the least true level of the truth order; move it up to its place.`,
  outOfOrder: (label: string) => `“${label}” is now outside the truth order.`,
} as const;

export default async function RatingScalePage({ params, searchParams }: { params: Promise<{ ws: string }>; searchParams: Search }) {
  const { ws: slug } = await params;
  const search = await searchParams;
  const { user, workspace } = await loadWorkspacePage(slug);
  const scale = await getRatingScale(user, { workspaceId: workspace.id, includeRetired: true });
  const mayEdit = roleAtLeast(workspace.role, "editor");

  const active = scale.levels.filter((l) => !l.retired);
  const ordered = active.filter((l) => l.ordinal !== null);
  const outside = active.filter((l) => l.ordinal === null);
  const retired = scale.levels.filter((l) => l.retired);
  const notice = noticeOf(search, scale.levels);

  const rowProps = { mayEdit, workspaceId: workspace.id, slug: workspace.slug, best: ordered.length };
  return (
    <div className="mx-auto w-full max-w-4xl">
      <PageTitle
        description={
          mayEdit
            ? "The ratings a verdict can give. Checkers pick from the active levels; published fact-checks carry the level’s name and, for the truth order, its number."
            : "The ratings a verdict can give and what each means — the desk’s reference when choosing one. Editors maintain this scale."
        }
      >
        {scale.name}
      </PageTitle>

      {notice ? (
        <div className="mb-6">
          <FormMessage ok message={notice} />
        </div>
      ) : null}

      <section aria-labelledby="truth-order-heading" className="mb-6 rounded-lg border border-line bg-white shadow-sm">
        <header className="border-b border-line px-6 py-4">
          <h2 id="truth-order-heading" className="text-base font-semibold text-ink">
            Truth order
          </h2>
          <p className="mt-1 text-sm text-muted">
            Most true first. Published as a ClaimReview rating from {ordered.length} (best) down to 1 (worst).
          </p>
        </header>
        <LevelList label="Truth order" levels={ordered} {...rowProps} empty="No levels in the truth order." />
      </section>

      <section aria-labelledby="outside-heading" className="mb-6 rounded-lg border border-line bg-white shadow-sm">
        <header className="border-b border-line px-6 py-4">
          <h2 id="outside-heading" className="text-base font-semibold text-ink">
            Outside the truth order
          </h2>
          <p className="mt-1 text-sm text-muted">Ratings that are not a degree of truth. Published with their name only.</p>
        </header>
        <LevelList label="Outside the truth order" levels={outside} {...rowProps} empty="None: every active level is part of the truth order." />
      </section>

      {mayEdit ? (
        <Card className="mb-6">
          <h2 className="mb-4 text-base font-semibold text-ink">New level</h2>
          {/* A fresh form after each page notice, so an old "Added …" does not outlive the level. */}
          <CreateLevelForm key={new URLSearchParams(search as Record<string, string>).toString()} action={createLevelAction} workspaceId={workspace.id} />
        </Card>
      ) : null}

      {retired.length > 0 ? (
        <section aria-labelledby="retired-heading" className="rounded-lg border border-line bg-white shadow-sm">
          <header className="border-b border-line px-6 py-4">
            <h2 id="retired-heading" className="text-base font-semibold text-ink">
              Retired levels
            </h2>
            <p className="mt-1 text-sm text-muted">No longer offered for new ratings; the verdicts that use them keep them.</p>
          </header>
          <LevelList label="Retired levels" levels={retired} {...rowProps} empty="" />
        </section>
      ) : null}
    </div>
  );
}

function noticeOf(search: Awaited<Search>, levels: RatingScaleLevelDTO[]): string | undefined {
  if (search.deleted) return `Deleted “${search.deleted}”.`;
  for (const key of ["retired", "restored", "inOrder", "outOfOrder"] as const) {
    const level = levels.find((l) => l.id === search[key]);
    if (level) return NOTICES[key](level.label);
  }
  return undefined;
}

function LevelList({
  label,
  levels,
  empty,
  ...row
}: {
  label: string;
  levels: RatingScaleLevelDTO[];
  empty: string;
  mayEdit: boolean;
  workspaceId: string;
  slug: string;
  best: number;
}) {
  if (levels.length === 0) return <p className="px-6 py-4 text-sm text-muted">{empty}</p>;
  return (
    <ol aria-label={label} className="divide-y divide-line">
      {levels.map((level, i) => (
        <LevelRow key={level.id} level={level} first={i === 0} last={i === levels.length - 1} {...row} />
      ))}
    </ol>
  );
}

function usageOf(level: RatingScaleLevelDTO): string {
  if (level.usage > 0) return level.usage === 1 ? "1 verdict" : `${level.usage} verdicts`;
  return level.inUse ? "in earlier verdict versions" : "not used yet";
}

function LevelRow({
  level,
  first,
  last,
  mayEdit,
  workspaceId,
  slug,
  best,
}: {
  level: RatingScaleLevelDTO;
  first: boolean;
  last: boolean;
  mayEdit: boolean;
  workspaceId: string;
  slug: string;
  best: number;
}) {
  const rated = !level.retired && level.ordinal !== null;
  return (
    <li className={`flex gap-4 px-6 py-4 ${level.retired ? "bg-stone-50/70" : ""}`}>
      <div className="w-14 shrink-0 pt-0.5 text-sm tabular-nums text-muted">
        {rated ? (
          <span title={`ClaimReview rating ${level.ordinal} of ${best}`}>
            <span className="font-semibold text-ink">{level.ordinal}</span>
            <span> / {best}</span>
          </span>
        ) : (
          <span aria-hidden="true">–</span>
        )}
      </div>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <RatingBadge label={level.label} color={level.color} />
          <span className="text-xs text-muted">{usageOf(level)}</span>
        </div>
        {level.description ? <p className="mt-1.5 text-sm text-ink/80">{level.description}</p> : <p className="mt-1.5 text-sm italic text-muted">No description.</p>}
        {mayEdit ? (
          <details className="group mt-2">
            <summary className="cursor-pointer text-sm text-accent">
              Edit <span className="sr-only">{level.label}</span>
            </summary>
            <div className="mt-3 space-y-5 rounded-md border border-line bg-paper p-4">
              <EditLevelForm action={updateLevelAction} workspaceId={workspaceId} level={level} />
              <LevelStateForms actions={{ truthOrder: truthOrderAction, retire: retireLevelAction, remove: deleteLevelAction }} workspaceId={workspaceId} slug={slug} level={level} />
            </div>
          </details>
        ) : null}
      </div>
      {mayEdit && !level.retired ? (
        <MoveButtons action={moveLevelAction} workspaceId={workspaceId} level={level} canMoveUp={!first} canMoveDown={!last} />
      ) : null}
    </li>
  );
}
