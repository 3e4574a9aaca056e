// Source and archive links: only http(s) is stored (a javascript: or data: link would run in a
// reader's browser), written one canonical way so the same page added twice is recognised.
// Pure; WHATWG URL does the hard parts (IDN → punycode, default ports, dot segments).

export const SOURCE_URL_MAX = 2048;

export type NormalisedUrl = { ok: true; url: string } | { ok: false; message: string };

// Parameters that only say how the reader arrived; dropping them makes shared links comparable.
const TRACKING_PARAMS = new Set([
  "fbclid",
  "gclid",
  "gclsrc",
  "dclid",
  "msclkid",
  "yclid",
  "twclid",
  "igshid",
  "mc_cid",
  "mc_eid",
  "_hsenc",
  "_hsmi",
]);

const isTrackingParam = (name: string) => {
  const key = name.toLowerCase();
  return key.startsWith("utm_") || TRACKING_PARAMS.has(key);
};

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// ASCII controls; the URL parser would silently drop tabs and newlines ("java\tscript:").
const CONTROL = /[\u0000-\u001f\u007f]/;

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return raw;
  }
}

/** The link as it will be stored, or a message for the form. */
export function normaliseSourceUrl(input: string): NormalisedUrl {
  const text = input.trim();
  if (text === "") return { ok: false, message: "Enter the link to the source." };
  if (text.length > SOURCE_URL_MAX)
    return { ok: false, message: `Links can be at most ${SOURCE_URL_MAX.toLocaleString("en")} characters.` };
  if (CONTROL.test(text)) return { ok: false, message: "The link contains invisible control characters; paste it again." };

  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  // "example.org:8080/x" looks like a scheme followed by a port: it is a link missing its scheme.
  const looksLikePort = scheme !== undefined && /^\d/.test(text.slice(scheme.length + 1));
  if (scheme === undefined || looksLikePort)
    return { ok: false, message: "Enter the full link, starting with https:// or http://." };
  if (scheme !== "http" && scheme !== "https")
    return { ok: false, message: `Only web links (http or https) can be added, not “${scheme}:” links.` };

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: "This is not a valid web link." };
  }
  if (url.hostname === "") return { ok: false, message: "This link has no site name." };
  if (url.username !== "" || url.password !== "")
    return { ok: false, message: "Links with a user name or password in them cannot be added." };

  url.hash = "";
  // Filter the raw query rather than via URLSearchParams, which would re-encode what it keeps
  // ("a%20b" → "a+b", "flag" → "flag=").
  const kept = url.search
    .slice(1)
    .split("&")
    .filter((pair) => pair !== "" && !isTrackingParam(decodeName(pair.split("=", 1)[0]!)));
  url.search = kept.length > 0 ? `?${kept.join("&")}` : "";

  const normalised = url.href;
  if (normalised.length > SOURCE_URL_MAX)
    return { ok: false, message: `Links can be at most ${SOURCE_URL_MAX.toLocaleString("en")} characters.` };
  return { ok: true, url: normalised };
}

/**
 * What two links to the same page have in common: the normalised link without the scheme, a
 * leading "www." or a trailing slash (sites serve the same page under each). Null when invalid.
 */
export function sourceKey(input: string): string | null {
  const result = normaliseSourceUrl(input);
  if (!result.ok) return null;
  const url = new URL(result.url);
  const host = url.host.replace(/^www\./, "");
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : "";
  return `${host}${path}${url.search}`;
}

/** Whether two links point at the same source, for the duplicate warning on one claim. */
export function sameSource(a: string, b: string): boolean {
  const keyA = sourceKey(a);
  return keyA !== null && keyA === sourceKey(b);
}
