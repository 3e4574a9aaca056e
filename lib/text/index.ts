export { normaliseText, splitParagraphs } from "./normalise";
export { contentHash, hashNormalisedText } from "./content-hash";
export { proposeTitle, looksLikeHeadline, looksLikeDateline, MAX_TITLE_LENGTH } from "./title";
