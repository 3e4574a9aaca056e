import { describe, expect, it } from "vitest";
import { makeMember } from "../../test/factories";
import { activityOf, makeSource, makeVerdictDesk, verdictSnapshot } from "../../test/verdict-factories";
import { db } from "./db";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import { getVerdictHistory } from "./verdict-history";
import {
  approveVerdict,
  getVerdictPanel,
  publishVerdict,
  reopenVerdict,
  requestVerdictChanges,
  saveVerdictDraft,
  submitVerdict,
  VerdictConflict,
  withdrawVerdict,
} from "./verdicts";

type World = Awaited<ReturnType<typeof makeVerdictDesk>>;

const text = (w: World, extra: Record<string, unknown> = {}) => ({
  workspaceId: w.ws,
  claimId: w.claimId,
  lockVersion: null as number | null,
  levelId: w.levels["False"]!,
  summary: "The ministry's own report counts 250 injured, not 303.",
  explanation: "The annual report [1] lists 250 injured.",
  ...extra,
});

async function claimStatus(claimId: string) {
  return (await db().claim.findUniqueOrThrow({ where: { id: claimId }, select: { status: true } })).status;
}

/** A verdict by the checker, submitted and in review, citing one source. */
async function inReview(w: World) {
  await makeSource(w.desk.checker, w.claimId, "Annual report");
  const { verdict } = await submitVerdict(w.desk.checker, text(w));
  return verdict;
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

describe("saveVerdictDraft", () => {
  it("starts the claim's verdict as a draft, moves the claim to researching and records it", async () => {
    const w = await makeVerdictDesk();
    expect(await claimStatus(w.claimId)).toBe("to_check");
    const { verdict, warnings, unchanged } = await saveVerdictDraft(w.desk.checker, text(w, { levelId: "", summary: "  First thoughts ", explanation: "Nothing yet\r\nSecond line" }));
    expect(verdict).toMatchObject({ status: "draft", level: null, summary: "First thoughts", explanation: "Nothing yet\nSecond line", author: { id: w.desk.checker.userId }, version: 0, lockVersion: 0 });
    expect(warnings).toBeNull();
    expect(unchanged).toBe(false);
    expect(await claimStatus(w.claimId)).toBe("researching");
    expect(await activityOf(w.ws, verdict.id)).toEqual([
      { action: "verdict.drafted", actorId: w.desk.checker.userId, data: { claimId: w.claimId, levelId: null, claimStatus: { from: "to_check", to: "researching" } } },
    ]);
  });

  it("saves on top of the version it started from, warns about citations of missing sources, and skips unchanged saves", async () => {
    const w = await makeVerdictDesk();
    const first = await saveVerdictDraft(w.desk.checker, text(w));
    expect(first.warnings?.explanation?.join(" ")).toMatch(/\[1\] cites a source that does not exist: this claim has no sources yet/);
    const second = await saveVerdictDraft(w.desk.checker, text(w, { lockVersion: 0, levelId: w.levels["Mostly false"], explanation: "See [1], [2] and [4]." }));
    expect(second.verdict).toMatchObject({ lockVersion: 1, level: { label: "Mostly false" }, explanation: "See [1], [2] and [4]." });
    await makeSource(w.desk.checker, w.claimId);
    const third = await saveVerdictDraft(w.desk.editor, text(w, { lockVersion: 1, levelId: w.levels["Mostly false"], explanation: "See [1], [2] and [4]." }));
    expect(third).toMatchObject({ unchanged: true, verdict: { lockVersion: 1 } });
    expect(third.warnings?.explanation?.join(" ")).toMatch(/\[2\] and \[4\] cite sources that do not exist: this claim has one source/);
    const events = await activityOf(w.ws, first.verdict.id);
    expect(events.map((e) => e.action)).toEqual(["verdict.drafted", "verdict.draft_saved"]);
    expect(await claimStatus(w.claimId)).toBe("researching");
  });

  it("refuses outsiders (not found) and viewers (forbidden), changing nothing", async () => {
    const w = await makeVerdictDesk();
    await saveVerdictDraft(w.desk.checker, text(w));
    const before = await verdictSnapshot(w.ws);
    const input = text(w, { lockVersion: 0, summary: "Changed" });
    await expect(saveVerdictDraft(w.desk.outsider, input)).rejects.toBeInstanceOf(NotFound);
    await expect(saveVerdictDraft(w.desk.outsider, { ...input, workspaceId: w.desk.otherWorkspace.id })).rejects.toBeInstanceOf(NotFound);
    await expect(submitVerdict(w.desk.outsider, input)).rejects.toBeInstanceOf(NotFound);
    await expect(saveVerdictDraft(w.desk.viewer, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(submitVerdict(w.desk.viewer, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(getVerdictPanel(w.desk.outsider, { workspaceId: w.ws, claimId: w.claimId })).rejects.toBeInstanceOf(NotFound);
    await expect(getVerdictHistory(w.desk.outsider, { workspaceId: w.ws, claimId: w.claimId })).rejects.toBeInstanceOf(NotFound);
    // Another checker may not rewrite someone else's draft; an editor may.
    const other = await makeMember(w.ws, "checker");
    await expect(saveVerdictDraft(other, input)).rejects.toThrow(/Only the author or an editor/);
    expect(await verdictSnapshot(w.ws)).toEqual(before);
    await expect(saveVerdictDraft(w.desk.editor, input)).resolves.toMatchObject({ verdict: { summary: "Changed" } });
  });

  it("refuses a viewer's first draft and a save over a verdict that does not exist, leaving the claim as it was", async () => {
    const w = await makeVerdictDesk();
    const before = await verdictSnapshot(w.ws);
    await expect(saveVerdictDraft(w.desk.viewer, text(w))).rejects.toBeInstanceOf(Forbidden);
    // A save naming a version of a verdict that does not exist creates none.
    await expect(saveVerdictDraft(w.desk.checker, text(w, { lockVersion: 3 }))).rejects.toThrow(/no verdict to save over/);
    expect(await verdictSnapshot(w.ws)).toEqual(before);
    expect(await claimStatus(w.claimId)).toBe("to_check");
  });

  it("refuses ratings not on the workspace's active scale and oversized or multi-line text, writing nothing", async () => {
    const w = await makeVerdictDesk();
    await saveVerdictDraft(w.desk.checker, text(w));
    const fresh = await makeVerdictDesk();
    const before = await verdictSnapshot(w.ws);
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ levelId: "no-such-level" }, "levelId", /from this workspace's scale/],
      [{ levelId: w.foreignLevels["True"] }, "levelId", /from this workspace's scale/],
      [{ levelId: fresh.levels["True"] }, "levelId", /from this workspace's scale/],
      [{ levelId: w.levels["Pants on fire"] }, "levelId", /“Pants on fire” is retired/],
      [{ summary: "x".repeat(201) }, "summary", /at most 200 characters/],
      [{ summary: "One line\nand another" }, "summary", /one line/],
      [{ summary: "One line\u2028and another" }, "summary", /one line/],
      [{ explanation: "x".repeat(20_001) }, "explanation", /at most 20,000 characters/],
      [{ summary: 42 }, "summary", /must be text/],
    ];
    for (const fn of [saveVerdictDraft, submitVerdict]) {
      for (const [change, field, message] of cases) {
        const error = await errorOf(fn(w.desk.checker, text(w, { lockVersion: 0, ...change }) as never));
        expect(error, `${fn.name} ${JSON.stringify(change).slice(0, 60)}`).toBeInstanceOf(Invalid);
        expect((error as Invalid).fieldErrors?.[field]?.join(" ")).toMatch(message);
      }
    }
    // The same refusals before any verdict exists create none.
    const error = await errorOf(saveVerdictDraft(fresh.desk.checker, text(fresh, { levelId: w.levels["True"] })));
    expect(error).toBeInstanceOf(Invalid);
    expect(await verdictSnapshot(w.ws)).toEqual(before);
    expect(await db().verdict.count({ where: { claimId: fresh.claimId } })).toBe(0);
    expect(await claimStatus(fresh.claimId)).toBe("to_check");
    // 200 characters on one line is fine.
    await expect(saveVerdictDraft(w.desk.checker, text(w, { lockVersion: 0, summary: "y".repeat(200) }))).resolves.toMatchObject({ verdict: { lockVersion: 1 } });
  });
});

describe("concurrent edits", () => {
  it("gives the second save from the same version a Conflict with both texts; keeping yours saves on top of theirs", async () => {
    const w = await makeVerdictDesk();
    const editorAdmin = w.desk.admin;
    await saveVerdictDraft(w.desk.checker, text(w, { summary: "Draft" }));
    const theirs = await saveVerdictDraft(w.desk.checker, text(w, { lockVersion: 0, summary: "The checker's summary" }));
    const error = await errorOf(saveVerdictDraft(editorAdmin, text(w, { lockVersion: 0, summary: "The admin's summary", levelId: w.levels["True"] })));
    expect(error).toBeInstanceOf(VerdictConflict);
    expect(error).toBeInstanceOf(Conflict);
    const conflict = error as VerdictConflict;
    expect(conflict.message).toMatch(/changed while you were editing/);
    expect(conflict.theirs).toMatchObject({ summary: "The checker's summary", lockVersion: 1, level: { label: "False" } });
    expect(conflict.yours).toEqual({ summary: "The admin's summary", levelId: w.levels["True"], explanation: text(w).explanation });
    expect(conflict.canKeepYours).toBe(true);
    expect(theirs.verdict.lockVersion).toBe(1);
    expect(await db().verdict.findUniqueOrThrow({ where: { claimId: w.claimId } })).toMatchObject({ summary: "The checker's summary", lockVersion: 1 });

    const kept = await saveVerdictDraft(editorAdmin, text(w, { ...conflict.yours, lockVersion: conflict.theirs.lockVersion }));
    expect(kept.verdict).toMatchObject({ summary: "The admin's summary", lockVersion: 2 });
  });

  it("lets exactly one of two simultaneous saves from the same version win", async () => {
    const w = await makeVerdictDesk();
    await saveVerdictDraft(w.desk.checker, text(w));
    const results = await Promise.allSettled([
      saveVerdictDraft(w.desk.checker, text(w, { lockVersion: 0, summary: "Mine" })),
      saveVerdictDraft(w.desk.editor, text(w, { lockVersion: 0, summary: "Theirs" })),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(VerdictConflict);
    const row = await db().verdict.findUniqueOrThrow({ where: { claimId: w.claimId } });
    expect(row.lockVersion).toBe(1);
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof saveVerdictDraft>>>).value;
    expect(row.summary).toBe(winner.verdict.summary);
    expect((lost[0]!.reason as VerdictConflict).yours?.summary).toBe(winner.verdict.summary === "Mine" ? "Theirs" : "Mine");
    expect((await activityOf(w.ws, row.id)).filter((e) => e.action === "verdict.draft_saved")).toHaveLength(1);
  });

  it("lets one of two people starting the claim's first verdict at once win; the other sees it", async () => {
    const w = await makeVerdictDesk();
    const results = await Promise.allSettled([
      saveVerdictDraft(w.desk.checker, text(w, { summary: "Checker first" })),
      submitVerdict(w.desk.editor, text(w, { summary: "Editor first", explanation: "No sources needed." })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(lost.reason).toBeInstanceOf(VerdictConflict);
    expect(await db().verdict.count({ where: { claimId: w.claimId } })).toBe(1);
    const row = await db().verdict.findUniqueOrThrow({ where: { claimId: w.claimId } });
    expect((lost.reason as VerdictConflict).theirs.summary).toBe(row.summary);
    expect(await db().verdictVersion.count({ where: { verdictId: row.id } })).toBe(row.status === "in_review" ? 1 : 0);
  });

  it("lets only one of two editors deciding on the same version at once through", async () => {
    const w = await makeVerdictDesk();
    const verdict = await inReview(w);
    const input = { workspaceId: w.ws, claimId: w.claimId, lockVersion: verdict.lockVersion };
    const results = await Promise.allSettled([approveVerdict(w.desk.editor, input), requestVerdictChanges(w.desk.admin, { ...input, note: "Add the UN figure." })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(lost.reason).toBeInstanceOf(Conflict);
    expect((lost.reason as Error).message).toMatch(/changed while you were reading it/);
    expect(await db().review.count({ where: { verdictId: verdict.id } })).toBe(1);
  });

  it("refuses a decision on a version the reviewer has not seen, changing nothing", async () => {
    const w = await makeVerdictDesk();
    const draft = await saveVerdictDraft(w.desk.checker, text(w, { explanation: "Plain." }));
    await submitVerdict(w.desk.checker, text(w, { lockVersion: draft.verdict.lockVersion, explanation: "Plain." }));
    const before = await verdictSnapshot(w.ws);
    // The editor read the draft, and the checker submitted since.
    await expect(approveVerdict(w.desk.editor, { workspaceId: w.ws, claimId: w.claimId, lockVersion: draft.verdict.lockVersion })).rejects.toThrow(/changed while you were reading it; it is now in review/);
    expect(await verdictSnapshot(w.ws)).toEqual(before);
  });
});

describe("the review workflow", () => {
  it("runs draft → review → changes requested → review → approved → published → withdrawn → draft, recording versions, reviews, claim status and activity", async () => {
    const w = await makeVerdictDesk();
    const { checker, editor } = w.desk;
    await makeSource(checker, w.claimId, "Annual report");
    const draft = await saveVerdictDraft(checker, text(w, { explanation: "The annual report [1] lists 250 injured." }));

    const v1 = await submitVerdict(checker, text(w, { lockVersion: draft.verdict.lockVersion }));
    expect(v1.verdict).toMatchObject({ status: "in_review", version: 1 });
    expect(v1.verdict.submittedAt).not.toBeNull();
    expect(await claimStatus(w.claimId)).toBe("in_review");
    const version1 = await db().verdictVersion.findUniqueOrThrow({ where: { verdictId_version: { verdictId: v1.verdict.id, version: 1 } } });
    expect(version1).toMatchObject({ levelId: w.levels["False"], summary: text(w).summary, explanation: text(w).explanation, submittedById: checker.userId });
    expect(JSON.parse(version1.sourcesJson)).toMatchObject([{ n: 1, title: "Annual report", url: "https://example.org/Annual%20report", stance: "refutes" }]);

    // Editing is frozen in review.
    await expect(saveVerdictDraft(checker, text(w, { lockVersion: v1.verdict.lockVersion, summary: "Sneaky" }))).rejects.toThrow(/in review/);

    const changes = await requestVerdictChanges(editor, { workspaceId: w.ws, claimId: w.claimId, lockVersion: v1.verdict.lockVersion, note: "  Cite the UN figure too. " });
    expect(changes.status).toBe("changes_requested");
    expect(await claimStatus(w.claimId)).toBe("researching");
    const panel = await getVerdictPanel(checker, { workspaceId: w.ws, claimId: w.claimId });
    expect(panel.changesRequested).toMatchObject({ note: "Cite the UN figure too.", by: { id: editor.userId } });
    expect(panel.events).toEqual(["edit", "submit"]);

    await makeSource(checker, w.claimId, "UN figures");
    const revised = await saveVerdictDraft(checker, text(w, { lockVersion: changes.lockVersion, explanation: "The annual report [1] lists 250 injured; the UN [2] agrees." }));
    expect(revised.verdict.status).toBe("changes_requested");
    const v2 = await submitVerdict(checker, text(w, { lockVersion: revised.verdict.lockVersion, levelId: w.levels["Mostly false"], explanation: "The annual report [1] lists 250 injured; the UN [2] agrees." }));
    expect(v2.verdict).toMatchObject({ status: "in_review", version: 2 });
    const version2 = await db().verdictVersion.findUniqueOrThrow({ where: { verdictId_version: { verdictId: v1.verdict.id, version: 2 } } });
    expect(JSON.parse(version2.sourcesJson).map((s: { n: number; title: string }) => [s.n, s.title])).toEqual([[1, "Annual report"], [2, "UN figures"]]);

    const approved = await approveVerdict(editor, { workspaceId: w.ws, claimId: w.claimId, lockVersion: v2.verdict.lockVersion });
    expect(approved.status).toBe("approved");
    expect(await claimStatus(w.claimId)).toBe("checked");
    const published = await publishVerdict(editor, { workspaceId: w.ws, claimId: w.claimId, lockVersion: approved.lockVersion });
    expect(published.status).toBe("published");
    expect(published.publishedAt).not.toBeNull();
    expect(await claimStatus(w.claimId)).toBe("checked");

    await expect(withdrawVerdict(editor, { workspaceId: w.ws, claimId: w.claimId, lockVersion: published.lockVersion, reason: "  " })).rejects.toSatisfy(
      (e) => e instanceof Invalid && /reason/.test(e.fieldErrors?.reason?.join(" ") ?? ""),
    );
    const withdrawn = await withdrawVerdict(editor, { workspaceId: w.ws, claimId: w.claimId, lockVersion: published.lockVersion, reason: "New figures came out." });
    expect(withdrawn).toMatchObject({ status: "withdrawn", withdrawnReason: "New figures came out.", publishedAt: published.publishedAt });
    expect(await claimStatus(w.claimId)).toBe("researching");
    await expect(reopenVerdict(checker, { workspaceId: w.ws, claimId: w.claimId, lockVersion: withdrawn.lockVersion })).rejects.toBeInstanceOf(Forbidden);
    const reopened = await reopenVerdict(editor, { workspaceId: w.ws, claimId: w.claimId, lockVersion: withdrawn.lockVersion });
    expect(reopened).toMatchObject({ status: "draft", withdrawnAt: null, withdrawnReason: "", publishedAt: published.publishedAt, version: 2 });
    expect(await claimStatus(w.claimId)).toBe("researching");

    const reviews = await db().review.findMany({ where: { verdictId: v1.verdict.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(reviews.map((r) => [r.version, r.decision, r.reviewerId, r.note])).toEqual([
      [1, "changes_requested", editor.userId, "Cite the UN figure too."],
      [2, "approved", editor.userId, ""],
      [2, "published", editor.userId, ""],
      [2, "withdrawn", editor.userId, "New figures came out."],
      [2, "reopened", editor.userId, ""],
    ]);
    const actions = (await activityOf(w.ws, v1.verdict.id)).map((e) => e.action).sort();
    expect(actions).toEqual(
      [
        "verdict.drafted",
        "verdict.submitted",
        "verdict.changes_requested",
        "verdict.draft_saved",
        "verdict.submitted",
        "verdict.approved",
        "verdict.published",
        "verdict.withdrawn",
        "verdict.reopened",
      ].sort(),
    );
    const approvedEvent = (await activityOf(w.ws, v1.verdict.id)).find((e) => e.action === "verdict.approved")!;
    expect(approvedEvent).toMatchObject({ actorId: editor.userId, data: { claimId: w.claimId, version: 2, claimStatus: { from: "in_review", to: "checked" } } });

    const history = await getVerdictHistory(w.desk.viewer, { workspaceId: w.ws, claimId: w.claimId });
    expect(history.map((e) => (e.kind === "review" ? `${e.decision}@${e.version}` : e.kind === "version" ? `v${e.version}` : e.kind))).toEqual([
      "drafted",
      "v1",
      "changes_requested@1",
      "v2",
      "approved@2",
      "published@2",
      "withdrawn@2",
      "reopened@2",
    ]);
    const second = history[3]!;
    if (second.kind !== "version") throw new Error("expected a version");
    expect(second.by).toEqual({ id: checker.userId, name: checker.name });
    expect(second.sources.map((s) => s.title)).toEqual(["Annual report", "UN figures"]);
    expect(second.changes).toMatchObject({ from: 1, level: { from: { label: "False" }, to: { label: "Mostly false" } }, summary: null, inserted: 4, deleted: 0 });
    expect(second.changes?.explanation).toEqual([
      { op: "equal", text: "The annual report [1] lists 250 injured" },
      { op: "insert", text: "; the UN [2] agrees" },
      { op: "equal", text: "." },
    ]);
  });

  it("refuses submission without a rating or summary, or citing sources that do not exist, writing nothing", async () => {
    const w = await makeVerdictDesk();
    await saveVerdictDraft(w.desk.checker, text(w, { levelId: null, summary: "" }));
    const before = await verdictSnapshot(w.ws);
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ levelId: null }, "levelId", /Choose a rating/],
      [{ summary: "   " }, "summary", /one-line summary/],
      [{ explanation: "The report [1] says so." }, "explanation", /\[1\] cites a source that does not exist/],
    ];
    for (const [change, field, message] of cases) {
      const error = await errorOf(submitVerdict(w.desk.checker, text(w, { lockVersion: 0, ...change })));
      expect(error, JSON.stringify(change)).toBeInstanceOf(Invalid);
      expect((error as Invalid).fieldErrors?.[field]?.join(" ")).toMatch(message);
    }
    expect(await verdictSnapshot(w.ws)).toEqual(before);
  });

  it("lets only editors decide: a checker cannot approve, request changes, publish or withdraw", async () => {
    const w = await makeVerdictDesk();
    const verdict = await inReview(w);
    const before = await verdictSnapshot(w.ws);
    const input = { workspaceId: w.ws, claimId: w.claimId, lockVersion: verdict.lockVersion, note: "Fine", reason: "Because" };
    const other = await makeMember(w.ws, "checker");
    for (const who of [w.desk.checker, other]) {
      await expect(approveVerdict(who, input)).rejects.toThrow(/Only editors and admins can approve/);
      await expect(requestVerdictChanges(who, input)).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(approveVerdict(w.desk.viewer, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(approveVerdict(w.desk.outsider, input)).rejects.toBeInstanceOf(NotFound);
    await expect(approveVerdict(w.desk.outsider, { ...input, workspaceId: w.desk.otherWorkspace.id })).rejects.toBeInstanceOf(NotFound);
    // Wrong state: nothing approved yet to publish or withdraw.
    await expect(publishVerdict(w.desk.editor, input)).rejects.toSatisfy((e) => e instanceof Conflict && /Only an approved verdict/.test(e.message));
    await expect(withdrawVerdict(w.desk.editor, input)).rejects.toBeInstanceOf(Conflict);
    await expect(requestVerdictChanges(w.desk.editor, { ...input, note: "" })).rejects.toSatisfy((e) => e instanceof Invalid && /what to change/.test(e.fieldErrors?.note?.join(" ") ?? ""));
    await expect(requestVerdictChanges(w.desk.editor, { ...input, note: "x".repeat(2001) })).rejects.toBeInstanceOf(Invalid);
    // A claim without a verdict has nothing to decide on.
    const bare = await makeVerdictDesk();
    await expect(approveVerdict(bare.desk.editor, { workspaceId: bare.ws, claimId: bare.claimId, lockVersion: 0 })).rejects.toThrow(/Verdict not found/);
    expect(await verdictSnapshot(w.ws)).toEqual(before);
    expect(await claimStatus(w.claimId)).toBe("in_review");
  });

  it("keeps four eyes: an editor cannot approve a verdict they wrote or submitted unless the workspace allows it", async () => {
    const w = await makeVerdictDesk();
    const { editor, admin } = w.desk;
    const { verdict } = await submitVerdict(editor, text(w, { explanation: "No citations." }));
    const input = { workspaceId: w.ws, claimId: w.claimId, lockVersion: verdict.lockVersion };
    const before = await verdictSnapshot(w.ws);
    await expect(approveVerdict(editor, input)).rejects.toSatisfy((e) => e instanceof Forbidden && /four-eyes/.test(e.message));
    expect(await verdictSnapshot(w.ws)).toEqual(before);
    expect((await getVerdictPanel(editor, { workspaceId: w.ws, claimId: w.claimId })).events).toEqual(["request_changes"]);
    // Requesting changes on one's own verdict is allowed (it only sends it back).
    await expect(approveVerdict(admin, input)).resolves.toMatchObject({ status: "approved" });

    // Someone who submitted a revision of another's verdict counts as its author too.
    const w2 = await makeVerdictDesk();
    const first = await submitVerdict(w2.desk.checker, text(w2, { explanation: "Plain." }));
    const back = await requestVerdictChanges(w2.desk.admin, { workspaceId: w2.ws, claimId: w2.claimId, lockVersion: first.verdict.lockVersion, note: "Shorter." });
    const resubmitted = await submitVerdict(w2.desk.editor, text(w2, { lockVersion: back.lockVersion, explanation: "Short." }));
    await expect(approveVerdict(w2.desk.editor, { workspaceId: w2.ws, claimId: w2.claimId, lockVersion: resubmitted.verdict.lockVersion })).rejects.toBeInstanceOf(Forbidden);

    // With self-approval allowed, the author may approve.
    await db().workspace.update({ where: { id: w2.ws }, data: { allowSelfApproval: true } });
    await expect(approveVerdict(w2.desk.editor, { workspaceId: w2.ws, claimId: w2.claimId, lockVersion: resubmitted.verdict.lockVersion })).resolves.toMatchObject({ status: "approved" });
  });

  it("offers each role the events it may fire", async () => {
    const w = await makeVerdictDesk();
    const panelOf = (who: { userId: string }) => getVerdictPanel(who, { workspaceId: w.ws, claimId: w.claimId });
    expect((await panelOf(w.desk.viewer)).events).toEqual([]);
    const empty = await panelOf(w.desk.checker);
    expect(empty).toMatchObject({ verdict: null, events: ["edit", "submit"], claimStatus: "to_check", sources: [] });
    expect(empty.levels.map((l) => l.label)).toEqual(["True", "Mostly true", "Half true", "Mostly false", "False", "Misleading", "Unproven"]);
    await inReview(w);
    expect((await panelOf(w.desk.checker)).events).toEqual([]);
    expect((await panelOf(w.desk.editor)).events).toEqual(["approve", "request_changes"]);
    const viewerPanel = await panelOf(w.desk.viewer);
    expect(viewerPanel).toMatchObject({ events: [], verdict: { status: "in_review", level: { label: "False" } }, sources: [{ n: 1, title: "Annual report" }] });
  });
});
