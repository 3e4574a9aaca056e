import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { translucent, USER_COLORS, userColor } from "./user-colors";

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

describe("translucent", () => {
  it("turns #rrggbb into rgba", () => {
    expect(translucent("#ff8000", 0.25)).toBe("rgba(255, 128, 0, 0.25)");
    expect(() => translucent("red")).toThrow(RangeError);
  });
});
