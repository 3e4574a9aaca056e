import "server-only";
import { z } from "zod";
import { isRole, type Role } from "../roles";
import { firstFreeSlug, isValidSlug, slugify, SLUG_MAX, SLUG_MIN, STARTER_TAGS } from "../starter-taxonomy";
import { recordActivity } from "./activity";
import { db } from "./db";
import { Conflict, Unauthenticated } from "./errors";
import { workspaceIdOf } from "./members";
import { requireRole, type Actor } from "./permissions";
import { createStarterScale } from "./rating-scales";
import { parseInput } from "./validate";

export type WorkspaceSummary = { id: string; slug: string; name: string; role: Role };

export type WorkspaceDetails = WorkspaceSummary & {
  publisherName: string;
  publicBaseUrl: string;
  allowSelfApproval: boolean;
};

const NameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(80, "Use at most 80 characters.");

export const CreateWorkspaceSchema = z.object({
  name: NameSchema,
  slug: z
    .string()
    .trim()
    .transform((s) => s.toLowerCase())
    .optional()
    .transform((s) => (s ? s : undefined))
    .refine((s) => s === undefined || isValidSlug(s), {
      message: `Use ${SLUG_MIN}–${SLUG_MAX} lower-case letters, digits and single hyphens (not at the start or end).`,
    }),
});
export type CreateWorkspaceInput = z.input<typeof CreateWorkspaceSchema>;

/** Whether an error is a unique-constraint violation (Prisma's P2002, from either adapter). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * A new desk: the creator becomes its admin, and it starts with the starter tags and the default
 * rating scale, all in one transaction so a desk is never half-made.
 */
export async function createWorkspace(actor: Actor, input: unknown): Promise<{ id: string; slug: string; name: string }> {
  if (!actor) throw new Unauthenticated();
  const { name, slug: requested } = parseInput(CreateWorkspaceSchema, input);
  const base = requested ?? slugify(name);

  // Two desks created at once may pick the same free slug; the unique index decides, and the
  // loser tries the next number.
  for (let attempt = 0; attempt < 5; attempt++) {
    let slug = base;
    if (!requested) {
      const taken = await db().workspace.findMany({
        where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] },
        select: { slug: true },
      });
      slug = firstFreeSlug(base, taken.map((w) => w.slug));
    }
    try {
      return await db().$transaction(async (tx) => {
        const workspace = await tx.workspace.create({
          data: { name, slug, memberships: { create: { userId: actor.userId, role: "admin" } } },
          select: { id: true, slug: true, name: true },
        });
        await tx.tag.createMany({ data: STARTER_TAGS.map((t) => ({ workspaceId: workspace.id, name: t.name, color: t.color })) });
        await createStarterScale(tx, workspace.id);
        await recordActivity(tx, {
          workspaceId: workspace.id,
          actorId: actor.userId,
          action: "workspace.created",
          entityType: "workspace",
          entityId: workspace.id,
          data: { name, slug },
        });
        return workspace;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (requested) {
        throw new Conflict("That address is already taken.", { slug: ["That address is already taken; choose another."] });
      }
    }
  }
  throw new Conflict("Could not find a free address for this workspace; please give one.", {
    slug: ["Please choose an address."],
  });
}

/** The desks the actor belongs to, by name. */
export async function listMyWorkspaces(actor: Actor): Promise<WorkspaceSummary[]> {
  if (!actor) throw new Unauthenticated();
  const memberships = await db().membership.findMany({
    where: { userId: actor.userId },
    select: { role: true, workspace: { select: { id: true, slug: true, name: true } } },
  });
  return memberships
    .filter((m) => isRole(m.role))
    .map((m) => ({ ...m.workspace, role: m.role as Role }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug));
}

/** One desk and its settings, for any member. */
export async function getWorkspace(actor: Actor, input: { slug: string } | { id: string }): Promise<WorkspaceDetails> {
  const where = "slug" in input ? { slug: String(input.slug ?? "") } : { id: String(input.id ?? "") };
  const access = await requireRole(actor, where, "viewer");
  const settings = await db().workspace.findUniqueOrThrow({
    where: { id: access.id },
    select: { publisherName: true, publicBaseUrl: true, allowSelfApproval: true },
  });
  return { ...access, ...settings };
}

const checkbox = z.preprocess((v) => {
  if (v === "on" || v === "true" || v === true) return true;
  if (v === undefined || v === null || v === "" || v === "false" || v === false) return false;
  return v;
}, z.boolean({ error: "Choose yes or no." }));

export const UpdateWorkspaceSettingsSchema = z.object({
  workspaceId: z.string().min(1),
  name: NameSchema,
  publisherName: z.string().trim().max(120, "Use at most 120 characters.").default(""),
  publicBaseUrl: z
    .string()
    .trim()
    .max(500, "Use at most 500 characters.")
    .default("")
    .refine((value) => value === "" || isHttpUrl(value), {
      message: "Enter a full web address starting with https:// (or http://), or leave it empty.",
    })
    .transform((value) => value.replace(/\/+$/, "")),
  allowSelfApproval: checkbox.default(false),
});
export type UpdateWorkspaceSettingsInput = z.input<typeof UpdateWorkspaceSettingsSchema>;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Admins change the desk's name and how its published fact-checks are attributed. */
export async function updateWorkspaceSettings(actor: Actor, input: UpdateWorkspaceSettingsInput): Promise<WorkspaceDetails> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "admin");
  const data = parseInput(UpdateWorkspaceSettingsSchema, input);
  return db().$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: { id: ws.id },
      select: { name: true, publisherName: true, publicBaseUrl: true, allowSelfApproval: true },
    });
    const after = await tx.workspace.update({
      where: { id: ws.id },
      data: {
        name: data.name,
        publisherName: data.publisherName,
        publicBaseUrl: data.publicBaseUrl,
        allowSelfApproval: data.allowSelfApproval,
      },
      select: { id: true, slug: true, name: true, publisherName: true, publicBaseUrl: true, allowSelfApproval: true },
    });
    const changed = Object.fromEntries(
      (Object.keys(before) as (keyof typeof before)[])
        .filter((key) => before[key] !== after[key])
        .map((key) => [key, { from: before[key], to: after[key] }]),
    );
    await recordActivity(tx, {
      workspaceId: ws.id,
      actorId: actor.userId,
      action: "workspace.settings_updated",
      entityType: "workspace",
      entityId: ws.id,
      data: changed,
    });
    return { ...after, role: ws.role };
  });
}
