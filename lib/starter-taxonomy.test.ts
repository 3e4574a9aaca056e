import { describe, expect, it } from "vitest";
import { firstFreeSlug, isValidSlug, slugify, STARTER_RATING_LEVELS, STARTER_TAGS } from "./starter-taxonomy";

describe("starter taxonomy", () => {
  it("orders the rating scale from True (5) down to False (1), with unordered levels last", () => {
    const ordered = STARTER_RATING_LEVELS.filter((l) => l.ordinal !== null);
    expect(ordered.map((l) => [l.label, l.ordinal])).toEqual([
      ["True", 5],
      ["Mostly true", 4],
      ["Half true", 3],
      ["Mostly false", 2],
      ["False", 1],
    ]);
    const unordered = STARTER_RATING_LEVELS.filter((l) => l.ordinal === null).map((l) => l.label);
    expect(unordered).toEqual(["Misleading", "Unproven"]);
    expect(STARTER_RATING_LEVELS.slice(-2).every((l) => l.ordinal === null)).toBe(true);
  });

  it("gives every tag and level a unique name, a colour and (for levels) a description", () => {
    expect(new Set(STARTER_TAGS.map((t) => t.name)).size).toBe(STARTER_TAGS.length);
    expect(new Set(STARTER_RATING_LEVELS.map((l) => l.label)).size).toBe(STARTER_RATING_LEVELS.length);
    for (const item of [...STARTER_TAGS, ...STARTER_RATING_LEVELS]) expect(item.color).toMatch(/^#[0-9a-f]{6}$/);
    for (const level of STARTER_RATING_LEVELS) expect(level.description.length).toBeGreaterThan(10);
    expect(STARTER_TAGS.map((t) => t.name)).toEqual(
      expect.arrayContaining(["statistic", "date", "history", "law", "attribution", "quote", "health", "economy"]),
    );
  });
});

describe("slugs", () => {
  it("derives a lower-case ASCII address from a name", () => {
    expect(slugify("Désinfo Lab — Paris")).toBe("desinfo-lab-paris");
    expect(slugify("  The  Fact   Desk!! ")).toBe("the-fact-desk");
    expect(slugify("Ölçüm 2024")).toBe("olcum-2024");
    expect(slugify("Проверка")).toBe("desk");
    expect(slugify("x")).toBe("x-desk");
    expect(isValidSlug(slugify("a".repeat(200)))).toBe(true);
  });

  it("validates addresses", () => {
    for (const ok of ["ab", "fact-desk", "desk-2", "a1"]) expect(isValidSlug(ok)).toBe(true);
    for (const bad of ["a", "-desk", "desk-", "Desk", "fact desk", "fact--desk", "déjà", "a".repeat(49)]) {
      expect(isValidSlug(bad)).toBe(false);
    }
  });

  it("adds -2, -3 … on a clash", () => {
    expect(firstFreeSlug("desk", [])).toBe("desk");
    expect(firstFreeSlug("desk", ["desk"])).toBe("desk-2");
    expect(firstFreeSlug("desk", ["desk", "desk-2", "desk-3"])).toBe("desk-4");
  });
});
