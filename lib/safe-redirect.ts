/**
 * Where to go after signing in, from a user-supplied value: only paths on this site. An absolute
 * URL keeps just its path, so a link crafted to bounce people to another site lands here instead.
 */
export function safeRedirectPath(value: string | null | undefined, fallback = "/"): string {
  if (!value) return fallback;
  let candidate = value.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(candidate)) {
    try {
      const url = new URL(candidate);
      candidate = `${url.pathname}${url.search}${url.hash}`;
    } catch {
      return fallback;
    }
  }
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\")) return fallback;
  // Sending someone back to the sign-in or setup page after signing in would be a loop.
  if (/^\/(sign-in|setup)(\/|\?|#|$)/.test(candidate)) return fallback;
  return candidate;
}
