import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps paths on this site", () => {
    expect(safeRedirectPath("/w/desk/statements?tab=claims")).toBe("/w/desk/statements?tab=claims");
  });

  it("falls back for nothing, protocol-relative and backslash tricks", () => {
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath("")).toBe("/");
    expect(safeRedirectPath("//evil.example/x")).toBe("/");
    expect(safeRedirectPath("/\\evil.example")).toBe("/");
    expect(safeRedirectPath("javascript:alert(1)")).toBe("/");
    expect(safeRedirectPath("statements")).toBe("/");
  });

  it("keeps only the path of an absolute URL", () => {
    expect(safeRedirectPath("http://localhost:3000/account")).toBe("/account");
    expect(safeRedirectPath("https://evil.example/phish")).toBe("/phish");
  });

  it("never sends a signed-in person back to sign-in or setup", () => {
    expect(safeRedirectPath("/sign-in?callbackUrl=/x")).toBe("/");
    expect(safeRedirectPath("/setup")).toBe("/");
    expect(safeRedirectPath("/sign-inside")).toBe("/sign-inside");
  });
});
