import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../roles";
import {
  allowedEvents,
  claimStatusFor,
  isVerdictEvent,
  isVerdictState,
  reviewDecisionFor,
  transition,
  VERDICT_EVENTS,
  VERDICT_STATES,
  type VerdictEvent,
  type VerdictState,
  type WorkflowContext,
} from "./workflow";

// The specification, written out independently of the implementation's rule table.
const EDGES: Record<VerdictEvent, { from: VerdictState[]; to: VerdictState | "same"; who: "authorOrEditor" | "editor" }> = {
  edit: { from: ["draft", "changes_requested"], to: "same", who: "authorOrEditor" },
  submit: { from: ["draft", "changes_requested"], to: "in_review", who: "authorOrEditor" },
  approve: { from: ["in_review"], to: "approved", who: "editor" },
  request_changes: { from: ["in_review"], to: "changes_requested", who: "editor" },
  publish: { from: ["approved"], to: "published", who: "editor" },
  withdraw: { from: ["approved", "published"], to: "withdrawn", who: "editor" },
  reopen: { from: ["withdrawn"], to: "draft", who: "editor" },
};

const isEditor = (role: Role) => role === "editor" || role === "admin";

function expectedNext(state: VerdictState, event: VerdictEvent, role: Role, isAuthor: boolean, selfApproval: boolean) {
  const edge = EDGES[event];
  if (!edge.from.includes(state)) return null;
  if (edge.who === "editor" && !isEditor(role)) return null;
  if (edge.who === "authorOrEditor" && !(isEditor(role) || (role === "checker" && isAuthor))) return null;
  if (event === "approve" && isAuthor && !selfApproval) return null;
  return edge.to === "same" ? state : edge.to;
}

const fullInput = { hasLevel: true, summary: "The figure is from 2019, not 2023.", note: "Cite the ONS table.", reason: "New data." };

const cases = VERDICT_STATES.flatMap((state) =>
  VERDICT_EVENTS.flatMap((event) =>
    ROLES.flatMap((role) =>
      [true, false].flatMap((isAuthor) =>
        [false, true].map((selfApproval) => ({ state, event, role, isAuthor, selfApproval })),
      ),
    ),
  ),
);

describe("transition, every state × event × role × authorship × setting", () => {
  it.each(cases)("$state --$event--> as $role (author: $isAuthor, self-approval: $selfApproval)", ({ state, event, role, isAuthor, selfApproval }) => {
    const ctx: WorkflowContext = { actorRole: role, actorIsAuthor: isAuthor, allowSelfApproval: selfApproval, ...fullInput };
    const result = transition(state, event, ctx);
    const next = expectedNext(state, event, role, isAuthor, selfApproval);
    if (next === null) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/\.$/);
    } else {
      expect(result).toEqual({ ok: true, next });
    }
  });

  it("covers the whole table", () => {
    expect(cases).toHaveLength(6 * 7 * 4 * 2 * 2);
    const allowed = cases.filter((c) => expectedNext(c.state, c.event, c.role, c.isAuthor, c.selfApproval) !== null);
    expect(allowed.length).toBeGreaterThan(0);
    expect(allowed.length).toBeLessThan(cases.length);
  });
});

describe("allowedEvents", () => {
  it.each(cases.filter((c) => !c.selfApproval || c.isAuthor))(
    "matches transition for $state as $role (author: $isAuthor, self-approval: $selfApproval)",
    ({ state, role, isAuthor, selfApproval }) => {
      const ctx = { actorRole: role, actorIsAuthor: isAuthor, allowSelfApproval: selfApproval };
      const expected = VERDICT_EVENTS.filter((e) => expectedNext(state, e, role, isAuthor, selfApproval) !== null);
      expect(allowedEvents(state, ctx)).toEqual(expected);
    },
  );

  it("offers buttons even before the note or reason is typed", () => {
    const editor = { actorRole: "editor" as const, actorIsAuthor: false, allowSelfApproval: false };
    expect(allowedEvents("in_review", editor)).toEqual(["approve", "request_changes"]);
    expect(allowedEvents("published", editor)).toEqual(["withdraw"]);
    expect(allowedEvents("draft", { ...editor, actorRole: "checker", actorIsAuthor: true })).toEqual(["edit", "submit"]);
    expect(allowedEvents("in_review", { ...editor, actorRole: "viewer" })).toEqual([]);
  });
});

describe("four-eyes rule", () => {
  const author = { actorRole: "editor" as const, actorIsAuthor: true, ...fullInput };

  it("refuses an author approving their own verdict by default", () => {
    const result = transition("in_review", "approve", { ...author, allowSelfApproval: false });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/four-eyes/) });
  });

  it("allows it when the workspace relaxes the rule", () => {
    expect(transition("in_review", "approve", { ...author, allowSelfApproval: true })).toEqual({ ok: true, next: "approved" });
  });

  it("never lets a checker approve, setting or not", () => {
    for (const allowSelfApproval of [false, true]) {
      const result = transition("in_review", "approve", { ...author, actorRole: "checker", allowSelfApproval });
      expect(result).toEqual({ ok: false, reason: "Only editors and admins can approve verdicts." });
    }
  });

  it("lets another editor approve and the author publish afterwards", () => {
    expect(transition("in_review", "approve", { ...author, actorIsAuthor: false, allowSelfApproval: false }).ok).toBe(true);
    expect(transition("approved", "publish", { ...author, allowSelfApproval: false })).toEqual({ ok: true, next: "published" });
  });
});

describe("required input", () => {
  const checker: WorkflowContext = { actorRole: "checker", actorIsAuthor: true, allowSelfApproval: false, ...fullInput };
  const editor: WorkflowContext = { ...checker, actorRole: "editor", actorIsAuthor: false };

  it("submit needs a rating level", () => {
    expect(transition("draft", "submit", { ...checker, hasLevel: false })).toEqual({ ok: false, reason: "Choose a rating before submitting the verdict." });
    expect(transition("changes_requested", "submit", { ...checker, hasLevel: undefined }).ok).toBe(false);
  });

  it("submit needs a non-blank summary", () => {
    for (const summary of ["", "   \n\t", undefined]) {
      expect(transition("draft", "submit", { ...checker, summary })).toEqual({
        ok: false,
        reason: "Write a one-line summary before submitting the verdict.",
      });
    }
  });

  it("saving a draft needs neither", () => {
    expect(transition("draft", "edit", { ...checker, hasLevel: false, summary: "" })).toEqual({ ok: true, next: "draft" });
  });

  it("request_changes needs a note", () => {
    for (const note of ["", "  ", undefined]) {
      expect(transition("in_review", "request_changes", { ...editor, note })).toEqual({
        ok: false,
        reason: "Write a note telling the author what to change.",
      });
    }
    expect(transition("in_review", "request_changes", editor)).toEqual({ ok: true, next: "changes_requested" });
  });

  it("withdraw needs a reason", () => {
    for (const state of ["approved", "published"] as const) {
      expect(transition(state, "withdraw", { ...editor, reason: " " })).toEqual({ ok: false, reason: "Give a reason for withdrawing the verdict." });
      expect(transition(state, "withdraw", editor)).toEqual({ ok: true, next: "withdrawn" });
    }
  });

  it("reports the wrong state before a missing permission or input", () => {
    const result = transition("published", "request_changes", { ...checker, note: "" });
    expect(result).toEqual({ ok: false, reason: "Changes can only be requested on a verdict in review." });
    expect(transition("in_review", "request_changes", { ...checker, note: "" })).toEqual({
      ok: false,
      reason: "Only editors and admins can request changes on verdicts.",
    });
  });

  it("explains why a verdict in review cannot be edited", () => {
    expect(transition("in_review", "edit", checker)).toEqual({
      ok: false,
      reason: "This verdict is in review; it can be edited again if an editor requests changes.",
    });
    expect(transition("draft", "edit", { ...checker, actorIsAuthor: false })).toEqual({
      ok: false,
      reason: "Only the author or an editor can edit this verdict.",
    });
    expect(transition("draft", "edit", { ...checker, actorRole: "viewer" })).toEqual({ ok: false, reason: "Viewers cannot edit verdicts." });
  });
});

describe("the whole loop", () => {
  it("draft → review → changes → review → approved → published → withdrawn → draft", () => {
    const checker: WorkflowContext = { actorRole: "checker", actorIsAuthor: true, allowSelfApproval: false, ...fullInput };
    const editor: WorkflowContext = { ...checker, actorRole: "editor", actorIsAuthor: false };
    const steps: [VerdictEvent, WorkflowContext, VerdictState][] = [
      ["edit", checker, "draft"],
      ["submit", checker, "in_review"],
      ["request_changes", editor, "changes_requested"],
      ["edit", checker, "changes_requested"],
      ["submit", checker, "in_review"],
      ["approve", editor, "approved"],
      ["publish", editor, "published"],
      ["withdraw", editor, "withdrawn"],
      ["reopen", editor, "draft"],
    ];
    let state: VerdictState = "draft";
    for (const [event, ctx, expected] of steps) {
      const result = transition(state, event, ctx);
      expect(result).toEqual({ ok: true, next: expected });
      if (result.ok) state = result.next;
    }
  });
});

describe("claimStatusFor", () => {
  it("follows the verdict: researching → in review → checked", () => {
    expect(Object.fromEntries(VERDICT_STATES.map((s) => [s, claimStatusFor(s)]))).toEqual({
      draft: "researching",
      in_review: "in_review",
      changes_requested: "researching",
      approved: "checked",
      published: "checked",
      withdrawn: "researching",
    });
  });
});

describe("guards and helpers", () => {
  it("recognises states and events", () => {
    expect(VERDICT_STATES.every(isVerdictState)).toBe(true);
    expect(VERDICT_EVENTS.every(isVerdictEvent)).toBe(true);
    for (const bad of ["Draft", "", null, 3, "delete"]) {
      expect(isVerdictState(bad)).toBe(false);
      expect(isVerdictEvent(bad)).toBe(false);
    }
  });

  it("maps reviewer events to review decisions", () => {
    expect(reviewDecisionFor("approve")).toBe("approved");
    expect(reviewDecisionFor("request_changes")).toBe("changes_requested");
    expect(reviewDecisionFor("publish")).toBeNull();
  });
});
