// Merging one tag into another: which claims gain the target tag. Pure, so the rule (no claim ends
// up tagged twice, every claim of the source keeps a tag) is tested without a database.

export type TagMergePlan = {
  /** Claims that had only the source tag: they get the target tag. */
  add: string[];
  /** Claims that had both: the source link just goes. */
  alreadyTagged: number;
  /** Claims carrying the target afterwards. */
  totalAfter: number;
};

export function planTagMerge(sourceClaimIds: Iterable<string>, targetClaimIds: Iterable<string>): TagMergePlan {
  const target = new Set(targetClaimIds);
  const add: string[] = [];
  let alreadyTagged = 0;
  for (const id of new Set(sourceClaimIds)) {
    if (target.has(id)) alreadyTagged++;
    else add.push(id);
  }
  return { add, alreadyTagged, totalAfter: target.size + add.length };
}
