// What Google's fact-check documentation asks of a ClaimReview, as a checker over plain JSON: the
// generator's output is tested against it, and a published feed can be checked before it goes out.
// "required" problems make Google ignore the markup; "recommended" ones lose information readers
// would see (who said it, when, where).

export type ClaimReviewProblem = {
  /** Where in the object, e.g. "reviewRating.alternateName". */
  path: string;
  level: "required" | "recommended";
  message: string;
};

/** Google advises a short claimReviewed; longer ones are cut in search results. */
export const CLAIM_REVIEWED_ADVISED_LENGTH = 75;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

function typesOf(node: Json): string[] {
  const t = node["@type"];
  if (typeof t === "string") return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === "string");
  return [];
}

const hasType = (node: Json, ...wanted: string[]) => typesOf(node).some((t) => wanted.includes(t));

function httpUrl(value: unknown): URL | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}

// ISO 8601 date or date-time, as schema.org Date/DateTime.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const isIsoDate = (v: unknown) => typeof v === "string" && ISO_DATE.test(v) && !Number.isNaN(Date.parse(v));

/** A name-bearing Person or Organization (what `author` may be). */
function checkAgent(value: unknown, path: string, what: string, allowed: readonly string[], problems: ClaimReviewProblem[]): void {
  const kinds = allowed.join(" or ");
  if (value === undefined) problems.push({ path, level: "recommended", message: `Name the ${what} (${kinds}).` });
  else if (!isObject(value) || !hasType(value, ...allowed))
    problems.push({ path, level: "recommended", message: `The ${what} must be given as ${kinds} with a name.` });
  else if (!isNonEmptyString(value.name)) problems.push({ path: `${path}.name`, level: "recommended", message: `Give the ${what}'s name.` });
}

function checkRating(rating: unknown, problems: ClaimReviewProblem[]): void {
  if (!isObject(rating)) {
    problems.push({ path: "reviewRating", level: "required", message: "Give the verdict as a Rating object." });
    return;
  }
  if (!hasType(rating, "Rating")) problems.push({ path: "reviewRating.@type", level: "required", message: 'The rating\'s @type must be "Rating".' });
  if (!isNonEmptyString(rating.alternateName))
    problems.push({ path: "reviewRating.alternateName", level: "required", message: "Give the verdict in words (alternateName), e.g. “Mostly false”." });

  const { ratingValue, bestRating, worstRating } = rating;
  const numeric = [ratingValue, bestRating, worstRating].some((v) => v !== undefined);
  if (!numeric) return; // A level outside the truth order has only a name: that is allowed.
  // Without best and worst, schema.org assumes 5 and 1, which would misstate any other scale.
  for (const [key, value] of [["ratingValue", ratingValue], ["bestRating", bestRating], ["worstRating", worstRating]] as const) {
    if (value === undefined) problems.push({ path: `reviewRating.${key}`, level: "recommended", message: `With a numeric rating, give ${key} too.` });
    else if (typeof value !== "number" || !Number.isInteger(value))
      problems.push({ path: `reviewRating.${key}`, level: "recommended", message: `${key} must be a whole number.` });
  }
  if (typeof bestRating === "number" && typeof worstRating === "number") {
    if (!(bestRating > worstRating))
      problems.push({ path: "reviewRating.bestRating", level: "recommended", message: "bestRating must be greater than worstRating (higher means truer)." });
    else if (typeof ratingValue === "number" && (ratingValue < worstRating || ratingValue > bestRating))
      problems.push({ path: "reviewRating.ratingValue", level: "recommended", message: "ratingValue must lie between worstRating and bestRating." });
  }
}

function checkAppearance(value: unknown, problems: ClaimReviewProblem[]): void {
  const path = "itemReviewed.appearance";
  if (value === undefined) {
    problems.push({ path, level: "recommended", message: "Link where the claim appeared (a URL or a CreativeWork with a url)." });
    return;
  }
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) problems.push({ path, level: "recommended", message: "Link where the claim appeared." });
  items.forEach((item, i) => {
    const at = Array.isArray(value) ? `${path}[${i}]` : path;
    if (typeof item === "string") {
      if (!httpUrl(item)) problems.push({ path: at, level: "recommended", message: "The appearance must be an http(s) URL." });
    } else if (!isObject(item)) {
      problems.push({ path: at, level: "recommended", message: "The appearance must be a URL or a CreativeWork." });
    } else if (!httpUrl(item.url)) {
      problems.push({ path: `${at}.url`, level: "recommended", message: "Give the http(s) URL where the claim appeared." });
    }
  });
}

function checkClaim(item: unknown, problems: ClaimReviewProblem[]): void {
  if (item === undefined) {
    problems.push({ path: "itemReviewed", level: "recommended", message: "Describe the claim reviewed (itemReviewed: a Claim)." });
    return;
  }
  if (!isObject(item) || !hasType(item, "Claim")) {
    problems.push({ path: "itemReviewed", level: "recommended", message: "itemReviewed must be a Claim object." });
    return;
  }
  checkAgent(item.author, "itemReviewed.author", "speaker", ["Person", "Organization"], problems);
  if (item.datePublished === undefined)
    problems.push({ path: "itemReviewed.datePublished", level: "recommended", message: "Give the date the claim was made." });
  else if (!isIsoDate(item.datePublished))
    problems.push({ path: "itemReviewed.datePublished", level: "recommended", message: "Dates are ISO 8601, e.g. 2024-05-01." });
  checkAppearance(item.appearance, problems);
}

/** Everything wrong with one ClaimReview (a standalone JSON-LD object). Empty when it is complete. */
export function claimReviewProblems(obj: unknown): ClaimReviewProblem[] {
  const problems: ClaimReviewProblem[] = [];
  if (!isObject(obj)) return [{ path: "", level: "required", message: "A ClaimReview must be a JSON object." }];

  // Google reads JSON-LD only with the schema.org context, and only typed roots.
  const context = obj["@context"];
  if (context !== "https://schema.org" && context !== "http://schema.org" && context !== "https://schema.org/")
    problems.push({ path: "@context", level: "required", message: 'The @context must be "https://schema.org".' });
  if (!hasType(obj, "ClaimReview")) problems.push({ path: "@type", level: "required", message: 'The @type must be "ClaimReview".' });

  if (!isNonEmptyString(obj.claimReviewed)) {
    problems.push({ path: "claimReviewed", level: "required", message: "Say what claim was reviewed (claimReviewed)." });
  } else if (obj.claimReviewed.length > CLAIM_REVIEWED_ADVISED_LENGTH) {
    problems.push({
      path: "claimReviewed",
      level: "recommended",
      message: `Keep the claim reviewed under ${CLAIM_REVIEWED_ADVISED_LENGTH} characters (it has ${obj.claimReviewed.length}).`,
    });
  }

  checkRating(obj.reviewRating, problems);
  // The claim as it was made, not the verdict on it ("False: …" would be read as part of the claim).
  const verdictName = isObject(obj.reviewRating) && isNonEmptyString(obj.reviewRating.alternateName) ? obj.reviewRating.alternateName.trim() : "";
  if (verdictName && isNonEmptyString(obj.claimReviewed)) {
    const head = obj.claimReviewed.trim().toLocaleLowerCase();
    const name = verdictName.toLocaleLowerCase();
    if (head.startsWith(name) && /^\s*[:\-–—|]/.test(head.slice(name.length))) {
      problems.push({ path: "claimReviewed", level: "recommended", message: "State the claim itself; the verdict belongs in reviewRating, not in claimReviewed." });
    }
  }

  const url = httpUrl(obj.url);
  if (!url) problems.push({ path: "url", level: "required", message: "Give the http(s) address of the fact-check page (url)." });

  checkAgent(obj.author, "author", "publisher", ["Organization"], problems);
  // The review page must live on the publisher's own site.
  if (url && isObject(obj.author) && obj.author.url !== undefined) {
    const home = httpUrl(obj.author.url);
    if (!home) problems.push({ path: "author.url", level: "recommended", message: "The publisher's url must be an http(s) address." });
    else if (url.hostname !== home.hostname && !url.hostname.endsWith(`.${home.hostname}`))
      problems.push({ path: "url", level: "required", message: `The fact-check page must be on the publisher's site (${home.hostname}).` });
  }

  if (obj.datePublished === undefined)
    problems.push({ path: "datePublished", level: "recommended", message: "Give the date the fact-check was published." });
  else if (!isIsoDate(obj.datePublished))
    problems.push({ path: "datePublished", level: "recommended", message: "Dates are ISO 8601, e.g. 2024-05-01." });

  checkClaim(obj.itemReviewed, problems);
  return problems;
}
