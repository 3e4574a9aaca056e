import { describe, expect, it } from "vitest";
import { corpusText } from "../../test/annotation-factories";
import { makeDesk } from "../../test/factories";
import { CORPUS_REPORT_META, CORPUS_REPORT_PLAN, seedAnnotatedStatement } from "../../test/report-factories";
import { makeScale } from "../../test/verdict-factories";
import { db } from "./db";
import { Conflict, NotFound } from "./errors";
import { FEED_NOT_PUBLISHED, getClaimReview, publicClaimReviewFeed } from "./claim-review-feed";

async function setup(publish = true) {
  const desk = await makeDesk();
  const ws = desk.workspace.id;
  await makeScale(ws);
  const { claimIds } = await seedAnnotatedStatement({ checker: desk.checker, editor: desk.editor, admin: desk.admin }, ws, corpusText("002"), CORPUS_REPORT_META, CORPUS_REPORT_PLAN);
  if (publish) await db().workspace.update({ where: { id: ws }, data: { publisherName: "Desk Checks", publicBaseUrl: "https://checks.example.org/" } });
  const stages = CORPUS_REPORT_PLAN.map((p) => p.stage);
  return { desk, ws, claimIds, published: claimIds.filter((_, i) => stages[i] === "published"), unpublished: claimIds.filter((_, i) => stages[i] !== "published") };
}

describe("getClaimReview", () => {
  it("gives a member the ClaimReview of a published verdict", async () => {
    const { desk, ws, published } = await setup();
    const { claimReview, problems } = await getClaimReview(desk.viewer, { workspaceId: ws, claimId: published[0]! });
    expect(claimReview["@type"]).toBe("ClaimReview");
    expect(claimReview.url).toBe(`https://checks.example.org/fact-checks/${published[0]}`);
    expect(claimReview.author).toMatchObject({ name: "Desk Checks" });
    expect(problems.filter((p) => p.level === "required")).toEqual([]);
  });

  it("refuses an unpublished verdict with the reason, and hides claims from outsiders", async () => {
    const { desk, ws, published, unpublished } = await setup();
    for (const claimId of unpublished) await expect(getClaimReview(desk.admin, { workspaceId: ws, claimId })).rejects.toBeInstanceOf(Conflict);
    await expect(getClaimReview(desk.outsider, { workspaceId: ws, claimId: published[0]! })).rejects.toBeInstanceOf(NotFound);
    await expect(getClaimReview(desk.outsider, { workspaceId: desk.otherWorkspace.id, claimId: published[0]! })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("publicClaimReviewFeed", () => {
  it("holds only the published verdicts of a workspace that opted in", async () => {
    const { desk, published } = await setup();
    const feed = await publicClaimReviewFeed(desk.workspace.slug);
    expect(feed["@type"]).toBe("DataFeed");
    expect(feed.dataFeedElement.map((e) => e.item.url).sort()).toEqual(published.map((id) => `https://checks.example.org/fact-checks/${id}`).sort());
  });

  it("does not exist until the publisher name and public base URL are set, nor for unknown slugs", async () => {
    const { desk, ws } = await setup(false);
    await expect(publicClaimReviewFeed(desk.workspace.slug)).rejects.toThrow(FEED_NOT_PUBLISHED);
    await db().workspace.update({ where: { id: ws }, data: { publisherName: "Desk Checks" } });
    await expect(publicClaimReviewFeed(desk.workspace.slug)).rejects.toBeInstanceOf(NotFound);
    await expect(publicClaimReviewFeed("no-such-desk")).rejects.toThrow(FEED_NOT_PUBLISHED);
  });
});
