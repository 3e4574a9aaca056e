import "server-only";
import { z } from "zod";
import { planTagMerge } from "../tag-merge";
import { recordActivity } from "./activity";
import { db } from "./db";
import { Conflict, Invalid, NotFound } from "./errors";
import { requireRole, type Actor } from "./permissions";
import { parseInput } from "./validate";

// The workspace's claim taxonomy. Editors manage tags; checkers apply them (claims.ts). A retired
// tag stays on the claims that carry it but can no longer be applied; merging moves every claim
// of one tag to another and deletes the first.

export type TagDTO = { id: string; name: string; color: string; retired: boolean; usage: number };

export const MAX_TAG_NAME = 40;

const IdSchema = z.string({ error: "Choose a tag." }).min(1, "Choose a tag.").max(100);

const TagNameSchema = z
  .string({ error: "Enter a name for the tag." })
  .transform((v) => v.normalize("NFC").replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, "Enter a name for the tag.")
      .max(MAX_TAG_NAME, `A tag name has at most ${MAX_TAG_NAME} characters.`),
  );

const ColorSchema = z
  .string({ error: "Choose a colour." })
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour written as #rrggbb, e.g. #4f7cac.")
  .transform((v) => v.toLowerCase());

export const ListTagsSchema = z.object({ workspaceId: z.string(), includeRetired: z.boolean().optional() });
export type ListTagsInput = z.input<typeof ListTagsSchema>;
export const CreateTagSchema = z.object({ workspaceId: z.string(), name: TagNameSchema, color: ColorSchema });
export type CreateTagInput = z.input<typeof CreateTagSchema>;
export const RenameTagSchema = z.object({ workspaceId: z.string(), tagId: IdSchema, name: TagNameSchema });
export type RenameTagInput = z.input<typeof RenameTagSchema>;
export const RecolorTagSchema = z.object({ workspaceId: z.string(), tagId: IdSchema, color: ColorSchema });
export type RecolorTagInput = z.input<typeof RecolorTagSchema>;
export const TagRefSchema = z.object({ workspaceId: z.string(), tagId: IdSchema });
export type TagRefInput = z.input<typeof TagRefSchema>;
export const MergeTagsSchema = z
  .object({ workspaceId: z.string(), sourceTagId: IdSchema, targetTagId: IdSchema })
  .refine((v) => v.sourceTagId !== v.targetTagId, { message: "Choose two different tags.", path: ["targetTagId"] });
export type MergeTagsInput = z.input<typeof MergeTagsSchema>;

function workspaceIdOf(input: unknown): string {
  const id = (input as { workspaceId?: unknown } | null)?.workspaceId;
  return typeof id === "string" ? id : "";
}

// Claims whose highlight was deleted no longer count as uses of a tag.
const liveUsage = { _count: { select: { claims: { where: { claim: { highlight: { deletedAt: null } } } } } } } as const;
const tagSelect = { id: true, name: true, color: true, retiredAt: true, ...liveUsage } as const;

function toDTO(tag: { id: string; name: string; color: string; retiredAt: Date | null; _count: { claims: number } }): TagDTO {
  return { id: tag.id, name: tag.name, color: tag.color, retired: tag.retiredAt !== null, usage: tag._count.claims };
}

async function findTag(workspaceId: string, tagId: string) {
  const tag = await db().tag.findFirst({ where: { id: tagId, workspaceId }, select: { id: true, name: true, color: true, retiredAt: true } });
  if (!tag) throw new NotFound("tag");
  return tag;
}

/** Names are unique per workspace regardless of case ("Health" and "health" are one tag). */
async function assertNameFree(workspaceId: string, name: string, exceptId?: string) {
  const others = await db().tag.findMany({ where: { workspaceId, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true, retiredAt: true } });
  const clash = others.find((t) => t.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  if (clash) {
    const message = clash.retiredAt
      ? `A retired tag is already called “${clash.name}”; restore it instead.`
      : `There is already a tag called “${clash.name}”.`;
    throw new Invalid(message, { name: [message] });
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Tags in name order, with how many live claims carry each. Any member may read them. */
export async function listTags(actor: Actor, input: ListTagsInput): Promise<TagDTO[]> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "viewer");
  const { includeRetired } = parseInput(ListTagsSchema, input);
  const tags = await db().tag.findMany({
    where: { workspaceId: ws.id, ...(includeRetired ? {} : { retiredAt: null }) },
    select: tagSelect,
  });
  return tags.map(toDTO).sort((a, b) => a.name.localeCompare(b.name));
}

export async function createTag(actor: Actor, input: CreateTagInput): Promise<TagDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "editor");
  const { name, color } = parseInput(CreateTagSchema, input);
  await assertNameFree(ws.id, name);
  try {
    return await db().$transaction(async (tx) => {
      const tag = await tx.tag.create({ data: { workspaceId: ws.id, name, color }, select: tagSelect });
      await recordActivity(tx, { workspaceId: ws.id, actorId: actor.userId, action: "tag.created", entityType: "tag", entityId: tag.id, data: { name, color } });
      return toDTO(tag);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Invalid(`There is already a tag called “${name}”.`, { name: [`There is already a tag called “${name}”.`] });
    throw error;
  }
}

export async function renameTag(actor: Actor, input: RenameTagInput): Promise<TagDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "editor");
  const { tagId, name } = parseInput(RenameTagSchema, input);
  const tag = await findTag(ws.id, tagId);
  if (tag.name === name) throw new Invalid("The tag already has this name.", { name: ["The tag already has this name."] });
  await assertNameFree(ws.id, name, tag.id);
  try {
    return await db().$transaction(async (tx) => {
      const updated = await tx.tag.update({ where: { id: tag.id }, data: { name }, select: tagSelect });
      await recordActivity(tx, { workspaceId: ws.id, actorId: actor.userId, action: "tag.renamed", entityType: "tag", entityId: tag.id, data: { from: tag.name, to: name } });
      return toDTO(updated);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Invalid(`There is already a tag called “${name}”.`, { name: [`There is already a tag called “${name}”.`] });
    throw error;
  }
}

export async function recolorTag(actor: Actor, input: RecolorTagInput): Promise<TagDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "editor");
  const { tagId, color } = parseInput(RecolorTagSchema, input);
  const tag = await findTag(ws.id, tagId);
  return db().$transaction(async (tx) => {
    const updated = await tx.tag.update({ where: { id: tag.id }, data: { color }, select: tagSelect });
    await recordActivity(tx, { workspaceId: ws.id, actorId: actor.userId, action: "tag.recolored", entityType: "tag", entityId: tag.id, data: { from: tag.color, to: color } });
    return toDTO(updated);
  });
}

/** A retired tag stays on its claims (history stays true) but is no longer offered or accepted. */
export async function retireTag(actor: Actor, input: TagRefInput): Promise<TagDTO> {
  return setRetired(actor, input, true);
}

export async function restoreTag(actor: Actor, input: TagRefInput): Promise<TagDTO> {
  return setRetired(actor, input, false);
}

async function setRetired(actor: Actor, input: TagRefInput, retire: boolean): Promise<TagDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "editor");
  const { tagId } = parseInput(TagRefSchema, input);
  const tag = await findTag(ws.id, tagId);
  if ((tag.retiredAt !== null) === retire) {
    throw new Conflict(retire ? "This tag is already retired." : "This tag is not retired.");
  }
  return db().$transaction(async (tx) => {
    const updated = await tx.tag.update({ where: { id: tag.id }, data: { retiredAt: retire ? new Date() : null }, select: tagSelect });
    await recordActivity(tx, {
      workspaceId: ws.id,
      actorId: actor.userId,
      action: retire ? "tag.retired" : "tag.restored",
      entityType: "tag",
      entityId: tag.id,
      data: { name: tag.name },
    });
    return toDTO(updated);
  });
}

export type MergeTagsResult = { target: TagDTO; moved: number; alreadyTagged: number };

/**
 * Moves every claim of the source tag to the target (a claim that had both keeps one link) and
 * deletes the source, in one transaction. The target must be active: merging into a retired tag
 * would quietly hide the source's claims from the taxonomy.
 */
export async function mergeTags(actor: Actor, input: MergeTagsInput): Promise<MergeTagsResult> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "editor");
  const { sourceTagId, targetTagId } = parseInput(MergeTagsSchema, input);
  const [source, target] = await Promise.all([findTag(ws.id, sourceTagId), findTag(ws.id, targetTagId)]);
  if (target.retiredAt) {
    const message = `“${target.name}” is retired; restore it or merge into an active tag.`;
    throw new Invalid(message, { targetTagId: [message] });
  }
  return db().$transaction(async (tx) => {
    // Write first: on SQLite a transaction that reads and then writes fails at once (SQLITE_BUSY,
    // no waiting) if another process wrote meanwhile; a first write takes the lock up front. It
    // doubles as the check that the target is still active.
    const stillActive = await tx.tag.updateMany({ where: { id: target.id, retiredAt: null }, data: { retiredAt: null } });
    if (stillActive.count !== 1) throw new Conflict(`“${target.name}” was retired or removed meanwhile; reload.`);
    // Read inside the transaction so claims tagged meanwhile are moved too.
    const [fromSource, onTarget] = await Promise.all([
      tx.claimTag.findMany({ where: { tagId: source.id }, select: { claimId: true } }),
      tx.claimTag.findMany({ where: { tagId: target.id }, select: { claimId: true } }),
    ]);
    const plan = planTagMerge(
      fromSource.map((c) => c.claimId),
      onTarget.map((c) => c.claimId),
    );
    if (plan.add.length) await tx.claimTag.createMany({ data: plan.add.map((claimId) => ({ claimId, tagId: target.id })) });
    await tx.tag.delete({ where: { id: source.id } });
    await recordActivity(tx, {
      workspaceId: ws.id,
      actorId: actor.userId,
      action: "tag.merged",
      entityType: "tag",
      entityId: target.id,
      data: { source: { id: source.id, name: source.name }, target: { id: target.id, name: target.name }, moved: plan.add.length, alreadyTagged: plan.alreadyTagged },
    });
    const merged = await tx.tag.findUniqueOrThrow({ where: { id: target.id }, select: tagSelect });
    return { target: toDTO(merged), moved: plan.add.length, alreadyTagged: plan.alreadyTagged };
  });
}

/**
 * The active tags of the workspace with these ids, for claims; any unknown, foreign or retired id
 * makes the whole input Invalid, so a claim never gets half its tags.
 */
export async function requireApplicableTags(
  workspaceId: string,
  tagIds: readonly string[],
  field = "tagIds",
): Promise<Array<{ id: string; name: string; color: string }>> {
  const ids = [...new Set(tagIds)];
  if (ids.length === 0) return [];
  const tags = await db().tag.findMany({ where: { id: { in: ids }, workspaceId }, select: { id: true, name: true, color: true, retiredAt: true } });
  if (tags.length !== ids.length) {
    throw new Invalid("One of the chosen tags does not exist in this workspace.", { [field]: ["One of the chosen tags does not exist in this workspace."] });
  }
  const retired = tags.find((t) => t.retiredAt);
  if (retired) {
    const message = `The tag “${retired.name}” is retired and can no longer be applied.`;
    throw new Invalid(message, { [field]: [message] });
  }
  return tags.map(({ id, name, color }) => ({ id, name, color }));
}
