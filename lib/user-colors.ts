// A stable colour per person, for their highlights. Pure: the server sends it with each highlight
// and the editor paints it as a translucent background (about 30 % alpha) with an underline in the
// full colour. The palette is curated rather than generated: twenty mid-tone hues of similar
// weight, each dark enough to read as an underline and light enough, when translucent, to keep ink
// text legible on white.

export const USER_COLORS = [
  "#d9534f", // red
  "#e07b39", // orange
  "#d4a017", // amber
  "#9bb52b", // lime
  "#4caf50", // green
  "#2e9e8f", // teal
  "#26a0c9", // cyan
  "#3f7fd9", // blue
  "#5c6bc0", // indigo
  "#8e5cc7", // violet
  "#c257b5", // magenta
  "#e0668f", // pink
  "#a0522d", // sienna
  "#7d8f2a", // olive
  "#1f7a99", // petrol
  "#b5651d", // copper
  "#708090", // slate
  "#c9a227", // mustard
  "#6a8f6b", // sage
  "#a3547a", // plum
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

/** The colour of a user's highlights: the same id always gets the same colour, on every page. */
export function userColor(userId: string): UserColor {
  return USER_COLORS[fnv1a(userId) % USER_COLORS.length]!;
}

/** `#rrggbb` with an alpha as `rgba(...)`, for translucent highlight backgrounds. */
export function translucent(hex: string, alpha = 0.3): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}
