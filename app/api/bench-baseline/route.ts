// The "bare route handler" of the annotation bench (scripts/bench/annotations-http.ts): a signed-in
// POST that writes one row and answers JSON, hit the same way and at the same concurrency as the
// create-highlight server action, so the bench can report the action's cost relative to the
// cheapest authenticated write this server can do. It exists only when the server was started with
// FACTDESK_BENCH=1; everywhere else it is a plain 404.
export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404 });

export async function POST(request: Request): Promise<Response> {
  if (process.env.FACTDESK_BENCH !== "1") return notFound();
  // Loaded only in a bench run, so the route is inert (and cheap to test) everywhere else.
  const [{ currentUser }, { db }] = await Promise.all([import("@/lib/server/session"), import("@/lib/server/db")]);
  const user = await currentUser();
  if (!user) return Response.json({ ok: false, message: "Sign in first." }, { status: 401 });
  const body = (await request.json().catch(() => null)) as { workspaceId?: unknown } | null;
  if (typeof body?.workspaceId !== "string") return Response.json({ ok: false, message: "workspaceId is required." }, { status: 400 });
  const row = await db().activityEvent.create({
    data: { workspaceId: body.workspaceId, actorId: user.userId, action: "bench.ping", entityType: "bench", entityId: user.userId },
    select: { id: true },
  });
  return Response.json({ ok: true, id: row.id });
}

export function GET(): Response {
  return notFound();
}
