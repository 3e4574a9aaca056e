// The "claim reviewed" sentence (schema.org ClaimReview's claimReviewed): what a claim highlight
// starts with, proposed from its quote. Pure, so the workbench in the browser proposes exactly
// what the server stored and the page need not send a claim's sentence while it is the proposal.

export const MAX_CLAIM_REVIEWED = 280;

/** One line, single spaces, NFC: the "claim reviewed" sentence as ClaimReview publishes it. */
export function normaliseClaimReviewed(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** The quote as a first "claim reviewed": whitespace normalised, cut at a word near 280 chars. */
export function proposeClaimReviewed(quote: string): string {
  const text = normaliseClaimReviewed(quote);
  if (text.length <= MAX_CLAIM_REVIEWED) return text;
  let cut = text.slice(0, MAX_CLAIM_REVIEWED - 1);
  const space = cut.lastIndexOf(" ");
  if (space > MAX_CLAIM_REVIEWED * 0.6) cut = cut.slice(0, space);
  // Never end on half an emoji.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
