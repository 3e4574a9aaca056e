// An annotated statement for the report tests, the report bench and the reports e2e run: claims
// highlighted, tagged and researched, with verdicts taken through the real workflow (submitted by
// the checker, approved by an editor, published) so every report field has a real source.
import { db } from "../lib/server/db";
import { createHighlight } from "../lib/server/highlights";
import type { Actor } from "../lib/server/permissions";
import { addSource } from "../lib/server/sources";
import { importStatement, type StatementMetadata } from "../lib/server/statements";
import { approveVerdict, publishVerdict, saveVerdictDraft, submitVerdict } from "../lib/server/verdicts";

export type PlannedSource = { url: string; title: string; publisher?: string; publishedAt?: string; excerpt?: string; stance: "supports" | "refutes" | "context" };

export type PlannedClaim = {
  quote: string;
  claimReviewed?: string;
  tags?: string[];
  sources?: PlannedSource[];
  /** How far the verdict gets: none, a draft, in review, approved, published. */
  stage: "none" | "draft" | "in_review" | "approved" | "published";
  rating?: string;
  summary?: string;
  explanation?: string;
};

export type ReportPeople = { checker: Actor; editor: Actor; admin?: Actor };

/** The workspace's level ids by label (its scale must exist). */
export async function levelIds(workspaceId: string): Promise<Record<string, string>> {
  const rows = await db().ratingLevel.findMany({ where: { scale: { workspaceId } }, select: { id: true, label: true } });
  return Object.fromEntries(rows.map((r) => [r.label, r.id]));
}

/** Tag ids by name, made when missing. */
async function tagIds(workspaceId: string, names: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const tag = await db().tag.upsert({
      where: { workspaceId_name: { workspaceId, name } },
      create: { workspaceId, name, color: "#4f7cac" },
      update: {},
      select: { id: true },
    });
    ids.push(tag.id);
  }
  return ids;
}

/** Imports `text` and annotates it as planned; returns the statement and its claims' ids (in plan order). */
export async function seedAnnotatedStatement(
  people: ReportPeople,
  workspaceId: string,
  text: string,
  meta: StatementMetadata,
  plan: readonly PlannedClaim[],
): Promise<{ statementId: string; claimIds: string[] }> {
  const imported = await importStatement(people.checker, { workspaceId, text, ...meta });
  if (imported.status !== "created") throw new Error("statement not created (a duplicate?)");
  const statementId = imported.statement.id;
  const revision = await db().statementRevision.findFirstOrThrow({ where: { statementId }, select: { text: true, number: true } });
  const levels = await levelIds(workspaceId);
  const claimIds: string[] = [];
  for (const claim of plan) {
    const start = revision.text.indexOf(claim.quote);
    if (start < 0) throw new Error(`quote not in text: ${claim.quote}`);
    const highlight = await createHighlight(people.checker, {
      workspaceId,
      statementId,
      revisionNumber: revision.number,
      start,
      end: start + claim.quote.length,
      kind: "claim",
      ...(claim.claimReviewed ? { claimReviewed: claim.claimReviewed } : {}),
      tagIds: await tagIds(workspaceId, claim.tags ?? []),
    });
    const claimId = highlight.claim!.id;
    claimIds.push(claimId);
    for (const source of claim.sources ?? []) await addSource(people.checker, { workspaceId, claimId, ...source });
    if (claim.stage === "none") continue;
    const levelId = claim.rating ? levels[claim.rating] : undefined;
    if (claim.rating && !levelId) throw new Error(`no rating level ${claim.rating}`);
    const text = { workspaceId, claimId, lockVersion: null, levelId: levelId ?? "", summary: claim.summary ?? "", explanation: claim.explanation ?? "" };
    if (claim.stage === "draft") {
      await saveVerdictDraft(people.checker, text);
      continue;
    }
    const { verdict } = await submitVerdict(people.checker, text);
    if (claim.stage === "in_review") continue;
    const approved = await approveVerdict(people.editor, { workspaceId, claimId, lockVersion: verdict.lockVersion, note: "" });
    if (claim.stage === "approved") continue;
    await publishVerdict(people.admin ?? people.editor, { workspaceId, claimId, lockVersion: approved.lockVersion, note: "" });
  }
  return { statementId, claimIds };
}

// ---------------------------------------------------------------------------------------------
// The corpus statement of 29 July 2023 (../shared/corpus/002_*), annotated the way a desk would.

export const CORPUS_REPORT_META: StatementMetadata = {
  title: "Foreign Ministry statement on tension in Karabakh",
  speaker: "Ministry of Foreign Affairs of Azerbaijan",
  outlet: "Foreign Ministry press service",
  url: "https://mfa.example.org/news/2023-07-29",
  publishedAt: "2023-07-29",
  language: "en",
};

export const CORPUS_REPORT_PLAN: readonly PlannedClaim[] = [
  {
    quote: "four UN Security Council Resolutions of 1993",
    claimReviewed: "The UN Security Council adopted four resolutions on the conflict in 1993",
    tags: ["history", "law"],
    stage: "published",
    rating: "True",
    summary: "Resolutions 822, 853, 874 and 884 were all adopted in 1993.",
    explanation:
      "The Security Council's own index lists four resolutions on the conflict adopted in 1993 [1]: 822 (April), 853 (July), 874 (October) and 884 (November).\n\nEach reaffirms the territorial integrity of the states of the region and calls for the withdrawal of occupying forces [2].",
    sources: [
      { url: "https://press.un.example/en/resolutions/1993", title: "Security Council resolutions adopted in 1993", publisher: "United Nations", publishedAt: "1993-12-31", excerpt: "822 (1993), 853 (1993), 874 (1993), 884 (1993)", stance: "supports" },
      { url: "https://press.un.example/en/res/822", title: "Resolution 822 (1993)", publisher: "United Nations", publishedAt: "1993-04-30", excerpt: "Demands the immediate cessation of all hostilities and hostile acts…", stance: "supports" },
    ],
  },
  {
    quote: "303 Azerbaijanis, including two journalists, have become landmine victims since November 2020",
    claimReviewed: "303 people in Azerbaijan have become landmine victims since November 2020",
    tags: ["statistic"],
    stage: "approved",
    rating: "Unproven",
    summary: "The figure matches the mine action agency's count, which no independent register confirms yet.",
    explanation:
      "The national mine action agency reported the same total in July 2023 [1]. An international monitor's database had recorded fewer cases at the time, with a reporting lag of several months [2], so the figure can be neither confirmed nor refuted yet.",
    sources: [
      { url: "https://anama.example.org/news/2023-07", title: "Mine victims since the end of the war", publisher: "Mine Action Agency", publishedAt: "2023-07-20", stance: "supports" },
      { url: "https://monitor.example.org/country/az", title: "Country profile: casualties", publisher: "Landmine Monitor (example)", publishedAt: "2023-06-01", excerpt: "Data for 2023 are incomplete.", stance: "context" },
    ],
  },
  {
    quote: "for almost 30 years",
    claimReviewed: "Armenia occupied Azerbaijani territories for almost 30 years",
    tags: ["history"],
    stage: "published",
    rating: "Mostly true",
    summary: "From 1993–94 until 2020 is about 27 years for most districts; some were held from 1992.",
    explanation: "Most districts were occupied in 1993 and returned in November 2020 [1]; Shusha and Lachin were taken in May 1992 [2]. \"Almost 30 years\" rounds up.",
    sources: [
      { url: "https://history.example.org/karabakh-timeline", title: "Timeline of the Karabakh conflict", publisher: "Example Institute", stance: "supports" },
      { url: "https://history.example.org/1992", title: "1992: the fall of Shusha and Lachin", publisher: "Example Institute", stance: "context" },
    ],
  },
  {
    quote: "opening fire on Azerbaijani border guards on July 15",
    claimReviewed: "Armenian forces fired on Azerbaijani border guards on 15 July 2023",
    tags: ["attribution"],
    stage: "in_review",
    rating: "Unproven",
    summary: "Only one side's account of the incident is available.",
    explanation: "The defence ministry reported the incident [1]; no independent observer confirmed it.",
    sources: [{ url: "https://mod.example.org/news/2023-07-15", title: "Border incident report", publisher: "Ministry of Defence", publishedAt: "2023-07-15", stance: "supports" }],
  },
  {
    quote: "supported by the European Union and the ICRC",
    claimReviewed: "The EU and the ICRC supported the Aghdam–Khankendi route proposal",
    tags: ["attribution", "international"],
    stage: "none",
  },
];
