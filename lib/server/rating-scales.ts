import "server-only";
import { z } from "zod";
import type { Db } from "../db/client";
import { STARTER_RATING_LEVELS, STARTER_RATING_SCALE_NAME } from "../starter-taxonomy";
import {
  addLevel,
  DESCRIPTION_MAX,
  isOrdinal,
  isRetired,
  LABEL_MAX,
  moveLevel,
  newProblems,
  removeLevel,
  reorderLevels,
  restoreLevel,
  retireLevel,
  scaleOrder,
  setInTruthOrder,
  type EditResult,
  type ScaleLevel,
} from "../verdicts/rating-scale";
import { recordActivity } from "./activity";
import { db } from "./db";
import { Conflict, Invalid, NotFound, type FieldErrors } from "./errors";
import { requireRole, type Actor, type WorkspaceAccess } from "./permissions";
import { parseInput } from "./validate";

// The workspace's rating scale. Every member reads it (the desk's reference); editors change it.
// The arithmetic of an edit (where a level goes, how the truth order is renumbered, what the edit
// would break) is the pure core in lib/verdicts/rating-scale.ts; this module loads the scale,
// applies one edit there and writes back the rows that changed, all in one transaction.
//
// Display order, everywhere: the truth order with the truest level first, then the active levels
// outside the order, then (when asked for) retired levels.

export type RatingScaleLevelDTO = {
  id: string;
  label: string;
  color: string;
  description: string;
  /** 1 = least true, contiguous among active levels; null outside the truth order. */
  ordinal: number | null;
  /** Display order over all levels, from 0. */
  position: number;
  retired: boolean;
  /** Verdicts rated with this level now. */
  usage: number;
  /** Whether any verdict or earlier verdict version uses it: such a level can only be retired. */
  inUse: boolean;
};

export type RatingScaleDTO = { id: string; name: string; levels: RatingScaleLevelDTO[] };

const LevelIdSchema = z.string({ error: "Choose a level." }).min(1, "Choose a level.").max(100, "Choose a level.");

const LabelSchema = z
  .string({ error: "Enter a label." })
  .transform((v) => v.normalize("NFC").replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1, "Enter a label.").max(LABEL_MAX, `A label has at most ${LABEL_MAX} characters.`));

const ColorSchema = z
  .string({ error: "Choose a colour." })
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour written as #rrggbb, e.g. #2f7d4f.")
  .transform((v) => v.toLowerCase());

const DescriptionSchema = z
  .string({ error: "Enter a description or leave it empty." })
  .transform((v) => v.normalize("NFC").replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().max(DESCRIPTION_MAX, `A description has at most ${DESCRIPTION_MAX} characters.`))
  .default("");

// Form checkboxes send "on" or nothing; services called from code send booleans.
const Flag = z.preprocess((v) => {
  if (v === "on" || v === "true" || v === "1" || v === true) return true;
  if (v === undefined || v === null || v === "" || v === "false" || v === "0" || v === false) return false;
  return v;
}, z.boolean({ error: "Choose yes or no." }));

export const GetRatingScaleSchema = z.object({ workspaceId: z.string(), includeRetired: z.boolean().optional() });
export type GetRatingScaleInput = z.input<typeof GetRatingScaleSchema>;
export const CreateRatingLevelSchema = z.object({
  workspaceId: z.string(),
  label: LabelSchema,
  color: ColorSchema,
  description: DescriptionSchema,
  // Missing means outside the order, as an unticked checkbox sends nothing.
  inOrder: Flag.optional().transform((v) => v ?? false),
});
export type CreateRatingLevelInput = z.input<typeof CreateRatingLevelSchema>;
export const UpdateRatingLevelSchema = z.object({
  workspaceId: z.string(),
  levelId: LevelIdSchema,
  label: LabelSchema,
  color: ColorSchema,
  description: DescriptionSchema,
});
export type UpdateRatingLevelInput = z.input<typeof UpdateRatingLevelSchema>;
export const RatingLevelRefSchema = z.object({ workspaceId: z.string(), levelId: LevelIdSchema });
export type RatingLevelRefInput = z.input<typeof RatingLevelRefSchema>;
export const MoveRatingLevelSchema = z.object({
  workspaceId: z.string(),
  levelId: LevelIdSchema,
  direction: z.enum(["up", "down"], { error: "Move a level up or down." }),
});
export type MoveRatingLevelInput = z.input<typeof MoveRatingLevelSchema>;
export const SetTruthOrderSchema = z.object({ workspaceId: z.string(), levelId: LevelIdSchema, inOrder: Flag });
export type SetTruthOrderInput = z.input<typeof SetTruthOrderSchema>;
export const ReorderRatingLevelsSchema = z.object({
  workspaceId: z.string(),
  orderedIds: z.array(LevelIdSchema, { error: "Give the new order of the levels." }).max(200, "A scale has at most 200 levels."),
});
export type ReorderRatingLevelsInput = z.input<typeof ReorderRatingLevelsSchema>;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const levelSelect = {
  id: true,
  label: true,
  color: true,
  description: true,
  ordinal: true,
  position: true,
  retiredAt: true,
  _count: { select: { verdicts: true, versions: true } },
} as const;

type LevelRow = {
  id: string;
  label: string;
  color: string;
  description: string;
  ordinal: number | null;
  position: number;
  retiredAt: Date | null;
  _count: { verdicts: number; versions: number };
};

type Scale = { id: string; name: string; levels: LevelRow[] };

function workspaceIdOf(input: unknown): string {
  const id = (input as { workspaceId?: unknown } | null)?.workspaceId;
  return typeof id === "string" ? id : "";
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

function toDTO(level: LevelRow): RatingScaleLevelDTO {
  return {
    id: level.id,
    label: level.label,
    color: level.color,
    description: level.description,
    ordinal: level.ordinal,
    position: level.position,
    retired: isRetired(level),
    usage: level._count.verdicts,
    inUse: level._count.verdicts + level._count.versions > 0,
  };
}

function toScaleDTO(scale: Scale, includeRetired: boolean): RatingScaleDTO {
  const levels = scaleOrder(scale.levels).filter((l) => includeRetired || !isRetired(l));
  return { id: scale.id, name: scale.name, levels: levels.map(toDTO) };
}

/** The common fact-checking scale every new desk starts from (also used by createWorkspace). */
export async function createStarterScale(tx: Pick<Db, "ratingScale" | "ratingLevel">, workspaceId: string): Promise<{ id: string }> {
  const scale = await tx.ratingScale.create({ data: { workspaceId, name: STARTER_RATING_SCALE_NAME }, select: { id: true } });
  await tx.ratingLevel.createMany({
    data: STARTER_RATING_LEVELS.map((level, position) => ({
      scaleId: scale.id,
      label: level.label,
      color: level.color,
      description: level.description,
      ordinal: level.ordinal,
      position,
    })),
  });
  return scale;
}

async function readScale(client: Pick<Db, "ratingScale">, workspaceId: string): Promise<Scale | null> {
  return client.ratingScale.findUnique({
    where: { workspaceId },
    select: { id: true, name: true, levels: { select: levelSelect, orderBy: { position: "asc" } } },
  });
}

/**
 * The workspace's scale. Desks made before scales existed have none: they get the starter scale
 * the first time anyone looks (two first looks at once: the unique workspaceId lets one win).
 */
async function scaleOf(workspaceId: string): Promise<Scale> {
  const existing = await readScale(db(), workspaceId);
  if (existing) return existing;
  try {
    await db().$transaction(async (tx) => {
      const scale = await createStarterScale(tx, workspaceId);
      await recordActivity(tx, {
        workspaceId,
        actorId: null,
        action: "rating_scale.created",
        entityType: "rating_scale",
        entityId: scale.id,
        data: { name: STARTER_RATING_SCALE_NAME, starter: true },
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const created = await readScale(db(), workspaceId);
  if (!created) throw new NotFound("rating scale");
  return created;
}

/** The scale in display order; retired levels only on request. Any member may read it. */
export async function getRatingScale(actor: Actor, input: GetRatingScaleInput): Promise<RatingScaleDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "viewer");
  const { includeRetired } = parseInput(GetRatingScaleSchema, input);
  return toScaleDTO(await scaleOf(ws.id), includeRetired ?? false);
}

// --- Editing --------------------------------------------------------------------------------------

type Event = { action: string; entityType: "rating_level" | "rating_scale"; entityId?: string; data: Record<string, unknown> };

/** What one edit does: the whole next scale (a new level has id NEW), a level to delete, the event. */
type Plan = { next: ScaleLevel[]; remove?: string; event: Event };

const NEW = "";

function levelOf(scale: Scale, levelId: string): LevelRow {
  const level = scale.levels.find((l) => l.id === levelId);
  if (!level) throw new NotFound("rating level");
  return level;
}

function accepted<L>(result: EditResult<L>): L[] {
  if (!result.ok) throw new Conflict(result.message);
  return result.levels;
}

/** Labels are unique on the scale regardless of case, retired levels included (history reads true). */
function assertLabelFree(scale: Scale, label: string, exceptId?: string) {
  const clash = scale.levels.find((l) => l.id !== exceptId && l.label.toLocaleLowerCase() === label.toLocaleLowerCase());
  if (!clash) return;
  const message = isRetired(clash)
    ? `A retired level is already called “${clash.label}”; restore it instead.`
    : `There is already a level called “${clash.label}”.`;
  throw new Invalid(message, { label: [message] });
}

/**
 * Runs one edit: locks the scale (concurrent edits of one scale take turns), plans the edit on the
 * freshly read levels, refuses it if it leaves the scale with a problem it did not have, writes
 * the changed rows and the event. Returns the scale as it now is and the id of the edited level.
 */
async function editScale(ws: WorkspaceAccess, actor: Actor, plan: (scale: Scale) => Plan): Promise<{ scale: Scale; levelId?: string }> {
  const { id: scaleId } = await scaleOf(ws.id);
  return db().$transaction(async (tx) => {
    // A write first: on PostgreSQL it holds the scale's row until commit, so a second editor's
    // edit plans on top of this one instead of overwriting it.
    await tx.ratingScale.update({ where: { id: scaleId }, data: { workspaceId: ws.id }, select: { id: true } });
    const scale = (await readScale(tx, ws.id))!;
    const { next, remove, event } = plan(scale);

    const problems = newProblems(scale.levels, next);
    if (problems.length > 0) throw new Invalid(problems[0]!.message, fieldErrorsOf(problems));

    if (remove) {
      // Only a level no verdict (nor earlier version of one) points at; decided in the same statement.
      const removed = await tx.ratingLevel.deleteMany({ where: { id: remove, scaleId, verdicts: { none: {} }, versions: { none: {} } } });
      if (removed.count !== 1) throw new Conflict("This level is used by a verdict; retire it instead.");
    }
    const levelId = await writeLevels(tx, scale, next);
    await recordActivity(tx, {
      workspaceId: ws.id,
      actorId: actor.userId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? (event.entityType === "rating_scale" ? scaleId : (levelId ?? "")),
      data: event.data,
    });
    return { scale: (await readScale(tx, ws.id))!, levelId: levelId ?? event.entityId };
  });
}

function fieldErrorsOf(problems: ReturnType<typeof newProblems>): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems) (errors[problem.field ?? "_form"] ??= []).push(problem.message);
  return errors;
}

/** Writes what differs between the stored levels and the planned ones; returns a new level's id. */
async function writeLevels(tx: Tx, scale: Scale, next: readonly ScaleLevel[]): Promise<string | undefined> {
  const stored = new Map(scale.levels.map((l) => [l.id, l]));
  let createdId: string | undefined;
  for (const level of next) {
    const old = stored.get(level.id);
    if (!old) {
      const created = await tx.ratingLevel.create({
        data: {
          scaleId: scale.id,
          label: level.label,
          color: level.color,
          description: level.description ?? "",
          ordinal: level.ordinal,
          position: level.position,
        },
        select: { id: true },
      });
      createdId = created.id;
      continue;
    }
    const data: Record<string, unknown> = {};
    if (old.label !== level.label) data.label = level.label;
    if (old.color !== level.color) data.color = level.color;
    if (old.description !== (level.description ?? "")) data.description = level.description ?? "";
    if (old.ordinal !== level.ordinal) data.ordinal = level.ordinal;
    if (old.position !== level.position) data.position = level.position;
    const retiredAt = level.retiredAt ? new Date(level.retiredAt) : null;
    if ((old.retiredAt?.getTime() ?? null) !== (retiredAt?.getTime() ?? null)) data.retiredAt = retiredAt;
    if (Object.keys(data).length > 0) await tx.ratingLevel.update({ where: { id: level.id }, data, select: { id: true } });
  }
  return createdId;
}

function levelDTOOf(result: { scale: Scale; levelId?: string }): RatingScaleLevelDTO {
  return toDTO(levelOf(result.scale, result.levelId ?? ""));
}

/** A new level at the end of its group: the least true of the truth order, or last outside it. */
export async function createRatingLevel(actor: Actor, input: CreateRatingLevelInput): Promise<RatingScaleLevelDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "editor");
  const { label, color, description, inOrder } = parseInput(CreateRatingLevelSchema, input);
  const result = await editScale(ws, actor, (scale) => {
    assertLabelFree(scale, label);
    return {
      next: addLevel<ScaleLevel>(scale.levels, { id: NEW, label, color, description, ordinal: null, position: 0 }, inOrder),
      event: { action: "rating_level.created", entityType: "rating_level", data: { label, color, description, inOrder } },
    };
  });
  return levelDTOOf(result);
}

export type UpdateRatingLevelResult = { level: RatingScaleLevelDTO; changed: Array<"label" | "color" | "description"> };

/** Renames, recolours and re-describes a level (retired ones too) in one go; no change, no write. */
export async function updateRatingLevel(actor: Actor, input: UpdateRatingLevelInput): Promise<UpdateRatingLevelResult> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "editor");
  const { levelId, label, color, description } = parseInput(UpdateRatingLevelSchema, input);
  const current = levelOf(await scaleOf(ws.id), levelId);
  const after = { label, color, description };
  const changed = (["label", "color", "description"] as const).filter((field) => current[field] !== after[field]);
  if (changed.length === 0) return { level: toDTO(current), changed };
  const result = await editScale(ws, actor, (scale) => {
    const level = levelOf(scale, levelId);
    if (level.label !== label) assertLabelFree(scale, label, levelId);
    const fields = changed.filter((field) => level[field] !== after[field]);
    return {
      next: scale.levels.map((l) => (l.id === levelId ? { ...l, ...after } : l)),
      event: {
        action: "rating_level.updated",
        entityType: "rating_level",
        entityId: levelId,
        data: { label, changes: Object.fromEntries(fields.map((field) => [field, { from: level[field], to: after[field] }])) },
      },
    };
  });
  return { level: levelDTOOf(result), changed };
}

/** One place up (truer) or down, within the truth order or among the levels outside it. */
export async function moveRatingLevel(actor: Actor, input: MoveRatingLevelInput): Promise<RatingScaleLevelDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "editor");
  const { levelId, direction } = parseInput(MoveRatingLevelSchema, input);
  const result = await editScale(ws, actor, (scale) => {
    const level = levelOf(scale, levelId);
    const next = accepted(moveLevel(scale.levels, levelId, direction));
    return {
      next,
      event: { action: "rating_scale.reordered", entityType: "rating_scale", data: { moved: level.label, direction, order: labelsInOrder(next) } },
    };
  });
  return toDTO(levelOf(result.scale, levelId));
}

/**
 * The whole display order at once (for drag and drop): every active level named once. Levels
 * outside the truth order are kept after it, in the order given.
 */
export async function reorderRatingLevels(actor: Actor, input: ReorderRatingLevelsInput): Promise<RatingScaleDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "editor");
  const { orderedIds } = parseInput(ReorderRatingLevelsSchema, input);
  const result = await editScale(ws, actor, (scale) => {
    const byId = new Map(scale.levels.map((l) => [l.id, l]));
    const retired = orderedIds.map((id) => byId.get(id)).find((l) => l && isRetired(l));
    const checked = retired
      ? { ok: false as const, message: `“${retired.label}” is retired; restore it before placing it.` }
      : reorderLevels(scale.levels, orderedIds);
    if (!checked.ok) throw new Invalid(checked.message, { orderedIds: [checked.message] });
    // Group as the scale is shown: the truth order first, then the rest, each in the order given.
    const grouped = [...orderedIds.filter((id) => isOrdinal(byId.get(id)!)), ...orderedIds.filter((id) => !isOrdinal(byId.get(id)!))];
    const next = accepted(reorderLevels(scale.levels, grouped));
    return { next, event: { action: "rating_scale.reordered", entityType: "rating_scale", data: { order: labelsInOrder(next) } } };
  });
  return toScaleDTO(result.scale, true);
}

/** Puts a level into the truth order (as its least true level) or takes it out. */
export async function setRatingLevelInOrder(actor: Actor, input: SetTruthOrderInput): Promise<RatingScaleLevelDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "editor");
  const { levelId, inOrder } = parseInput(SetTruthOrderSchema, input);
  const result = await editScale(ws, actor, (scale) => {
    const level = levelOf(scale, levelId);
    return {
      next: accepted(setInTruthOrder(scale.levels, levelId, inOrder)),
      event: {
        action: inOrder ? "rating_level.put_in_order" : "rating_level.taken_out_of_order",
        entityType: "rating_level",
        entityId: levelId,
        data: { label: level.label },
      },
    };
  });
  return toDTO(levelOf(result.scale, levelId));
}

/** A retired level stays on the verdicts that use it but is no longer offered. */
export async function retireRatingLevel(actor: Actor, input: RatingLevelRefInput): Promise<RatingScaleLevelDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "editor");
  const { levelId } = parseInput(RatingLevelRefSchema, input);
  const result = await editScale(ws, actor, (scale) => {
    const level = levelOf(scale, levelId);
    return {
      next: accepted(retireLevel(scale.levels, levelId, new Date())),
      event: { action: "rating_level.retired", entityType: "rating_level", entityId: levelId, data: { label: level.label } },
    };
  });
  return toDTO(levelOf(result.scale, levelId));
}

/** Offers a retired level again, back where its kept rank puts it. */
export async function restoreRatingLevel(actor: Actor, input: RatingLevelRefInput): Promise<RatingScaleLevelDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "editor");
  const { levelId } = parseInput(RatingLevelRefSchema, input);
  const result = await editScale(ws, actor, (scale) => {
    const level = levelOf(scale, levelId);
    return {
      next: accepted(restoreLevel(scale.levels, levelId)),
      event: { action: "rating_level.restored", entityType: "rating_level", entityId: levelId, data: { label: level.label } },
    };
  });
  return toDTO(levelOf(result.scale, levelId));
}

/** Deletes a level no verdict has ever used; a used one can only be retired. */
export async function deleteRatingLevel(actor: Actor, input: RatingLevelRefInput): Promise<{ id: string; label: string }> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "editor");
  const { levelId } = parseInput(RatingLevelRefSchema, input);
  let label = "";
  await editScale(ws, actor, (scale) => {
    const level = levelOf(scale, levelId);
    label = level.label;
    const dto = toDTO(level);
    if (dto.inUse) {
      const uses = dto.usage === 1 ? "1 verdict" : `${dto.usage} verdicts`;
      throw new Conflict(
        dto.usage > 0
          ? `“${level.label}” rates ${uses}, so it cannot be deleted; retire it instead.`
          : `“${level.label}” appears in earlier versions of verdicts, so it cannot be deleted; retire it instead.`,
      );
    }
    return {
      next: accepted(removeLevel(scale.levels, levelId)),
      remove: levelId,
      event: { action: "rating_level.deleted", entityType: "rating_level", entityId: levelId, data: { label: level.label, color: level.color } },
    };
  });
  return { id: levelId, label };
}

function labelsInOrder(levels: readonly ScaleLevel[]): string[] {
  return scaleOrder(levels)
    .filter((l) => !isRetired(l))
    .map((l) => l.label);
}
