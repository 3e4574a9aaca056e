import "server-only";
import type { Db } from "../db/client";

type Tx = Pick<Db, "activityEvent">;

/** Appends to the workspace's activity log, inside the caller's transaction. */
export async function recordActivity(
  tx: Tx,
  event: {
    workspaceId: string;
    actorId: string | null;
    action: string;
    entityType: string;
    entityId: string;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.activityEvent.create({
    data: { ...event, data: JSON.stringify(event.data ?? {}) },
  });
}
