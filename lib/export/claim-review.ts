// Published verdicts as schema.org ClaimReview JSON-LD, shaped the way Google's fact-check
// documentation asks (see claim-review-rules.ts, which the output is tested against). One object
// per claim for its public page, and a feed per workspace.
//
// Decisions:
// - Only published verdicts are exported; anything else is skipped with a reason the desk can act on.
// - The feed is a schema.org DataFeed of DataFeedItems, the format of Google's own ClaimReview feed
//   (the Fact Check Markup Tool feed on Data Commons); each item stays a complete, standalone
//   ClaimReview with its own @context so it can be lifted out and checked alone.
// - The review page is `publicBaseUrl/fact-checks/<claim id>`: stable across edits of the claim's
//   wording, unique per claim. The public page route must use claimReviewUrl to match.
// - Numbers (ratingValue, bestRating, worstRating) come from claimReviewRating: only for levels in
//   the truth order, higher is truer. Levels outside it (misleading, unproven) carry only a name.
import { claimReviewRating, type ScaleLevel } from "../verdicts/rating-scale";
import { isoDay, isoInstant, type DateLike, type ExportClaim, type ExportStatement, type ExportWorkspace } from "./types";

export const SCHEMA_ORG = "https://schema.org";
export const CLAIM_REVIEW_PATH = "/fact-checks/";

type Agent = { "@type": "Person" | "Organization"; name: string; jobTitle?: string; url?: string };

export type ClaimReviewRatingJsonLd = {
  "@type": "Rating";
  alternateName: string;
  name: string;
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
  ratingExplanation?: string;
};

export type ClaimReviewJsonLd = {
  "@context": typeof SCHEMA_ORG;
  "@type": "ClaimReview";
  "@id": string;
  url: string;
  claimReviewed: string;
  reviewRating: ClaimReviewRatingJsonLd;
  author: Agent;
  datePublished?: string;
  dateModified?: string;
  itemReviewed: {
    "@type": "Claim";
    author?: Agent;
    datePublished?: string;
    appearance?: { "@type": "CreativeWork"; url: string; headline?: string; datePublished?: string; publisher?: Agent };
  };
};

export type ClaimReviewFeed = {
  "@context": typeof SCHEMA_ORG;
  "@type": "DataFeed";
  name: string;
  url?: string;
  dateModified: string;
  dataFeedElement: Array<{ "@type": "DataFeedItem"; dateCreated?: string; dateModified: string; item: ClaimReviewJsonLd }>;
};

export type ClaimReviewInput = {
  workspace: ExportWorkspace;
  statement: ExportStatement;
  claim: ExportClaim;
  /** The workspace's whole rating scale, retired levels included (old verdicts point at them). */
  levels: readonly ScaleLevel[];
};

export type ClaimReviewResult = { ok: true; claimReview: ClaimReviewJsonLd } | { ok: false; reason: string };

function httpUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/** The public address of a claim's fact-check, or null while the desk has no public base URL. */
export function claimReviewUrl(publicBaseUrl: string, claimId: string): string | null {
  const base = httpUrl(publicBaseUrl);
  if (!base) return null;
  return base.replace(/\/+$/, "") + CLAIM_REVIEW_PATH + encodeURIComponent(claimId);
}

// Words that mark a speaker as an organisation. A guess: the service passes speakerType when it
// knows better. Persons are the default ("Aldana Mirec, President of …").
const ORGANISATION_WORDS = new RegExp(
  `\\b(?:${[
    "ministry", "ministries", "government", "department", "office", "agency", "council", "committee",
    "commission", "parliament", "assembly", "senate", "congress", "embassy", "party", "bank", "company",
    "corporation", "inc", "ltd", "llc", "plc", "gmbh", "university", "institute", "foundation", "association",
    "union", "organi[sz]ation", "service", "administration", "authority", "bureau", "federation", "league",
    "police", "court", "municipality", "secretariat", "presidency", "cabinet", "house", "group", "network",
    "news",
  ].join("|")})\\b`,
  "i",
);
const ACRONYM = /^[A-Z][A-Z0-9&.-]{1,9}$/;

/** The speaker as schema.org sees them: "Name, Title" → a Person with a jobTitle; a ministry → an Organization. */
export function speakerAgent(speaker: string, type?: "Person" | "Organization"): Agent | null {
  const text = speaker.replace(/\s+/g, " ").trim();
  if (text === "") return null;
  const comma = text.indexOf(",");
  const head = comma === -1 ? text : text.slice(0, comma).trim();
  const rest = comma === -1 ? "" : text.slice(comma + 1).trim();
  const kind = type ?? (ORGANISATION_WORDS.test(head) || ACRONYM.test(head) ? "Organization" : "Person");
  if (kind === "Organization") return { "@type": "Organization", name: text };
  return rest ? { "@type": "Person", name: head, jobTitle: rest } : { "@type": "Person", name: head };
}

function publisherOf(workspace: ExportWorkspace): Agent {
  const name = workspace.publisherName.trim() || workspace.name.trim();
  const url = httpUrl(workspace.publicBaseUrl);
  return url ? { "@type": "Organization", name, url } : { "@type": "Organization", name };
}

function optional<K extends string, V>(key: K, value: V | "" | null | undefined): Partial<Record<K, V>> {
  return value === "" || value == null ? {} : ({ [key]: value } as Record<K, V>);
}

/** The ClaimReview of one claim, or why it cannot be published yet. */
export function claimReviewOf({ workspace, statement, claim, levels }: ClaimReviewInput): ClaimReviewResult {
  const verdict = claim.verdict;
  if (!verdict || verdict.status !== "published") return { ok: false, reason: "The verdict is not published." };
  if (!verdict.levelId) return { ok: false, reason: "The verdict has no rating." };
  const rating = claimReviewRating(levels, verdict.levelId);
  if (!rating) return { ok: false, reason: "The verdict's rating is not on the workspace's rating scale." };
  const url = claimReviewUrl(workspace.publicBaseUrl, claim.id);
  if (!url) return { ok: false, reason: "Set the workspace's public base URL to publish fact-checks." };
  const claimReviewed = claim.claimReviewed.replace(/\s+/g, " ").trim();
  if (claimReviewed === "") return { ok: false, reason: "The claim has no “claim reviewed” sentence." };

  const speaker = speakerAgent(statement.speaker, statement.speakerType);
  const appearanceUrl = httpUrl(statement.url);
  const outlet = statement.outlet.trim();
  const statementDay = isoDay(statement.publishedAt);
  const summary = verdict.summary.replace(/\s+/g, " ").trim();

  const claimReview: ClaimReviewJsonLd = {
    "@context": SCHEMA_ORG,
    "@type": "ClaimReview",
    "@id": url,
    url,
    claimReviewed,
    reviewRating: {
      "@type": "Rating",
      ...rating,
      name: rating.alternateName,
      ...optional("ratingExplanation", summary),
    },
    author: publisherOf(workspace),
    ...optional("datePublished", isoInstant(verdict.publishedAt)),
    ...optional("dateModified", isoInstant(verdict.updatedAt)),
    itemReviewed: {
      "@type": "Claim",
      ...optional("author", speaker),
      ...optional("datePublished", statementDay),
      ...(appearanceUrl
        ? {
            appearance: {
              "@type": "CreativeWork",
              url: appearanceUrl,
              ...optional("headline", statement.title.trim()),
              ...optional("datePublished", statementDay),
              ...(outlet ? { publisher: { "@type": "Organization", name: outlet } as Agent } : {}),
            },
          }
        : {}),
    },
  };
  return { ok: true, claimReview };
}

export type FeedEntry = { statement: ExportStatement; claim: ExportClaim };

export type ClaimReviewFeedInput = {
  workspace: ExportWorkspace;
  entries: Iterable<FeedEntry>;
  levels: readonly ScaleLevel[];
  generatedAt: DateLike;
};

/**
 * The workspace's published fact-checks as one DataFeed. Claims that cannot be published are left
 * out and listed in `skipped` with the reason (an unpublished verdict is the common, silent case).
 */
export function claimReviewFeed({ workspace, entries, levels, generatedAt }: ClaimReviewFeedInput): {
  feed: ClaimReviewFeed;
  skipped: Array<{ claimId: string; reason: string }>;
} {
  const items: ClaimReviewFeed["dataFeedElement"] = [];
  const skipped: Array<{ claimId: string; reason: string }> = [];
  for (const { statement, claim } of entries) {
    const result = claimReviewOf({ workspace, statement, claim, levels });
    if (!result.ok) {
      skipped.push({ claimId: claim.id, reason: result.reason });
      continue;
    }
    const review = result.claimReview;
    items.push({
      "@type": "DataFeedItem",
      ...optional("dateCreated", review.datePublished),
      dateModified: review.dateModified ?? review.datePublished ?? isoInstant(generatedAt),
      item: review,
    });
  }
  const publisher = publisherOf(workspace);
  return {
    feed: {
      "@context": SCHEMA_ORG,
      "@type": "DataFeed",
      name: `${publisher.name} fact-checks`,
      ...optional("url", publisher.url),
      dateModified: isoInstant(generatedAt),
      dataFeedElement: items,
    },
    skipped,
  };
}
