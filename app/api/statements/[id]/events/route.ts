// The statement's live events (Server-Sent Events) for the workbench of everyone who has it open:
// lib/server/statement-events.ts authorizes the reader (any member of the statement's desk, as for
// the page) and makes the stream; this handler only finds the signed-in user and maps failures to
// a status. A non-member gets the same 404 as for a statement that does not exist, and no stream.
import { httpStatus, ServiceError } from "@/lib/server/errors";
import { currentUser } from "@/lib/server/session";
import { openStatementStream } from "@/lib/server/statement-events";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const user = await currentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  try {
    const stream = await openStatementStream(user, { statementId: id, lastEventId: request.headers.get("last-event-id"), signal: request.signal });
    return new Response(stream, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        // no-transform: `next start` compresses responses, and a gzip stream would hold events back.
        "Cache-Control": "no-cache, no-transform",
        Connection: "keep-alive",
        "X-Accel-Buffering": "no",
      },
    });
  } catch (error) {
    if (error instanceof ServiceError) {
      const status = httpStatus(error);
      return new Response(status === 404 ? "Not found." : error.message, { status });
    }
    throw error;
  }
}
