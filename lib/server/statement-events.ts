import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { RESYNC, type LiveChange, type LiveEvent } from "../live-events";
import { db } from "./db";
import { NotFound } from "./errors";
import type { ClaimSummary, HighlightDTO } from "./highlights";
import { requireRole, type Actor } from "./permissions";
import { parseInput } from "./validate";

// Live updates of the statement workbench: the highlight and claim services publish a change here
// once it is committed, and every open statement page of the same statement hears it through a
// Server-Sent Events stream (app/api/statements/[id]/events).
//
// The bus lives in this process. That is the whole deployment with SQLite (one writer, one app
// server); several app servers on one PostgreSQL database would each only hear their own writes.
// For those, publish would also NOTIFY (ids only, DESIGN.md) and each process LISTEN and re-read
// the rows before delivering — not built yet.

/** Events kept per statement for a stream that reconnects (EventSource sends Last-Event-ID). */
const REPLAY_EVENTS = 200;
/** Statements whose recent events are kept; the least recently changed go first. */
const REPLAY_STATEMENTS = 500;
/** A comment line this often keeps proxies from closing an idle stream and re-checks membership. */
export const HEARTBEAT_MS = 20_000;

type Listener = (event: LiveEvent) => void;
type Recent = { events: LiveEvent[]; droppedUpTo: number };

export class StatementEventBus {
  /** Event ids are `<epoch>-<n>`: a stream resuming against a restarted process cannot be replayed. */
  readonly epoch = randomUUID().slice(0, 8);
  #seq = 0;
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #recent = new Map<string, Recent>();

  publish(statementId: string, actorId: string, change: LiveChange, revision?: number): LiveEvent {
    const event: LiveEvent = { ...change, id: `${this.epoch}-${++this.#seq}`, statementId, actorId, ...(revision !== undefined ? { revision } : {}) };
    this.#remember(event);
    for (const listener of this.#listeners.get(statementId) ?? []) {
      // One broken stream must not keep the others (or the write that published) from going on.
      try {
        listener(event);
      } catch {
        this.unsubscribe(statementId, listener);
      }
    }
    return event;
  }

  subscribe(statementId: string, listener: Listener): () => void {
    let set = this.#listeners.get(statementId);
    if (!set) this.#listeners.set(statementId, (set = new Set()));
    set.add(listener);
    return () => this.unsubscribe(statementId, listener);
  }

  unsubscribe(statementId: string, listener: Listener): void {
    const set = this.#listeners.get(statementId);
    if (!set) return;
    set.delete(listener);
    if (set.size === 0) this.#listeners.delete(statementId);
  }

  listenerCount(statementId: string): number {
    return this.#listeners.get(statementId)?.size ?? 0;
  }

  /**
   * The statement's events after `lastEventId`, or null when that cannot be told: an id of another
   * process (or a restart), or events after it already dropped from the replay buffer.
   */
  since(statementId: string, lastEventId: string): LiveEvent[] | null {
    const match = /^([0-9a-f]+)-(\d+)$/.exec(lastEventId);
    if (!match || match[1] !== this.epoch) return null;
    const last = Number(match[2]);
    if (last > this.#seq) return null;
    const recent = this.#recent.get(statementId);
    // No buffer: nothing happened to the statement, unless its buffer was evicted after `last`.
    if (!recent) return last >= this.#evictedUpTo ? [] : null;
    if (recent.droppedUpTo > last) return null;
    return recent.events.filter((e) => sequenceOf(e) > last);
  }

  /** The newest event of any statement whose buffer was evicted. */
  #evictedUpTo = 0;

  #remember(event: LiveEvent): void {
    let recent = this.#recent.get(event.statementId);
    if (recent) this.#recent.delete(event.statementId);
    else recent = { events: [], droppedUpTo: 0 };
    this.#recent.set(event.statementId, recent);
    recent.events.push(event);
    if (recent.events.length > REPLAY_EVENTS) recent.droppedUpTo = sequenceOf(recent.events.shift()!);
    if (this.#recent.size > REPLAY_STATEMENTS) {
      const [oldest, dropped] = this.#recent.entries().next().value!;
      this.#recent.delete(oldest);
      // Anyone resuming on that statement from before now must resync.
      this.#evictedUpTo = Math.max(this.#evictedUpTo, sequenceOf(dropped.events[dropped.events.length - 1]!));
    }
  }
}

function sequenceOf(event: LiveEvent): number {
  return Number(event.id.slice(event.id.indexOf("-") + 1));
}

// One bus per process, kept on globalThis: Next bundles route handlers and server actions
// separately, and a module-level instance could exist once per bundle.
const KEY = Symbol.for("factdesk.statementEvents");
export function statementEvents(): StatementEventBus {
  const g = globalThis as { [KEY]?: StatementEventBus };
  return (g[KEY] ??= new StatementEventBus());
}

// ---------------------------------------------------------------------------------------------
// Publishing (called by the services after their write committed)

/** Publishes a highlight's creation or change and hands the DTO back, so a service can `return` through it. */
export function publishHighlight<T extends HighlightDTO>(statementId: string, actor: Actor, type: "highlight.created" | "highlight.updated", highlight: T, revision?: number): T {
  statementEvents().publish(statementId, actor.userId, { type, highlight }, revision);
  return highlight;
}

export function publishHighlightDeleted(statementId: string, actor: Actor, highlightId: string): void {
  statementEvents().publish(statementId, actor.userId, { type: "highlight.deleted", highlightId });
}

/** A claim knows its highlight, not its statement: one indexed read finds it. */
export async function publishClaimUpdated(actor: Actor, highlightId: string, claim: ClaimSummary): Promise<ClaimSummary> {
  const highlight = await db().highlight.findUnique({ where: { id: highlightId }, select: { statementId: true } });
  if (highlight) statementEvents().publish(highlight.statementId, actor.userId, { type: "claim.updated", highlightId, claim });
  return claim;
}

// ---------------------------------------------------------------------------------------------
// Streaming

const OpenStreamSchema = z.object({
  statementId: z.string({ error: "Choose a statement." }).min(1, "Choose a statement.").max(100),
  lastEventId: z.string().max(100).nullish(),
});
export type OpenStreamInput = z.input<typeof OpenStreamSchema> & { signal: AbortSignal; heartbeatMs?: number };

/** Any member of the statement's desk may listen, as any member may read it (same rule as the page). */
async function authorizeListener(actor: Actor, statementId: string) {
  const statement = await db().statement.findUnique({ where: { id: statementId }, select: { workspaceId: true } });
  // A statement that does not exist and one in another desk answer alike.
  if (!statement) throw new NotFound("statement");
  await requireRole(actor, { id: statement.workspaceId }, "viewer");
}

const encoder = new TextEncoder();

function frame(event: LiveEvent): Uint8Array {
  return encoder.encode(`id: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`);
}

/**
 * The statement's live events as a Server-Sent Events body, after checking the actor may read the
 * statement (outsiders get NotFound and no stream). Replays what a reconnecting stream missed
 * (Last-Event-ID) or tells it to resync; a comment every `heartbeatMs` keeps it open, and each
 * heartbeat re-checks the membership, closing the stream of someone removed from the desk. Ends
 * when `signal` aborts (the browser went away).
 */
export async function openStatementStream(actor: Actor, input: OpenStreamInput): Promise<ReadableStream<Uint8Array>> {
  const { statementId, lastEventId } = parseInput(OpenStreamSchema, input);
  await authorizeListener(actor, statementId);
  const bus = statementEvents();
  const { signal, heartbeatMs = HEARTBEAT_MS } = input;
  let stop = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      let unsubscribe = () => {};
      let heartbeat: ReturnType<typeof setInterval> | undefined;
      const close = () => {
        if (!open) return;
        open = false;
        unsubscribe();
        clearInterval(heartbeat);
        signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed by the other side
        }
      };
      stop = close;
      const send = (bytes: Uint8Array) => {
        if (!open) return;
        try {
          controller.enqueue(bytes);
        } catch {
          close();
        }
      };
      // Subscribed before replaying, so nothing published in between is lost (the client's merge
      // is idempotent, a duplicate is harmless).
      unsubscribe = bus.subscribe(statementId, (event) => send(frame(event)));
      send(encoder.encode(`retry: 2000\n: ${statementId}\n\n`));
      if (lastEventId) {
        const missed = bus.since(statementId, lastEventId);
        if (missed === null) send(encoder.encode(`event: ${RESYNC}\ndata: {}\n\n`));
        else for (const event of missed) send(frame(event));
      }
      heartbeat = setInterval(() => {
        send(encoder.encode(": heartbeat\n\n"));
        authorizeListener(actor, statementId).catch(close);
      }, heartbeatMs);
      if (signal.aborted) close();
      else signal.addEventListener("abort", close);
    },
    cancel() {
      stop();
    },
  });
}
