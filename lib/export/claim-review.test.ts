import { describe, expect, it } from "vitest";
import { claimReviewFeed, claimReviewOf, claimReviewUrl, speakerAgent, type ClaimReviewInput } from "./claim-review";
import { claimReviewProblems } from "./claim-review-rules";
import { claim, starterLevels, statement, verdict, workspace } from "./test-fixtures";

const levels = starterLevels();

function reviewOf(over: Partial<ClaimReviewInput> = {}) {
  const result = claimReviewOf({ workspace: workspace(), statement: statement(), claim: claim(), levels, ...over });
  if (!result.ok) throw new Error(result.reason);
  return result.claimReview;
}

describe("claimReviewOf", () => {
  it("writes every field Google requires and recommends", () => {
    expect(reviewOf()).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      "@id": "https://factcheck.example.org/fact-checks/cl1",
      url: "https://factcheck.example.org/fact-checks/cl1",
      claimReviewed: "303 people fell victim to mines since November 2020",
      reviewRating: {
        "@type": "Rating",
        ratingValue: 2,
        bestRating: 5,
        worstRating: 1,
        alternateName: "Mostly false",
        name: "Mostly false",
        ratingExplanation: "The agency counted 287 victims, not 303.",
      },
      author: { "@type": "Organization", name: "Example Fact Check", url: "https://factcheck.example.org/" },
      datePublished: "2024-05-03T09:15:00.000Z",
      dateModified: "2024-05-03T09:15:00.000Z",
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Organization", name: "Ministry of Foreign Affairs of the Republic of Norvania" },
        datePublished: "2023-07-29",
        appearance: {
          "@type": "CreativeWork",
          url: "https://mfa.norvania.example/press/303",
          headline: "Statement on mine clearance",
          datePublished: "2023-07-29",
          publisher: { "@type": "Organization", name: "Norvania Press Service" },
        },
      },
    });
  });

  it("passes its own rules, for every level of the scale", () => {
    for (const level of levels) {
      const review = reviewOf({ claim: claim({ verdict: verdict({ levelId: level.id, levelLabel: level.label }) }) });
      expect(claimReviewProblems(review), level.label).toEqual([]);
      expect(JSON.parse(JSON.stringify(review))).toEqual(review);
    }
  });

  it("gives levels outside the truth order only a name", () => {
    const review = reviewOf({ claim: claim({ verdict: verdict({ levelId: "misleading", levelLabel: "Misleading" }) }) });
    expect(review.reviewRating).not.toHaveProperty("ratingValue");
    expect(review.reviewRating).not.toHaveProperty("bestRating");
    expect(review.reviewRating.alternateName).toBe("Misleading");
  });

  it("leaves out what the statement does not say, and the rules then name it", () => {
    const review = reviewOf({ statement: statement({ speaker: "", url: "", outlet: "", publishedAt: null }) });
    expect(review.itemReviewed).toEqual({ "@type": "Claim" });
    const problems = claimReviewProblems(review);
    expect(problems.every((p) => p.level === "recommended")).toBe(true);
    expect(problems.map((p) => p.path).sort()).toEqual(["itemReviewed.appearance", "itemReviewed.author", "itemReviewed.datePublished"]);
  });

  it("refuses what cannot be published, saying why", () => {
    const refuse = (over: ClaimReviewInput) => {
      const result = claimReviewOf(over);
      expect(result.ok).toBe(false);
      return result.ok ? "" : result.reason;
    };
    const base = { workspace: workspace(), statement: statement(), claim: claim(), levels };
    for (const status of ["draft", "in_review", "changes_requested", "approved", "withdrawn"] as const) {
      expect(refuse({ ...base, claim: claim({ verdict: verdict({ status }) }) })).toMatch(/not published/);
    }
    expect(refuse({ ...base, claim: claim({ verdict: null }) })).toMatch(/not published/);
    expect(refuse({ ...base, claim: claim({ verdict: verdict({ levelId: null }) }) })).toMatch(/no rating/);
    expect(refuse({ ...base, claim: claim({ verdict: verdict({ levelId: "gone" }) }) })).toMatch(/not on the workspace's rating scale/);
    expect(refuse({ ...base, workspace: workspace({ publicBaseUrl: "" }) })).toMatch(/public base URL/);
    expect(refuse({ ...base, workspace: workspace({ publicBaseUrl: "javascript:alert(1)" }) })).toMatch(/public base URL/);
    expect(refuse({ ...base, claim: claim({ claimReviewed: "  \n " }) })).toMatch(/claim reviewed/);
  });

  it("names the workspace as publisher when no publisher name is set", () => {
    expect(reviewOf({ workspace: workspace({ publisherName: " " }) }).author.name).toBe("Norvania Desk");
  });

  it("keeps a retired level's rank for an old verdict", () => {
    const retired = levels.map((l) => (l.id === "mostly-false" ? { ...l, retiredAt: "2024-06-01" } : l));
    expect(reviewOf({ levels: retired }).reviewRating).toMatchObject({ ratingValue: 2, bestRating: 5 });
  });
});

describe("claimReviewUrl", () => {
  it("is the base URL plus a stable path per claim", () => {
    expect(claimReviewUrl("https://factcheck.example.org", "cl1")).toBe("https://factcheck.example.org/fact-checks/cl1");
    expect(claimReviewUrl("https://example.org/desk/", "a b")).toBe("https://example.org/desk/fact-checks/a%20b");
    expect(claimReviewUrl("", "cl1")).toBeNull();
    expect(claimReviewUrl("ftp://example.org", "cl1")).toBeNull();
  });
});

describe("speakerAgent", () => {
  it("tells people from organisations", () => {
    expect(speakerAgent("Aldana Mirec, President of the Republic of Norvania")).toEqual({
      "@type": "Person",
      name: "Aldana Mirec",
      jobTitle: "President of the Republic of Norvania",
    });
    expect(speakerAgent("Ministry of Health of the Republic of Norvania")).toMatchObject({ "@type": "Organization" });
    expect(speakerAgent("NATO")).toMatchObject({ "@type": "Organization", name: "NATO" });
    expect(speakerAgent("Jane Doe")).toEqual({ "@type": "Person", name: "Jane Doe" });
    expect(speakerAgent("  ")).toBeNull();
  });

  it("follows the type the service knows", () => {
    expect(speakerAgent("The Greens", "Organization")).toEqual({ "@type": "Organization", name: "The Greens" });
    expect(speakerAgent("Office Holder, Mayor", "Person")).toEqual({ "@type": "Person", name: "Office Holder", jobTitle: "Mayor" });
  });
});

describe("claimReviewFeed", () => {
  it("is a DataFeed of the published fact-checks, each valid on its own", () => {
    const entries = [
      { statement: statement(), claim: claim() },
      { statement: statement(), claim: claim({ id: "cl2", verdict: verdict({ status: "approved" }) }) },
      { statement: statement({ speaker: "Aldana Mirec, President" }), claim: claim({ id: "cl3", verdict: verdict({ levelId: "true" }) }) },
    ];
    const { feed, skipped } = claimReviewFeed({ workspace: workspace(), entries, levels, generatedAt: new Date("2024-06-01T00:00:00Z") });
    expect(feed["@context"]).toBe("https://schema.org");
    expect(feed["@type"]).toBe("DataFeed");
    expect(feed.name).toBe("Example Fact Check fact-checks");
    expect(feed.dateModified).toBe("2024-06-01T00:00:00.000Z");
    expect(feed.dataFeedElement.map((e) => e.item.url)).toEqual([
      "https://factcheck.example.org/fact-checks/cl1",
      "https://factcheck.example.org/fact-checks/cl3",
    ]);
    for (const element of feed.dataFeedElement) {
      expect(element["@type"]).toBe("DataFeedItem");
      expect(claimReviewProblems(element.item)).toEqual([]);
    }
    expect(skipped).toEqual([{ claimId: "cl2", reason: "The verdict is not published." }]);
  });
});

describe("claimReviewProblems", () => {
  const valid = () => JSON.parse(JSON.stringify(reviewOf())) as Record<string, any>;
  const pathsOf = (obj: unknown, level?: "required" | "recommended") =>
    claimReviewProblems(obj)
      .filter((p) => !level || p.level === level)
      .map((p) => p.path);

  it("requires claimReviewed, reviewRating with alternateName, and url", () => {
    for (const field of ["claimReviewed", "reviewRating", "url"]) {
      const review = valid();
      delete review[field];
      expect(pathsOf(review, "required"), field).toEqual([field]);
    }
    const review = valid();
    delete review.reviewRating.alternateName;
    expect(pathsOf(review, "required")).toEqual(["reviewRating.alternateName"]);
    expect(pathsOf({ ...valid(), claimReviewed: "  " }, "required")).toEqual(["claimReviewed"]);
    expect(pathsOf({ ...valid(), url: "javascript:alert(1)" }, "required")).toEqual(["url"]);
  });

  it("requires the schema.org context and the ClaimReview type", () => {
    expect(pathsOf({ ...valid(), "@context": "http://www.w3.org/ns/anno.jsonld" })).toEqual(["@context"]);
    expect(pathsOf({ ...valid(), "@type": "Review" })).toEqual(["@type"]);
    expect(pathsOf({ ...valid(), reviewRating: { ...valid().reviewRating, "@type": "AggregateRating" } })).toEqual(["reviewRating.@type"]);
    expect(claimReviewProblems(null)).toEqual([{ path: "", level: "required", message: "A ClaimReview must be a JSON object." }]);
    expect(claimReviewProblems([valid()])[0]!.level).toBe("required");
  });

  it("requires the review page to be on the publisher's site", () => {
    expect(pathsOf({ ...valid(), url: "https://elsewhere.example/fact-checks/cl1" }, "required")).toEqual(["url"]);
    expect(pathsOf({ ...valid(), url: "https://www.factcheck.example.org/x" })).toEqual([]);
  });

  it("names each missing recommended field", () => {
    for (const field of ["author", "datePublished", "itemReviewed"]) {
      const review = valid();
      delete review[field];
      expect(pathsOf(review), field).toEqual([field]);
      expect(pathsOf(review, "required")).toEqual([]);
    }
    for (const field of ["author", "datePublished", "appearance"]) {
      const review = valid();
      delete review.itemReviewed[field];
      expect(pathsOf(review), field).toEqual([`itemReviewed.${field}`]);
    }
    const review = valid();
    delete review.author.name;
    expect(pathsOf(review)).toEqual(["author.name"]);
    expect(pathsOf({ ...valid(), author: { "@type": "Person", name: "Ada" } })).toEqual(["author"]);
    expect(pathsOf({ ...valid(), itemReviewed: { ...valid().itemReviewed, "@type": "CreativeWork" } })).toEqual(["itemReviewed"]);
  });

  it("checks the numbers of an ordinal rating", () => {
    const withRating = (rating: Record<string, unknown>) => ({ ...valid(), reviewRating: { "@type": "Rating", alternateName: "False", ...rating } });
    expect(pathsOf(withRating({}))).toEqual([]);
    expect(pathsOf(withRating({ ratingValue: 1 }))).toEqual(["reviewRating.bestRating", "reviewRating.worstRating"]);
    expect(pathsOf(withRating({ ratingValue: 1, bestRating: 1, worstRating: 5 }))).toEqual(["reviewRating.bestRating"]);
    expect(pathsOf(withRating({ ratingValue: 6, bestRating: 5, worstRating: 1 }))).toEqual(["reviewRating.ratingValue"]);
    expect(pathsOf(withRating({ ratingValue: 2.5, bestRating: 5, worstRating: 1 }))).toEqual(["reviewRating.ratingValue"]);
    expect(pathsOf(withRating({ ratingValue: "2", bestRating: 5, worstRating: 1 }))).toEqual(["reviewRating.ratingValue"]);
  });

  it("checks dates, appearances and the length of claimReviewed", () => {
    expect(pathsOf({ ...valid(), datePublished: "3 May 2024" })).toEqual(["datePublished"]);
    expect(pathsOf({ ...valid(), datePublished: "2024-05-03" })).toEqual([]);
    expect(pathsOf({ ...valid(), itemReviewed: { ...valid().itemReviewed, appearance: "https://a.example/x" } })).toEqual([]);
    expect(pathsOf({ ...valid(), itemReviewed: { ...valid().itemReviewed, appearance: ["https://a.example/x", { url: "nope" }] } })).toEqual([
      "itemReviewed.appearance[1].url",
    ]);
    expect(pathsOf({ ...valid(), claimReviewed: "Mostly false: 303 people fell victim to mines" })).toEqual(["claimReviewed"]);
    expect(pathsOf({ ...valid(), claimReviewed: "Mostly false figures were published in 2020" })).toEqual([]);
    const long = claimReviewProblems({ ...valid(), claimReviewed: "x".repeat(76) });
    expect(long).toEqual([{ path: "claimReviewed", level: "recommended", message: "Keep the claim reviewed under 75 characters (it has 76)." }]);
  });
});
