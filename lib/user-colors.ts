// A colour per person, for their highlights. Pure: the services put it on each highlight's author
// (lib/server/highlights.ts) and the editor paints it as a translucent background (about 30 %
// alpha) with an underline in the full colour. The palette is curated rather than generated:
// twenty mid-tone hues of similar weight, each dark enough to read as an underline and light
// enough, when translucent, to keep ink text legible on white.
//
// Within a desk, colours are handed out by when people joined (assignUserColors): hashing ids let
// two people of one desk land on neighbouring blues. The palette is therefore ordered so that
// every prefix is as spread out as possible (greedy farthest-point order in CIELAB, from blue):
// the first few people of a desk get clearly different hues, and the close pairs of the palette
// (amber/mustard, blue/indigo, orange/copper) only meet in desks of more than fifteen people.

export const USER_COLORS = [
  "#3f7fd9", // blue
  "#d4a017", // amber
  "#e0668f", // pink
  "#2e9e8f", // teal
  "#a0522d", // sienna
  "#4caf50", // green
  "#708090", // slate
  "#8e5cc7", // violet
  "#9bb52b", // lime
  "#26a0c9", // cyan
  "#d9534f", // red
  "#e07b39", // orange
  "#c257b5", // magenta
  "#6a8f6b", // sage
  "#a3547a", // plum
  "#7d8f2a", // olive
  "#1f7a99", // petrol
  "#b5651d", // copper
  "#5c6bc0", // indigo
  "#c9a227", // mustard
] as const;

export type UserColor = (typeof USER_COLORS)[number];

/** FNV-1a: tiny, fast, and spreads similar ids (cuids share long prefixes) across the palette. */
function fnv1a(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A colour from the id alone: the same id always gets the same colour, on every page, but two
 * people may share one. Prefer assignUserColors where the desk's members are known.
 */
export function userColor(userId: string): UserColor {
  return USER_COLORS[fnv1a(userId) % USER_COLORS.length]!;
}

/** The colour of the desk's n-th member by joining order (from 0); wraps around past twenty. */
export function deskColor(joiningIndex: number): UserColor {
  return USER_COLORS[joiningIndex % USER_COLORS.length]!;
}

/**
 * The colours of one desk: the n-th member to join gets the n-th palette colour, so the first
 * twenty people all differ and a colour stays put while the membership does. `others` (authors
 * who have since left the desk) get the colours after the members', in id order.
 */
export function assignUserColors(membersByJoining: readonly string[], others: Iterable<string> = []): Map<string, UserColor> {
  const colors = new Map<string, UserColor>();
  const give = (id: string) => {
    if (!colors.has(id)) colors.set(id, deskColor(colors.size));
  };
  membersByJoining.forEach(give);
  [...new Set(others)].filter((id) => !colors.has(id)).sort().forEach(give);
  return colors;
}

/** `#rrggbb` with an alpha as `rgba(...)`, for translucent highlight backgrounds. */
export function translucent(hex: string, alpha = 0.3): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}
