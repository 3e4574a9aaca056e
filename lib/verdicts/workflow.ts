// The verdict review workflow as an explicit state machine. Pure, so the service layer, the UI
// (which buttons to show) and the tests share one set of rules, and every transition — allowed or
// not — is tested without a database.
//
// Decisions beyond the issue text:
// - Editing is only possible while the author holds the pen (draft, changes_requested). Once
//   submitted the text is frozen so the reviewer approves exactly what they read.
// - The author (any checker+) or an editor+ may edit and submit; a viewer never.
// - The four-eyes rule applies to approval only. Publishing an approved verdict is an editor's call
//   even when they wrote it: someone else already approved the content.
// - A withdrawn verdict can be reopened (withdrawn → draft) by an editor+, so a corrected verdict
//   goes through review again as a new version; history, the old versions and the withdrawal
//   reason stay. Reopening needs no reason: the withdrawal already recorded one.
// - Approved verdicts can be withdrawn before publication (e.g. news overtook the claim).

import { roleAtLeast, type Role } from "../roles";

export const VERDICT_STATES = ["draft", "in_review", "changes_requested", "approved", "published", "withdrawn"] as const;
export type VerdictState = (typeof VERDICT_STATES)[number];

export const VERDICT_EVENTS = ["edit", "submit", "approve", "request_changes", "publish", "withdraw", "reopen"] as const;
export type VerdictEvent = (typeof VERDICT_EVENTS)[number];

export type ClaimStatus = "to_check" | "researching" | "in_review" | "checked";

export const VERDICT_STATE_LABELS: Record<VerdictState, string> = {
  draft: "Draft",
  in_review: "In review",
  changes_requested: "Changes requested",
  approved: "Approved",
  published: "Published",
  withdrawn: "Withdrawn",
};

export const VERDICT_EVENT_LABELS: Record<VerdictEvent, string> = {
  edit: "Save draft",
  submit: "Submit for review",
  approve: "Approve",
  request_changes: "Request changes",
  publish: "Publish",
  withdraw: "Withdraw",
  reopen: "Reopen as draft",
};

export type WorkflowContext = {
  actorRole: Role;
  actorIsAuthor: boolean;
  /** Workspace setting; off by default, so nobody approves their own verdict. */
  allowSelfApproval: boolean;
  hasLevel?: boolean;
  summary?: string;
  note?: string;
  reason?: string;
};

export type TransitionResult = { ok: true; next: VerdictState } | { ok: false; reason: string };

type Rule = {
  from: readonly VerdictState[];
  /** null keeps the current state (edit). */
  to: VerdictState | null;
  /** Who may fire the event at all; returns a refusal message or null. */
  permit: (ctx: WorkflowContext) => string | null;
  /** What the event needs as input; returns a refusal message or null. */
  require?: (ctx: WorkflowContext) => string | null;
  /** Why the event does not apply in another state. */
  wrongState: (state: VerdictState) => string;
};

const isBlank = (text: string | undefined) => !text || text.trim() === "";

const authorOrEditor = (verb: string) => (ctx: WorkflowContext) => {
  if (!roleAtLeast(ctx.actorRole, "checker")) return `Viewers cannot ${verb} verdicts.`;
  if (!ctx.actorIsAuthor && !roleAtLeast(ctx.actorRole, "editor"))
    return `Only the author or an editor can ${verb} this verdict.`;
  return null;
};

const editorOnly = (verb: string) => (ctx: WorkflowContext) =>
  roleAtLeast(ctx.actorRole, "editor") ? null : `Only editors and admins can ${verb} verdicts.`;

const RULES: Record<VerdictEvent, Rule> = {
  edit: {
    from: ["draft", "changes_requested"],
    to: null,
    permit: authorOrEditor("edit"),
    wrongState: (state) =>
      state === "in_review"
        ? "This verdict is in review; it can be edited again if an editor requests changes."
        : state === "withdrawn"
          ? "This verdict was withdrawn; reopen it as a draft to edit it."
          : `This verdict is ${VERDICT_STATE_LABELS[state].toLowerCase()} and can no longer be edited.`,
  },
  submit: {
    from: ["draft", "changes_requested"],
    to: "in_review",
    permit: authorOrEditor("submit"),
    require: (ctx) => {
      if (!ctx.hasLevel) return "Choose a rating before submitting the verdict.";
      if (isBlank(ctx.summary)) return "Write a one-line summary before submitting the verdict.";
      return null;
    },
    wrongState: (state) =>
      state === "in_review"
        ? "This verdict is already in review."
        : `A verdict that is ${VERDICT_STATE_LABELS[state].toLowerCase()} cannot be submitted.`,
  },
  approve: {
    from: ["in_review"],
    to: "approved",
    permit: (ctx) => {
      const refusal = editorOnly("approve")(ctx);
      if (refusal) return refusal;
      if (ctx.actorIsAuthor && !ctx.allowSelfApproval)
        return "You wrote this verdict, so another editor has to approve it (four-eyes rule).";
      return null;
    },
    wrongState: (state) =>
      state === "approved" || state === "published"
        ? "This verdict has already been approved."
        : "Only a verdict in review can be approved.",
  },
  request_changes: {
    from: ["in_review"],
    to: "changes_requested",
    permit: editorOnly("request changes on"),
    require: (ctx) => (isBlank(ctx.note) ? "Write a note telling the author what to change." : null),
    wrongState: () => "Changes can only be requested on a verdict in review.",
  },
  publish: {
    from: ["approved"],
    to: "published",
    permit: editorOnly("publish"),
    wrongState: (state) =>
      state === "published" ? "This verdict is already published." : "Only an approved verdict can be published.",
  },
  withdraw: {
    from: ["approved", "published"],
    to: "withdrawn",
    permit: editorOnly("withdraw"),
    require: (ctx) => (isBlank(ctx.reason) ? "Give a reason for withdrawing the verdict." : null),
    wrongState: (state) =>
      state === "withdrawn"
        ? "This verdict is already withdrawn."
        : "Only an approved or published verdict can be withdrawn.",
  },
  reopen: {
    from: ["withdrawn"],
    to: "draft",
    permit: editorOnly("reopen"),
    wrongState: () => "Only a withdrawn verdict can be reopened.",
  },
};

export function isVerdictState(value: unknown): value is VerdictState {
  return typeof value === "string" && (VERDICT_STATES as readonly string[]).includes(value);
}

export function isVerdictEvent(value: unknown): value is VerdictEvent {
  return typeof value === "string" && (VERDICT_EVENTS as readonly string[]).includes(value);
}

/** The next state, or a message saying why not (state first, then permission, then input). */
export function transition(state: VerdictState, event: VerdictEvent, ctx: WorkflowContext): TransitionResult {
  const rule = RULES[event];
  if (!rule.from.includes(state)) return { ok: false, reason: rule.wrongState(state) };
  const refusal = rule.permit(ctx) ?? rule.require?.(ctx) ?? null;
  if (refusal) return { ok: false, reason: refusal };
  return { ok: true, next: rule.to ?? state };
}

/**
 * The events this actor may fire from this state, for the buttons to show. Inputs (rating, summary,
 * note, reason) are not checked: the form asks for them and `transition` refuses without them.
 */
export function allowedEvents(state: VerdictState, ctx: Omit<WorkflowContext, "hasLevel" | "summary" | "note" | "reason">): VerdictEvent[] {
  return VERDICT_EVENTS.filter((event) => {
    const rule = RULES[event];
    return rule.from.includes(state) && rule.permit(ctx) === null;
  });
}

/**
 * The claim's status while its verdict is in this state. "checked" once an editor has approved:
 * publication is only making it public. A withdrawn verdict sends the claim back to research.
 */
export function claimStatusFor(state: VerdictState): Exclude<ClaimStatus, "to_check"> {
  switch (state) {
    case "draft":
    case "changes_requested":
    case "withdrawn":
      return "researching";
    case "in_review":
      return "in_review";
    case "approved":
    case "published":
      return "checked";
  }
}

/** The Review.decision recorded for a reviewer's event, if the event is a review decision. */
export function reviewDecisionFor(event: VerdictEvent): "approved" | "changes_requested" | null {
  return event === "approve" ? "approved" : event === "request_changes" ? "changes_requested" : null;
}
