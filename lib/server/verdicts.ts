import "server-only";
import { z } from "zod";
import type { Role } from "../roles";
import { listCitations, missingCitations } from "../verdicts/citations";
import { isRetired, offeredLevels, scaleOrder } from "../verdicts/rating-scale";
import {
  allowedEvents,
  claimStatusFor,
  isVerdictState,
  transition,
  VERDICT_STATE_LABELS,
  type VerdictEvent,
  type VerdictState,
  type WorkflowContext,
} from "../verdicts/workflow";
import type { Db } from "../db/client";
import { recordActivity } from "./activity";
import { db } from "./db";
import { Conflict, Forbidden, Invalid, NotFound, type FieldErrors } from "./errors";
import { workspaceIdOf } from "./members";
import { requireRole, type Actor, type WorkspaceAccess } from "./permissions";
import { parseInput } from "./validate";
import { isUniqueViolation } from "./workspaces";

// A claim's verdict and its review: a checker drafts (rating, one-line summary, explanation citing
// the claim's sources as [n]) and submits; an editor approves or requests changes; an approved
// verdict is published or withdrawn, and a withdrawn one reopened as a draft. The rules live in the
// pure state machine (lib/verdicts/workflow.ts); this module applies them to the database.
//
// Every write names the lockVersion it started from and is a conditional update on (id,
// lockVersion): of two saves from the same version exactly one matches a row, on SQLite and on
// PostgreSQL alike (there the second UPDATE waits for the first's row lock, then re-checks its
// WHERE and matches nothing). The loser gets a Conflict carrying both texts.

export const SUMMARY_MAX = 200;
export const EXPLANATION_MAX = 20_000;
export const NOTE_MAX = 2_000;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// ---------------------------------------------------------------------------------------------
// DTOs

export type RatingLevelDTO = { id: string; label: string; color: string; description: string; ordinal: number | null; retired: boolean };

export type VerdictDTO = {
  id: string;
  claimId: string;
  status: VerdictState;
  level: RatingLevelDTO | null;
  summary: string;
  explanation: string;
  author: { id: string; name: string };
  /** The number of the last submitted version; 0 before the first submission. */
  version: number;
  lockVersion: number;
  submittedAt: string | null;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string;
  createdAt: string;
  updatedAt: string;
};

/** The claim's sources as numbered for citations, and as kept with each submitted version. */
export type CitedSource = { n: number; id: string; url: string; title: string; publisher: string; stance: string };

/** What a writer typed: the text of a save that lost a race is handed back with the winner's. */
export type VerdictText = { levelId: string | null; summary: string; explanation: string };

/** A save that started from an older lockVersion. `theirs` is the verdict as it is now. */
export class VerdictConflict extends Conflict {
  constructor(
    message: string,
    readonly theirs: VerdictDTO,
    readonly yours: VerdictText | null,
    /** Whether the actor may still save their text on top of theirs. */
    readonly canKeepYours: boolean,
  ) {
    super(message);
  }
}

const levelSelect = { id: true, label: true, color: true, description: true, ordinal: true, position: true, retiredAt: true } as const;

const verdictSelect = {
  id: true,
  claimId: true,
  status: true,
  levelId: true,
  level: { select: levelSelect },
  summary: true,
  explanation: true,
  author: { select: { id: true, name: true } },
  version: true,
  lockVersion: true,
  submittedAt: true,
  publishedAt: true,
  withdrawnAt: true,
  withdrawnReason: true,
  createdAt: true,
  updatedAt: true,
  // The submitter of the version under review also counts as its author (four-eyes rule).
  versions: { select: { submittedById: true }, orderBy: { version: "desc" as const }, take: 1 },
} as const;

type LevelRow = { id: string; label: string; color: string; description: string; ordinal: number | null; position: number; retiredAt: Date | null };
type VerdictRow = {
  id: string;
  claimId: string;
  status: string;
  levelId: string | null;
  level: LevelRow | null;
  summary: string;
  explanation: string;
  author: { id: string; name: string };
  version: number;
  lockVersion: number;
  submittedAt: Date | null;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawnReason: string;
  createdAt: Date;
  updatedAt: Date;
  versions: Array<{ submittedById: string }>;
};

export function toLevelDTO(level: LevelRow): RatingLevelDTO {
  return {
    id: level.id,
    label: level.label,
    color: level.color,
    description: level.description,
    ordinal: level.ordinal,
    retired: isRetired(level),
  };
}

function stateOf(row: { status: string }): VerdictState {
  // The column is only written here; anything else would be a bug, read as a draft to stay editable.
  return isVerdictState(row.status) ? row.status : "draft";
}

function toVerdictDTO(row: VerdictRow): VerdictDTO {
  return {
    id: row.id,
    claimId: row.claimId,
    status: stateOf(row),
    level: row.level ? toLevelDTO(row.level) : null,
    summary: row.summary,
    explanation: row.explanation,
    author: row.author,
    version: row.version,
    lockVersion: row.lockVersion,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    withdrawnReason: row.withdrawnReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function isAuthor(row: VerdictRow, actor: Actor): boolean {
  return row.author.id === actor.userId || row.versions[0]?.submittedById === actor.userId;
}

// ---------------------------------------------------------------------------------------------
// Input

const ClaimIdSchema = z.string({ error: "Choose a claim." }).min(1, "Choose a claim.").max(100);
const LockVersionSchema = z
  .number({ error: "The form did not say which version it started from; reload the page." })
  .int()
  .min(0);

const SummarySchema = z
  .string({ error: "The summary must be text." })
  .transform((s) => s.normalize("NFC").trim())
  .pipe(
    z
      .string()
      .refine((s) => !/[\r\n\u2028\u2029]/.test(s), "Keep the summary to one line.")
      .refine((s) => s.length <= SUMMARY_MAX, `Use at most ${SUMMARY_MAX} characters for the summary.`),
  );

const ExplanationSchema = z
  .string({ error: "The explanation must be text." })
  .transform((s) => s.normalize("NFC").replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().max(EXPLANATION_MAX, `Use at most ${EXPLANATION_MAX.toLocaleString("en")} characters for the explanation.`));

const LevelIdSchema = z
  .string({ error: "Choose a rating." })
  .max(100, "Choose a rating from this workspace's scale.")
  .transform((s) => s.trim() || null)
  .nullable()
  .optional()
  .transform((s) => s ?? null);

export const SaveVerdictSchema = z.object({
  workspaceId: z.string(),
  claimId: ClaimIdSchema,
  /** The verdict's lockVersion the editor started from; null when starting the claim's first verdict. */
  lockVersion: LockVersionSchema.nullable(),
  levelId: LevelIdSchema,
  summary: SummarySchema,
  explanation: ExplanationSchema,
});
export type SaveVerdictInput = z.input<typeof SaveVerdictSchema>;

const noteSchema = (what: string) =>
  z
    .string({ error: `The ${what} must be text.` })
    .transform((s) => s.normalize("NFC").replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(NOTE_MAX, `Use at most ${NOTE_MAX.toLocaleString("en")} characters for the ${what}.`))
    .optional()
    .transform((s) => s ?? "");

export const DecideVerdictSchema = z.object({
  workspaceId: z.string(),
  claimId: ClaimIdSchema,
  lockVersion: LockVersionSchema,
  note: noteSchema("note"),
});
export type DecideVerdictInput = z.input<typeof DecideVerdictSchema>;

export const WithdrawVerdictSchema = DecideVerdictSchema.extend({ reason: noteSchema("reason") });
export type WithdrawVerdictInput = z.input<typeof WithdrawVerdictSchema>;

// ---------------------------------------------------------------------------------------------
// Reading

async function findClaim(workspaceId: string, claimId: unknown) {
  const id = typeof claimId === "string" ? claimId.slice(0, 100) : "";
  const claim = await db().claim.findFirst({
    where: { id, workspaceId, highlight: { deletedAt: null } },
    select: { id: true, status: true, verdict: { select: verdictSelect } },
  });
  if (!claim) throw new NotFound("claim");
  return claim;
}

async function scaleLevels(workspaceId: string): Promise<LevelRow[]> {
  return db().ratingLevel.findMany({
    where: { scale: { workspaceId } },
    select: levelSelect,
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
}

/** Numbered as lib/server/sources.ts numbers them: in the order they were added. */
async function citedSources(client: Pick<Db, "source">, claimId: string): Promise<CitedSource[]> {
  const rows = await client.source.findMany({
    where: { claimId },
    select: { id: true, url: true, title: true, publisher: true, stance: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row, i) => ({ n: i + 1, ...row }));
}

async function settingsOf(workspaceId: string): Promise<{ allowSelfApproval: boolean }> {
  return db().workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { allowSelfApproval: true } });
}

export type VerdictPanel = {
  claimStatus: string;
  verdict: VerdictDTO | null;
  /** Levels a checker may pick now, in the order the scale shows them. */
  levels: RatingLevelDTO[];
  sources: CitedSource[];
  /** What the actor may do now; without a verdict, a checker may start one ("edit", "submit"). */
  events: VerdictEvent[];
  role: Role;
  /** Whether the actor wrote (or submitted) this verdict. */
  isAuthor: boolean;
  allowSelfApproval: boolean;
  /** The editor's note while changes are requested. */
  changesRequested: { note: string; by: { id: string; name: string }; at: string } | null;
};

/** The verdict section of a claim page: the verdict, the scale to rate with, the citable sources. */
export async function getVerdictPanel(actor: Actor, input: { workspaceId: string; claimId: string }): Promise<VerdictPanel> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "viewer");
  const claim = await findClaim(ws.id, input.claimId);
  const [levels, sources, settings] = await Promise.all([scaleLevels(ws.id), citedSources(db(), claim.id), settingsOf(ws.id)]);
  const row = claim.verdict;
  const author = row ? isAuthor(row, actor) : true;
  const ctx = { actorRole: ws.role, actorIsAuthor: author, allowSelfApproval: settings.allowSelfApproval };
  const state = row ? stateOf(row) : "draft";
  let changesRequested: VerdictPanel["changesRequested"] = null;
  if (row && state === "changes_requested") {
    const review = await db().review.findFirst({
      where: { verdictId: row.id, decision: "changes_requested" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { note: true, createdAt: true, reviewer: { select: { id: true, name: true } } },
    });
    if (review) changesRequested = { note: review.note, by: review.reviewer, at: review.createdAt.toISOString() };
  }
  return {
    claimStatus: claim.status,
    verdict: row ? toVerdictDTO(row) : null,
    levels: scaleOrder(offeredLevels(levels)).map(toLevelDTO),
    sources,
    events: allowedEvents(state, ctx),
    role: ws.role,
    isAuthor: author,
    allowSelfApproval: settings.allowSelfApproval,
    changesRequested,
  };
}

// ---------------------------------------------------------------------------------------------
// Rules

const FULL_INPUT = { hasLevel: true, summary: "x", note: "x", reason: "x" } as const;

/**
 * The workflow's answer, as the service's error: an event that does not apply in this state is a
 * Conflict (the verdict moved on), one this actor may not fire is Forbidden, missing input is
 * Invalid on its field. The state machine decides; this only sorts its refusals.
 */
function checkTransition(state: VerdictState, event: VerdictEvent, ctx: WorkflowContext): VerdictState {
  const result = transition(state, event, ctx);
  if (result.ok) return result.next;
  const anyone = transition(state, event, { actorRole: "admin", actorIsAuthor: false, allowSelfApproval: true, ...FULL_INPUT });
  if (!anyone.ok) throw new Conflict(result.reason);
  const withInput = transition(state, event, { ...ctx, ...FULL_INPUT });
  if (!withInput.ok) throw new Forbidden(result.reason);
  const field = event === "submit" ? (ctx.hasLevel ? "summary" : "levelId") : event === "withdraw" ? "reason" : "note";
  throw new Invalid(result.reason, { [field]: [result.reason] });
}

function requireLevel(levels: LevelRow[], levelId: string | null): LevelRow | null {
  if (levelId === null) return null;
  const level = levels.find((l) => l.id === levelId);
  if (!level) {
    const message = "Choose a rating from this workspace's scale.";
    throw new Invalid(message, { levelId: [message] });
  }
  if (isRetired(level)) {
    const message = `“${level.label}” is retired from the scale; choose another rating.`;
    throw new Invalid(message, { levelId: [message] });
  }
  return level;
}

function citationProblems(explanation: string, sources: CitedSource[]): FieldErrors | null {
  const missing = missingCitations(explanation, sources.length);
  if (missing.length === 0) return null;
  const have = sources.length === 0 ? "this claim has no sources yet" : `this claim has ${sources.length === 1 ? "one source" : `${sources.length} sources`}`;
  return { explanation: [`${listCitations(missing)} ${missing.length === 1 ? "cites a source that does" : "cite sources that do"} not exist: ${have}.`] };
}

class StaleWrite extends Error {}

/** The conditional update every write goes through: it matches no row if someone saved first. */
async function updateIfCurrent(tx: Tx, verdictId: string, lockVersion: number, data: Record<string, unknown>): Promise<void> {
  const { count } = await tx.verdict.updateMany({
    where: { id: verdictId, lockVersion },
    data: { ...data, lockVersion: { increment: 1 } },
  });
  if (count !== 1) throw new StaleWrite();
}

async function setClaimStatus(tx: Tx, claimId: string, from: string, to: string): Promise<{ from: string; to: string } | undefined> {
  if (from === to) return undefined;
  await tx.claim.update({ where: { id: claimId }, data: { status: to } });
  return { from, to };
}

async function currentVerdict(claimId: string): Promise<VerdictRow> {
  return db().verdict.findUniqueOrThrow({ where: { claimId }, select: verdictSelect });
}

/** The Conflict for a save that lost: the verdict as it is now beside the text that was typed. */
async function conflictFor(actor: Actor, ws: WorkspaceAccess, claimId: string, yours: VerdictText | null): Promise<VerdictConflict> {
  const [row, settings] = await Promise.all([currentVerdict(claimId), settingsOf(ws.id)]);
  const theirs = toVerdictDTO(row);
  const canKeepYours = allowedEvents(theirs.status, { actorRole: ws.role, actorIsAuthor: isAuthor(row, actor), allowSelfApproval: settings.allowSelfApproval }).includes("edit");
  const who = row.author.id === actor.userId ? "Another save" : `${row.author.name}'s verdict`;
  const state = theirs.status === "draft" ? "" : ` (it is now ${VERDICT_STATE_LABELS[theirs.status].toLowerCase()})`;
  return new VerdictConflict(
    `${who} changed while you were editing${state}. Compare the two versions and keep yours or take theirs.`,
    theirs,
    yours,
    canKeepYours,
  );
}

// ---------------------------------------------------------------------------------------------
// Writing the text

export type SaveVerdictResult = {
  verdict: VerdictDTO;
  /** Problems that do not stop a draft but will stop its submission (citations of missing sources). */
  warnings: FieldErrors | null;
  /** True when the text was already saved as typed (nothing written). */
  unchanged: boolean;
};

/**
 * Saves the verdict's text as a draft; the claim's first save creates the verdict (and moves a claim
 * still "to check" to "researching"). Citations of missing sources are a warning here, an error on
 * submission.
 */
export async function saveVerdictDraft(actor: Actor, input: SaveVerdictInput): Promise<SaveVerdictResult> {
  return writeVerdict(actor, input, "edit");
}

/**
 * Saves the typed text and sends it for review as a new numbered version, with a copy of the
 * claim's sources as numbered now.
 */
export async function submitVerdict(actor: Actor, input: SaveVerdictInput): Promise<SaveVerdictResult> {
  return writeVerdict(actor, input, "submit");
}

async function writeVerdict(actor: Actor, input: SaveVerdictInput, event: "edit" | "submit"): Promise<SaveVerdictResult> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "checker");
  const parsed = parseInput(SaveVerdictSchema, input);
  const claim = await findClaim(ws.id, parsed.claimId);
  const [levels, sources, settings] = await Promise.all([scaleLevels(ws.id), citedSources(db(), claim.id), settingsOf(ws.id)]);
  const yours: VerdictText = { levelId: parsed.levelId, summary: parsed.summary, explanation: parsed.explanation };
  const row = claim.verdict;

  // Verdicts are never deleted on their own, so a version of one that is not there was never seen.
  if (!row && parsed.lockVersion !== null) throw new Conflict("This claim has no verdict to save over; reload the page.");
  // The client started from a version that is no longer current: never overwrite, show both.
  if (row && row.lockVersion !== parsed.lockVersion) {
    throw await conflictFor(actor, ws, claim.id, yours);
  }
  const state = row ? stateOf(row) : "draft";
  const next = checkTransition(state, event, {
    actorRole: ws.role,
    actorIsAuthor: row ? isAuthor(row, actor) : true,
    allowSelfApproval: settings.allowSelfApproval,
    hasLevel: parsed.levelId !== null,
    summary: parsed.summary,
  });
  requireLevel(levels, parsed.levelId);
  const citations = citationProblems(parsed.explanation, sources);
  if (citations && event === "submit") throw new Invalid("Fix the citations before submitting.", citations);

  const unchanged = row !== null && event === "edit" && row.levelId === yours.levelId && row.summary === yours.summary && row.explanation === yours.explanation;
  if (unchanged) return { verdict: toVerdictDTO(row), warnings: citations, unchanged: true };

  try {
    await db().$transaction(async (tx) => {
      let verdictId: string;
      let version = row?.version ?? 0;
      const now = new Date();
      const submitting = event === "submit";
      if (submitting) version += 1;
      if (!row) {
        const created = await tx.verdict.create({
          data: {
            claimId: claim.id,
            authorId: actor.userId,
            ...yours,
            status: next,
            version,
            ...(submitting ? { submittedAt: now } : {}),
          },
          select: { id: true },
        });
        verdictId = created.id;
      } else {
        verdictId = row.id;
        await updateIfCurrent(tx, row.id, row.lockVersion, { ...yours, status: next, version, ...(submitting ? { submittedAt: now } : {}) });
      }
      if (submitting) {
        // The copy is taken inside the transaction, so it is the list as it was at this moment.
        const snapshot = await citedSources(tx, claim.id);
        await tx.verdictVersion.create({
          data: { verdictId, version, levelId: yours.levelId!, summary: yours.summary, explanation: yours.explanation, submittedById: actor.userId, submittedAt: now, sourcesJson: JSON.stringify(snapshot) },
        });
      }
      const claimStatus = !row || submitting ? await setClaimStatus(tx, claim.id, claim.status, claimStatusFor(next)) : undefined;
      await recordActivity(tx, {
        workspaceId: ws.id,
        actorId: actor.userId,
        action: submitting ? "verdict.submitted" : row ? "verdict.draft_saved" : "verdict.drafted",
        entityType: "verdict",
        entityId: verdictId,
        data: { claimId: claim.id, levelId: yours.levelId, ...(submitting ? { version } : {}), ...(claimStatus ? { claimStatus } : {}) },
      });
    });
  } catch (error) {
    // Someone else started the claim's verdict, or saved this one, a moment before us.
    if (error instanceof StaleWrite || (!row && isUniqueViolation(error))) throw await conflictFor(actor, ws, claim.id, yours);
    throw error;
  }
  return { verdict: toVerdictDTO(await currentVerdict(claim.id)), warnings: citations, unchanged: false };
}

// ---------------------------------------------------------------------------------------------
// Decisions

type Decision = "approved" | "changes_requested" | "published" | "withdrawn" | "reopened";

const DECISION_OF: Record<Exclude<VerdictEvent, "edit" | "submit">, Decision> = {
  approve: "approved",
  request_changes: "changes_requested",
  publish: "published",
  withdraw: "withdrawn",
  reopen: "reopened",
};

/** An editor approves the version in review (not their own, unless the workspace allows it). */
export function approveVerdict(actor: Actor, input: DecideVerdictInput): Promise<VerdictDTO> {
  return decide(actor, input, "approve", DecideVerdictSchema);
}

/** An editor sends the version in review back to its author, saying what to change. */
export function requestVerdictChanges(actor: Actor, input: DecideVerdictInput): Promise<VerdictDTO> {
  return decide(actor, input, "request_changes", DecideVerdictSchema);
}

/** An editor publishes an approved verdict; the first publication's date is kept. */
export function publishVerdict(actor: Actor, input: DecideVerdictInput): Promise<VerdictDTO> {
  return decide(actor, input, "publish", DecideVerdictSchema);
}

/** An editor withdraws an approved or published verdict, giving a reason. */
export function withdrawVerdict(actor: Actor, input: WithdrawVerdictInput): Promise<VerdictDTO> {
  return decide(actor, input, "withdraw", WithdrawVerdictSchema);
}

/** An editor reopens a withdrawn verdict as a draft, to go through review again as a new version. */
export function reopenVerdict(actor: Actor, input: DecideVerdictInput): Promise<VerdictDTO> {
  return decide(actor, input, "reopen", DecideVerdictSchema);
}

async function decide(
  actor: Actor,
  input: DecideVerdictInput | WithdrawVerdictInput,
  event: keyof typeof DECISION_OF,
  schema: typeof DecideVerdictSchema | typeof WithdrawVerdictSchema,
): Promise<VerdictDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "checker");
  const parsed = parseInput(schema, input);
  const note = "reason" in parsed ? (parsed.reason as string) : parsed.note;
  const claim = await findClaim(ws.id, parsed.claimId);
  const row = claim.verdict;
  if (!row) throw new NotFound("verdict");
  if (row.lockVersion !== parsed.lockVersion) throw staleDecision(row);
  const settings = await settingsOf(ws.id);
  const next = checkTransition(stateOf(row), event, {
    actorRole: ws.role,
    actorIsAuthor: isAuthor(row, actor),
    allowSelfApproval: settings.allowSelfApproval,
    note,
    reason: note,
  });
  const decision = DECISION_OF[event];
  const now = new Date();
  const changes: Record<string, unknown> = { status: next };
  if (event === "publish" && !row.publishedAt) changes.publishedAt = now;
  if (event === "withdraw") Object.assign(changes, { withdrawnAt: now, withdrawnReason: note });
  if (event === "reopen") Object.assign(changes, { withdrawnAt: null, withdrawnReason: "" });
  try {
    await db().$transaction(async (tx) => {
      await updateIfCurrent(tx, row.id, row.lockVersion, changes);
      await tx.review.create({ data: { verdictId: row.id, version: row.version, reviewerId: actor.userId, decision, note, createdAt: now } });
      const claimStatus = await setClaimStatus(tx, claim.id, claim.status, claimStatusFor(next));
      await recordActivity(tx, {
        workspaceId: ws.id,
        actorId: actor.userId,
        action: `verdict.${decision}`,
        entityType: "verdict",
        entityId: row.id,
        data: { claimId: claim.id, version: row.version, ...(note ? { note } : {}), ...(claimStatus ? { claimStatus } : {}) },
      });
    });
  } catch (error) {
    if (error instanceof StaleWrite) throw staleDecision(await currentVerdict(claim.id));
    throw error;
  }
  return toVerdictDTO(await currentVerdict(claim.id));
}

function staleDecision(row: VerdictRow): Conflict {
  return new Conflict(
    `This verdict changed while you were reading it; it is now ${VERDICT_STATE_LABELS[stateOf(row)].toLowerCase()}. Reload the page to see the current version.`,
  );
}
