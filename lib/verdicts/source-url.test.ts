import { describe, expect, it } from "vitest";
import { normaliseSourceUrl, sameSource, sourceKey } from "./source-url";

const ok = (url: string) => ({ ok: true, url });
const refused = (message: string | RegExp) => ({ ok: false, message: typeof message === "string" ? message : expect.stringMatching(message) });

describe("normaliseSourceUrl", () => {
  it("trims, lower-cases scheme and host, drops the default port, the fragment and tracking", () => {
    expect(normaliseSourceUrl(" https://Example.org:443/a?utm_source=x&b=1#frag")).toEqual(ok("https://example.org/a?b=1"));
    expect(normaliseSourceUrl("HTTP://WWW.Example.ORG:80/Path/Case")).toEqual(ok("http://www.example.org/Path/Case"));
  });

  it("keeps a non-default port, the path's case and the other parameters in order and as written", () => {
    expect(normaliseSourceUrl("https://example.org:8443/Report.PDF?z=1&utm_medium=a&a=b%20c&flag&fbclid=XYZ&gclid=1&UTM_Campaign=q")).toEqual(
      ok("https://example.org:8443/Report.PDF?z=1&a=b%20c&flag"),
    );
  });

  it("drops the question mark when only tracking parameters were there", () => {
    expect(normaliseSourceUrl("https://example.org/?utm_source=newsletter&utm_medium=email")).toEqual(ok("https://example.org/"));
    expect(normaliseSourceUrl("https://example.org/a?")).toEqual(ok("https://example.org/a"));
  });

  it("adds the root path and resolves dot segments", () => {
    expect(normaliseSourceUrl("https://example.org")).toEqual(ok("https://example.org/"));
    expect(normaliseSourceUrl("https://example.org/a/../b/./c")).toEqual(ok("https://example.org/b/c"));
  });

  it("writes international host names in punycode", () => {
    expect(normaliseSourceUrl("https://Bücher.example/straße")).toEqual(ok("https://xn--bcher-kva.example/stra%C3%9Fe"));
  });

  it.each([
    ["JaVaScRiPt:alert(1)", /“javascript:”/],
    ["javascript://example.org/%0Aalert(1)", /“javascript:”/],
    ["data:text/html,<script>alert(1)</script>", /“data:”/],
    ["file:///etc/passwd", /“file:”/],
    ["ftp://example.org/file", /“ftp:”/],
    ["mailto:desk@example.org", /“mailto:”/],
  ])("refuses %s", (input, message) => {
    expect(normaliseSourceUrl(input)).toEqual(refused(message));
    expect(normaliseSourceUrl(input)).toEqual(refused(/Only web links \(http or https\)/));
  });

  it("refuses control characters the parser would silently remove", () => {
    expect(normaliseSourceUrl("java\tscript:alert(1)")).toEqual(refused(/control characters/));
    expect(normaliseSourceUrl("https://exa\nmple.org/")).toEqual(refused(/control characters/));
  });

  it.each(["//example.org", "example.org/page", "www.example.org", "example.org:8080/x", "/relative/path"])(
    "asks for the scheme on %s",
    (input) => {
      expect(normaliseSourceUrl(input)).toEqual(refused("Enter the full link, starting with https:// or http://."));
    },
  );

  it("refuses links without a host or with credentials", () => {
    expect(normaliseSourceUrl("http://")).toEqual(refused("This is not a valid web link."));
    expect(normaliseSourceUrl("https://exa mple.org/")).toEqual(refused("This is not a valid web link."));
    expect(normaliseSourceUrl("https://user:secret@example.org/")).toEqual(refused(/user name or password/));
  });

  it("refuses empty input", () => {
    expect(normaliseSourceUrl("")).toEqual(refused("Enter the link to the source."));
    expect(normaliseSourceUrl("   \n ")).toEqual(refused("Enter the link to the source."));
  });

  it("accepts 2,048 characters and refuses more", () => {
    const base = "https://example.org/";
    const longest = base + "a".repeat(2048 - base.length);
    expect(normaliseSourceUrl(longest)).toEqual(ok(longest));
    expect(normaliseSourceUrl(longest + "a")).toEqual(refused("Links can be at most 2,048 characters."));
    // Within the limit as typed, over it once encoded.
    expect(normaliseSourceUrl(base + "é".repeat(1000))).toEqual(refused("Links can be at most 2,048 characters."));
  });

  it("is idempotent", () => {
    for (const input of [" https://Example.org:443/a?utm_source=x&b=1#frag", "https://Bücher.example/straße?q=a%20b&x"]) {
      const first = normaliseSourceUrl(input);
      expect(first.ok && normaliseSourceUrl(first.url)).toEqual(first);
    }
  });
});

describe("sameSource", () => {
  it("treats tracking, fragment, case of host, default port, scheme, www and a trailing slash as the same page", () => {
    const page = "https://www.example.org/news/item";
    for (const other of [
      "http://example.org/news/item/",
      "HTTPS://EXAMPLE.org:443/news/item#comments",
      "https://example.org/news/item?utm_source=x",
    ]) {
      expect(sameSource(page, other)).toBe(true);
    }
  });

  it("tells different pages apart", () => {
    expect(sameSource("https://example.org/a", "https://example.org/A")).toBe(false);
    expect(sameSource("https://example.org/a?id=1", "https://example.org/a?id=2")).toBe(false);
    expect(sameSource("https://example.org/a", "https://example.org:8080/a")).toBe(false);
    expect(sameSource("https://example.org/a", "https://news.example.org/a")).toBe(false);
  });

  it("never matches an invalid link, not even itself", () => {
    expect(sameSource("javascript:alert(1)", "javascript:alert(1)")).toBe(false);
    expect(sourceKey("//example.org")).toBeNull();
  });
});
