import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { assignUserColors, translucent, USER_COLORS, userColor } from "./user-colors";

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The colour painted on white at `alpha`. */
function onWhite(hex: string, alpha: number): string {
  const mix = (i: number) => Math.round(255 - (255 - parseInt(hex.slice(i, i + 2), 16)) * alpha);
  return `#${[1, 3, 5].map((i) => mix(i).toString(16).padStart(2, "0")).join("")}`;
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

describe("userColor", () => {
  it("is stable for an id and always one of the palette's colours", () => {
    for (let i = 0; i < 100; i++) {
      const id = randomUUID();
      expect(userColor(id)).toBe(userColor(id));
      expect(USER_COLORS).toContain(userColor(id));
    }
  });

  it("spreads ids that share a long prefix (cuids) over most of the palette", () => {
    const used = new Set(Array.from({ length: 400 }, (_, i) => userColor(`cmb1x2y3z000${i.toString(36).padStart(4, "0")}abcdef`)));
    expect(used.size).toBeGreaterThanOrEqual(USER_COLORS.length - 2);
  });

  it("has twenty distinct #rrggbb colours", () => {
    expect(USER_COLORS).toHaveLength(20);
    expect(new Set(USER_COLORS).size).toBe(20);
    for (const c of USER_COLORS) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("keeps ink text legible on a translucent highlight and the colour visible as an underline", () => {
    const ink = luminance("#1f2328");
    for (const c of USER_COLORS) {
      // Two highlights layered (alpha 0.3 twice ≈ 0.51) must still leave AAA contrast for body text.
      expect(contrast(ink, luminance(onWhite(c, 0.51)))).toBeGreaterThanOrEqual(7);
      // The full colour as an underline stands out from white (WCAG non-text contrast 3:1 is too
      // strict for mid-tone yellows; 2:1 keeps it clearly visible).
      expect(contrast(luminance(c), 1)).toBeGreaterThanOrEqual(2);
    }
  });
});

/** CIE76 distance in CIELAB: about 2.3 is just noticeable; highlights need far more. */
function deltaE(a: string, b: string): number {
  const lab = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const x = f((0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047);
    const y = f(0.2126 * r + 0.7152 * g + 0.0722 * bl);
    const z = f((0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
  };
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);
}

function closestPair(colors: readonly string[]): number {
  let min = Infinity;
  for (let i = 0; i < colors.length; i++) for (let j = i + 1; j < colors.length; j++) min = Math.min(min, deltaE(colors[i]!, colors[j]!));
  return min;
}

describe("assignUserColors", () => {
  it("gives the members of a desk the palette in joining order: the first twenty all differ", () => {
    const members = Array.from({ length: 20 }, (_, i) => `user-${i}`);
    const colors = assignUserColors(members);
    expect(members.map((id) => colors.get(id))).toEqual([...USER_COLORS]);
    expect(new Set(colors.values()).size).toBe(20);
  });

  it("is stable: someone joining later changes nobody's colour", () => {
    const before = assignUserColors(["ann", "bob", "cem"]);
    const after = assignUserColors(["ann", "bob", "cem", "dee"]);
    for (const id of ["ann", "bob", "cem"]) expect(after.get(id)).toBe(before.get(id));
  });

  it("colours former members after the members, in id order, and wraps around past twenty", () => {
    const colors = assignUserColors(["ann", "bob"], ["zed", "ann", "kim", "zed"]);
    expect([...colors]).toEqual([
      ["ann", USER_COLORS[0]],
      ["bob", USER_COLORS[1]],
      ["kim", USER_COLORS[2]],
      ["zed", USER_COLORS[3]],
    ]);
    const many = assignUserColors(Array.from({ length: 22 }, (_, i) => `u${i}`));
    expect(many.get("u20")).toBe(USER_COLORS[0]);
  });

  it("orders the palette so that small desks get clearly different hues", () => {
    // Blue and indigo (the pair two users once confused) are about 12 apart; a desk of up to
    // eight people never comes close to that, one of up to fifteen stays above 20.
    expect(closestPair(USER_COLORS.slice(0, 4))).toBeGreaterThan(60);
    expect(closestPair(USER_COLORS.slice(0, 8))).toBeGreaterThan(30);
    expect(closestPair(USER_COLORS.slice(0, 15))).toBeGreaterThan(20);
  });
});

describe("translucent", () => {
  it("turns #rrggbb into rgba", () => {
    expect(translucent("#ff8000", 0.25)).toBe("rgba(255, 128, 0, 0.25)");
    expect(() => translucent("red")).toThrow(RangeError);
  });
});
