"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/action";
import { Invalid } from "@/lib/server/errors";
import {
  approveVerdict,
  publishVerdict,
  reopenVerdict,
  requestVerdictChanges,
  saveVerdictDraft,
  submitVerdict,
  VerdictConflict,
  withdrawVerdict,
  type SaveVerdictResult,
  type VerdictDTO,
  type VerdictText,
} from "@/lib/server/verdicts";

// Thin: the services authorize (checker to write, the workflow for each decision) and validate.

const CLAIM_PAGE = "/w/[ws]/claims/[claimId]";

/** What the verdict editor learns from a save: the saved verdict, or the version it lost to. */
export type SaveVerdictData =
  | { kind: "saved"; verdict: VerdictDTO; warnings: Record<string, string[]> | null; submitted: boolean }
  | { kind: "conflict"; theirs: VerdictDTO; yours: VerdictText | null; canKeepYours: boolean };

/** A form's lockVersion: "" when the editor started without a verdict. NaN is refused by the service. */
function lockVersionOf(value: string | undefined): number | null {
  return value === undefined || value === "" ? null : Number(value);
}

type Saved = { kind: "saved"; result: SaveVerdictResult; submitted: boolean } | { kind: "conflict"; error: VerdictConflict };

export const saveVerdictAction = formAction<Saved, SaveVerdictData>(
  async (actor, v) => {
    const submitted = v.intent === "submit";
    const input = {
      workspaceId: v.workspaceId ?? "",
      claimId: v.claimId ?? "",
      lockVersion: lockVersionOf(v.lockVersion),
      levelId: v.levelId ?? "",
      summary: v.summary ?? "",
      explanation: v.explanation ?? "",
    };
    try {
      return { kind: "saved", result: await (submitted ? submitVerdict : saveVerdictDraft)(actor, input), submitted };
    } catch (error) {
      // The one refusal the editor needs more than a message for: both texts, to choose.
      if (error instanceof VerdictConflict) return { kind: "conflict", error };
      throw error;
    }
  },
  (outcome, values) => {
    if (outcome.kind === "conflict") {
      const { theirs, yours, canKeepYours } = outcome.error;
      return { ok: false, message: outcome.error.message, values, data: { kind: "conflict", theirs, yours, canKeepYours } };
    }
    const { verdict, warnings, unchanged } = outcome.result;
    if (!unchanged) revalidatePath(CLAIM_PAGE, "page");
    const message = outcome.submitted
      ? `Version ${verdict.version} submitted for review.`
      : unchanged
        ? "Nothing new to save: the draft is already saved as it is."
        : "Draft saved.";
    return { ok: true, message, values, data: { kind: "saved", verdict, warnings, submitted: outcome.submitted } };
  },
);

const DECISIONS = {
  approve: { run: approveVerdict, done: "Verdict approved." },
  request_changes: { run: requestVerdictChanges, done: "Changes requested; the verdict is back with its author." },
  publish: { run: publishVerdict, done: "Verdict published." },
  withdraw: { run: withdrawVerdict, done: "Verdict withdrawn." },
  reopen: { run: reopenVerdict, done: "Verdict reopened as a draft." },
} as const;

function isDecision(value: string | undefined): value is keyof typeof DECISIONS {
  return value !== undefined && Object.hasOwn(DECISIONS, value);
}

export const decideVerdictAction = formAction(
  (actor, v) => {
    const decision = v.decision;
    if (!isDecision(decision)) throw new Invalid("Choose what to do with the verdict.");
    return DECISIONS[decision].run(actor, {
      workspaceId: v.workspaceId ?? "",
      claimId: v.claimId ?? "",
      lockVersion: Number(v.lockVersion),
      note: v.note ?? "",
      reason: v.reason ?? "",
    });
  },
  (_verdict, values) => {
    revalidatePath(CLAIM_PAGE, "page");
    return { ok: true, message: isDecision(values.decision) ? DECISIONS[values.decision].done : "Done.", values: {} };
  },
);
