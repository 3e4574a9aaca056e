import { describe, expect, it } from "vitest";
import { actionLabel, describeActivity, emptyRefs, formatValue, referencedIds, type ActivityEventInput, type ActivityRefs, type Phrase } from "./activity-phrases";

const refs: ActivityRefs = {
  claims: new Map([["c1", { claimReviewed: "303 people were hurt since November 2020" }]]),
  statements: new Map([["s1", { title: "Ministry press release" }]]),
  users: new Map([
    ["u-chris", "Chris Checker"],
    ["u-eddie", "Eddie Editor"],
    ["u-ada", "Ada Admin"],
  ]),
  tags: new Map([
    ["t-stat", "statistic"],
    ["t-date", "date"],
  ]),
  levels: new Map([
    ["l-false", "False"],
    ["l-true", "True"],
  ]),
};

const event = (action: string, data: Record<string, unknown>, extra: Partial<ActivityEventInput> = {}): ActivityEventInput => ({
  action,
  entityType: action.split(".")[0]!,
  entityId: "e1",
  actorId: "u-ada",
  data,
  ...extra,
});

/** The sentence as a reader sees it, quotes around quoted parts and [links] marked. */
function sentence(phrase: Phrase): string {
  return phrase.parts
    .map((p) => (typeof p === "string" ? p : `${p.ref ? "[" : ""}${p.quoted ? `“${p.text}”` : p.text}${p.ref ? "]" : ""}`))
    .join("");
}

function details(phrase: Phrase): string[] {
  return phrase.details.map((d) => (d.value !== undefined ? `${d.label}: ${d.value}` : `${d.label}: ${d.from} → ${d.to}`));
}

describe("describeActivity", () => {
  it("says what changed on a claim in words, with names for ids", () => {
    const phrase = describeActivity(
      event("claim.updated", {
        highlightId: "h1",
        claimReviewed: { from: "Old", to: "New" },
        status: { from: "to_check", to: "researching" },
        assignee: { from: null, to: "u-chris" },
        tags: { added: ["t-date"], removed: ["t-stat", "t-gone"] },
      }, { entityId: "c1" }),
      refs,
    );
    expect(sentence(phrase)).toBe("updated the claim [“303 people were hurt since November 2020”]");
    expect(phrase.parts[2]).toMatchObject({ ref: { kind: "claim", id: "c1" } });
    expect(details(phrase)).toEqual([
      "claim reviewed: Old → New",
      "status: to check → researching",
      "assignee: nobody → Chris Checker",
      "tags added: date",
      "tags removed: statistic, a deleted tag",
    ]);
  });

  it("links statements and claims that still exist, and quotes what is gone without a link", () => {
    expect(sentence(describeActivity(event("statement.imported", { title: "Ministry press release" }, { entityId: "s1" }), refs))).toBe(
      "imported the statement [“Ministry press release”]",
    );
    expect(sentence(describeActivity(event("statement.imported", { title: "Deleted one" }, { entityId: "s-gone" }), refs))).toBe(
      "imported the statement “Deleted one”",
    );
    expect(sentence(describeActivity(event("highlight.created", { statementId: "s1", kind: "claim", exact: "303 people", claimId: "c-gone" }), refs))).toBe(
      "highlighted the claim “303 people” in [“Ministry press release”]",
    );
    expect(sentence(describeActivity(event("highlight.created", { statementId: "s1", kind: "note", exact: "a   very\nlong ".repeat(30) }), refs))).toMatch(
      /^added a note on “a very long a very long .*…” in \[“Ministry press release”\]$/,
    );
  });

  it("phrases comments, sources, verdicts and the rating scale", () => {
    const comment = describeActivity(event("comment.created", { claimId: "c1", mentioned: ["u-eddie"] }, { entityId: "cm1" }), refs);
    expect(sentence(comment)).toBe("commented on the claim [“303 people were hurt since November 2020”]");
    expect(comment.parts[2]).toMatchObject({ ref: { kind: "comment", claimId: "c1", commentId: "cm1" } });
    expect(details(comment)).toEqual(["mentioned: Eddie Editor"]);
    expect(sentence(describeActivity(event("comment.deleted", { claimId: "c1", authorId: "u-chris", moderated: true }), refs))).toMatch(/^deleted a comment by Chris Checker on the claim/);
    expect(sentence(describeActivity(event("comment.edited", { claimId: "c-gone" }), refs))).toBe("edited a comment on a claim that no longer exists");

    const source = describeActivity(event("source.added", { claimId: "c1", url: "https://example.org/x", title: "UN report", stance: "refutes" }), refs);
    expect(sentence(source)).toMatch(/^added a source to the claim \[/);
    expect(details(source)).toEqual(["source: UN report", "link: https://example.org/x", "stance: refutes the claim"]);
    expect(details(describeActivity(event("source.updated", { claimId: "c1", url: "https://a.org", stance: { from: "context", to: "supports" } }), refs))).toEqual([
      "url: https://a.org",
      "stance: context → supports the claim",
    ]);

    const requested = describeActivity(event("verdict.changes_requested", { claimId: "c1", version: 2, note: "Cite the table.", claimStatus: { from: "in_review", to: "researching" } }), refs);
    expect(sentence(requested)).toMatch(/^requested changes to the verdict on the claim \[/);
    expect(details(requested)).toEqual(["version: 2", "note: Cite the table.", "claim status: in review → researching"]);
    expect(sentence(describeActivity(event("verdict.submitted", { claimId: "c1", levelId: "l-false", version: 1 }), refs))).toMatch(/ for review$/);
    expect(details(describeActivity(event("verdict.submitted", { claimId: "c1", levelId: "l-false", version: 1 }), refs))).toEqual(["rating: False", "version: 1"]);

    expect(details(describeActivity(event("rating_level.updated", { label: "False", changes: { color: { from: "#aa0000", to: "#bb0000" } } }), refs))).toEqual(["color: #aa0000 → #bb0000"]);
    expect(sentence(describeActivity(event("rating_level.taken_out_of_order", { label: "Misleading" }), refs))).toBe("took the rating [“Misleading”] out of the truth order");
    expect(sentence(describeActivity(event("api_token.created", { name: "CMS export", role: "viewer", expiresAt: null }), refs))).toBe("created the API token “CMS export” with the viewer role");
    expect(sentence(describeActivity(event("rating_scale.created", { name: "Truth scale", starter: true }, { actorId: null }), refs))).toBe(
      "set up the starter rating scale [“Truth scale”]",
    );
  });

  it("phrases members, invites, tags and settings", () => {
    expect(sentence(describeActivity(event("member.role_changed", { userId: "u-chris", from: "checker", to: "editor" }), refs))).toBe("changed the role of [Chris Checker]");
    expect(details(describeActivity(event("member.role_changed", { userId: "u-chris", from: "checker", to: "editor" }), refs))).toEqual(["role: checker → editor"]);
    expect(sentence(describeActivity(event("member.removed", { userId: "u-unknown", role: "viewer" }), refs))).toBe("removed a former member from the workspace");
    expect(sentence(describeActivity(event("invite.created", { role: "checker", email: null }), refs))).toBe("created an invite link as checker");
    expect(sentence(describeActivity(event("tag.merged", { source: { id: "a", name: "stats" }, target: { id: "t-stat", name: "statistic" }, moved: 3 }), refs))).toBe(
      "merged the tag “stats” into [“statistic”]",
    );
    expect(details(describeActivity(event("workspace.settings_updated", { allowSelfApproval: { from: false, to: true }, publicBaseUrl: { from: "", to: "https://x.org" } }), refs))).toEqual([
      "editors may approve their own verdicts: no → yes",
      "public address: none → https://x.org",
    ]);
  });

  it("describes an action it does not know in a generic sentence, listing its data", () => {
    const phrase = describeActivity(event("source.archived", { claimId: "c1", archiveUrl: "https://web.archive.org/x", attempts: 2 }, { entityType: "source" }), refs);
    expect(sentence(phrase)).toBe("archived a source on the claim [“303 people were hurt since November 2020”]");
    expect(details(phrase)).toEqual(["archive link: https://web.archive.org/x", "attempts: 2"]);
    expect(sentence(describeActivity(event("export.report_generated", {}, { entityType: "export_job" }), emptyRefs()))).toBe("report generated an export job");
    expect(sentence(describeActivity(event("weird", {}, { entityType: "thing" }), emptyRefs()))).toBe("weird a thing");
  });

  it("does not throw on data of an unexpected shape", () => {
    for (const action of ["claim.updated", "tag.merged", "verdict.approved", "comment.created", "statement.corrected", "highlight.updated", "rating_scale.reordered"]) {
      for (const data of [{}, { tags: "x", mentioned: 5, claimStatus: [1], source: null, kind: 3, order: "a" }]) {
        const phrase = describeActivity(event(action, data), refs);
        expect(phrase.parts.length, action).toBeGreaterThan(0);
      }
    }
  });
});

describe("formatValue and labels", () => {
  it("says values as a reader would", () => {
    expect(formatValue(null)).toBe("none");
    expect(formatValue(true)).toBe("yes");
    expect(formatValue(12345)).toBe("12,345");
    expect(formatValue("in_review", "status")).toBe("in review");
    expect(formatValue("changes_requested", "status")).toBe("changes requested");
    expect(formatValue("2026-03-01T10:00:00.000Z")).toBe("1 Mar 2026");
    expect(formatValue(["a", "b"])).toBe("a, b");
    expect(formatValue({ moved: 2, sourceName: "x" })).toBe("moved: 2; source name: x");
  });

  it("labels actions for the filter, known or not", () => {
    expect(actionLabel("claim.updated")).toBe("Claim updated");
    expect(actionLabel("verdict.changes_requested")).toBe("Verdict: changes requested");
    expect(actionLabel("rating_level.archived")).toBe("Rating level archived");
  });
});

describe("referencedIds", () => {
  it("collects every id an event names", () => {
    expect(
      referencedIds(
        event("claim.updated", { assignee: { from: "u1", to: null }, tags: { added: ["t1"], removed: ["t2"] }, highlightId: "h" }, { entityType: "claim", entityId: "c9" }),
      ),
    ).toEqual({ claims: ["c9"], statements: [], users: ["u1"], tags: ["t1", "t2"], levels: [] });
    expect(referencedIds(event("comment.edited", { claimId: "c1", mentioned: ["u2"], mentions: { added: ["u2"], removed: ["u3"] } }))).toMatchObject({
      claims: ["c1"],
      users: ["u2", "u3"],
    });
    expect(referencedIds(event("verdict.submitted", { claimId: "c1", levelId: "l1" }))).toMatchObject({ levels: ["l1"] });
  });
});
