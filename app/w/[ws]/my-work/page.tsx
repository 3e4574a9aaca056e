import type { Metadata } from "next";
import { AssignedItem, DraftItem, MentionItem, SentBackItem, WorkSection } from "@/components/queues/my-work-lists";
import { Card, PageTitle } from "@/components/ui/card";
import { Forbidden } from "@/lib/server/errors";
import { getMyWork, type MyWork } from "@/lib/server/work-queues";
import { loadWorkspacePage } from "../workspace";

export const metadata: Metadata = { title: "My work" };

/** A checker's desk: what came back, what is assigned, what is half-written, who asked. */
export default async function MyWorkPage({ params }: { params: Promise<{ ws: string }> }) {
  const { ws: slug } = await params;
  const { user, workspace } = await loadWorkspacePage(slug);
  let work: MyWork;
  try {
    work = await getMyWork(user, { workspaceId: workspace.id });
  } catch (error) {
    if (!(error instanceof Forbidden)) throw error;
    return (
      <div className="max-w-2xl">
        <PageTitle>My work</PageTitle>
        <Card>
          <p className="text-sm text-ink">Viewers have no work queue in {workspace.name}.</p>
          <p className="mt-1 text-sm text-muted">Checkers, editors and admins see the claims assigned to them, their verdicts and the comments that mention them here.</p>
        </Card>
      </div>
    );
  }
  const s = workspace.slug;
  return (
    <div className="mx-auto w-full max-w-4xl">
      <PageTitle description={`Your claims, verdicts and mentions in ${workspace.name}.`}>My work</PageTitle>
      <div className="space-y-6">
        <WorkSection id="sent-back" title="Changes requested" count={work.changesRequested.items.length} more={work.changesRequested.more} empty="No verdict of yours is waiting for changes.">
          {work.changesRequested.items.map((v) => (
            <SentBackItem key={v.verdictId} verdict={v} slug={s} />
          ))}
        </WorkSection>
        <WorkSection id="assigned" title="Assigned to you" count={work.assigned.items.length} more={work.assigned.more} empty="No open claim is assigned to you.">
          {work.assigned.items.map((c) => (
            <AssignedItem key={c.claimId} claim={c} slug={s} />
          ))}
        </WorkSection>
        <WorkSection id="drafts" title="Your drafts" count={work.drafts.items.length} more={work.drafts.more} empty="No draft verdicts.">
          {work.drafts.items.map((v) => (
            <DraftItem key={v.verdictId} verdict={v} slug={s} />
          ))}
        </WorkSection>
        <WorkSection id="mentions" title="Mentions" count={work.mentions.items.length} more={work.mentions.more} empty="Nobody has mentioned you in a comment yet.">
          {work.mentions.items.map((m) => (
            <MentionItem key={m.commentId} mention={m} slug={s} />
          ))}
        </WorkSection>
      </div>
    </div>
  );
}
