import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { z } from "zod";
import { isSqlite } from "../db/client";
import { HELLO, RESYNC, type Hello, type LiveChange, type LiveEvent } from "../live-events";
import { loadAuthorColor } from "./annotation-queries";
import { db } from "./db";
import { env } from "./env";
import { NotFound } from "./errors";
import { claimSelect, highlightSelect, toClaimSummary, toHighlightDTO, type ClaimSummary, type HighlightDTO } from "./highlights";
import { requireRole, type Actor } from "./permissions";
import { parseInput } from "./validate";

// Live updates of the statement workbench: the highlight and claim services publish a change here
// once it is committed, and every open statement page of the same statement hears it through a
// Server-Sent Events stream (app/api/statements/[id]/events).
//
// The bus lives in this process. That is the whole deployment with SQLite (one writer, one app
// server). With PostgreSQL several app servers may share the database, so each bus also relays
// what it publishes through LISTEN/NOTIFY (PgStatementRelay below): the other processes deliver
// it to their own streams under their own event ids; a process ignores its own notifications.

/** Events kept per statement for a stream that reconnects (EventSource sends Last-Event-ID). */
const REPLAY_EVENTS = 200;
/** Statements whose recent events are kept; the least recently changed go first. */
const REPLAY_STATEMENTS = 500;
/** A comment line this often keeps proxies from closing an idle stream and re-checks membership. */
export const HEARTBEAT_MS = 20_000;

type Listener = (event: LiveEvent) => void;
/** Told when events may have been missed (a relay's connection dropped): the stream must resync. */
type GapListener = () => void;
type Recent = { events: LiveEvent[]; droppedUpTo: number };

/** Carries a bus's events to the buses of other processes, and theirs to it. */
export interface StatementEventRelay {
  /** Hands an event published here to the other processes (never throws; failures are logged). */
  send(event: LiveEvent): void;
  /** Starts hearing the other processes; called when the first stream subscribes. */
  start(): void;
  stop(): Promise<void>;
}

export class StatementEventBus {
  /** Event ids are `<epoch>-<n>`: a stream resuming against a restarted process cannot be replayed. */
  readonly epoch = randomUUID().slice(0, 8);
  /** Tells this bus's relayed events apart from other processes' when they come back. */
  readonly origin = randomUUID();
  readonly relay: StatementEventRelay | null;
  #seq = 0;
  readonly #listeners = new Map<string, Map<Listener, GapListener | undefined>>();
  readonly #recent = new Map<string, Recent>();

  constructor(options: { relay?: (bus: StatementEventBus) => StatementEventRelay } = {}) {
    this.relay = options.relay ? options.relay(this) : null;
  }

  /** An event of this process: delivered here, and relayed to the other processes if there is a relay. */
  publish(statementId: string, actorId: string, change: LiveChange, revision?: number): LiveEvent {
    const event = this.deliver(statementId, actorId, change, revision);
    this.relay?.send(event);
    return event;
  }

  /** Delivers to this process's streams only, under a local id (what the relay does with other processes' events). */
  deliver(statementId: string, actorId: string, change: LiveChange, revision?: number): LiveEvent {
    const event: LiveEvent = { ...change, id: `${this.epoch}-${++this.#seq}`, statementId, actorId, ...(revision !== undefined ? { revision } : {}) };
    this.#remember(event);
    for (const listener of [...(this.#listeners.get(statementId)?.keys() ?? [])]) {
      // One broken stream must not keep the others (or the write that published) from going on.
      try {
        listener(event);
      } catch {
        this.unsubscribe(statementId, listener);
      }
    }
    return event;
  }

  subscribe(statementId: string, listener: Listener, onGap?: GapListener): () => void {
    let map = this.#listeners.get(statementId);
    if (!map) this.#listeners.set(statementId, (map = new Map()));
    map.set(listener, onGap);
    this.relay?.start();
    return () => this.unsubscribe(statementId, listener);
  }

  /**
   * Events of other processes may have been missed (the relay was disconnected): every stream is
   * told to resync, and no stream resuming from before now is replayed.
   */
  markGap(): void {
    // A number of its own, so a stream that started listening after the gap is told apart from one before it.
    this.#gapAt = ++this.#seq;
    for (const [statementId, map] of [...this.#listeners]) {
      for (const [listener, onGap] of [...map]) {
        try {
          onGap?.();
        } catch {
          this.unsubscribe(statementId, listener);
        }
      }
    }
  }

  /** The id of the newest event so far: a stream opening now asks for what came after it. */
  lastEventId(): string {
    return `${this.epoch}-${this.#seq}`;
  }

  unsubscribe(statementId: string, listener: Listener): void {
    const map = this.#listeners.get(statementId);
    if (!map) return;
    map.delete(listener);
    if (map.size === 0) this.#listeners.delete(statementId);
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
    if (last > this.#seq || last < this.#gapAt) return null;
    const recent = this.#recent.get(statementId);
    // No buffer: nothing happened to the statement, unless its buffer was evicted after `last`.
    if (!recent) return last >= this.#evictedUpTo ? [] : null;
    if (recent.droppedUpTo > last) return null;
    return recent.events.filter((e) => sequenceOf(e) > last);
  }

  /** The newest event of any statement whose buffer was evicted. */
  #evictedUpTo = 0;
  /** Where in the sequence the relay last (re)connected: a stream that last heard of earlier may have missed events. */
  #gapAt = 0;

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
  return (g[KEY] ??= createStatementEventBus(env().DATABASE_URL));
}

/** The bus for a database: in-process only on SQLite, relayed through LISTEN/NOTIFY on PostgreSQL. */
export function createStatementEventBus(databaseUrl: string, options: RelayOptions = {}): StatementEventBus {
  if (isSqlite(databaseUrl)) return new StatementEventBus();
  return new StatementEventBus({ relay: (bus) => new PgStatementRelay(bus, databaseUrl, options) });
}

// ---------------------------------------------------------------------------------------------
// Several processes on one PostgreSQL database

export const NOTIFY_CHANNEL = "factdesk_statement_events";
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; a larger event travels as a reference. */
export const NOTIFY_LIMIT = 7_800;

/** What a process re-reads when the event itself was too large to send. */
type EventRef =
  | { type: "highlight.created" | "highlight.updated"; highlightId: string; clientId?: string }
  | { type: "claim.updated"; highlightId: string };

/** A notification: the origin bus, the statement, the actor, the revision, and the change or what to re-read. */
type Wire = { o: string; s: string; a: string; r?: number } & ({ c: LiveChange } | { ref: EventRef });

/** The NOTIFY payload of an event: the change itself when it fits, else ids to re-read. */
export function wirePayload(origin: string, event: LiveEvent): string {
  const { id: _id, statementId, actorId, revision, ...change } = event;
  const head = { o: origin, s: statementId, a: actorId, ...(revision !== undefined ? { r: revision } : {}) };
  const full = JSON.stringify({ ...head, c: change });
  if (Buffer.byteLength(full) <= NOTIFY_LIMIT) return full;
  return JSON.stringify({ ...head, ref: refOf(change as LiveChange) });
}

function refOf(change: LiveChange): EventRef {
  switch (change.type) {
    case "highlight.created":
    case "highlight.updated":
      return { type: change.type, highlightId: change.highlight.id, ...(change.highlight.clientId ? { clientId: change.highlight.clientId } : {}) };
    case "claim.updated":
      return { type: change.type, highlightId: change.highlightId };
    default:
      // Deletions and corrections carry ids and a name: always far below the limit.
      throw new Error(`A ${change.type} event cannot exceed the notification limit.`);
  }
}

/** The change a reference stands for, as the database has it now (null: the highlight is gone, a later event says so). */
async function rereadChange(ref: EventRef): Promise<{ change: LiveChange; revision?: number } | null> {
  const row = await db().highlight.findFirst({
    where: { id: ref.highlightId, deletedAt: null },
    select: { ...highlightSelect, statementId: true, revision: { select: { number: true } }, statement: { select: { workspaceId: true } } },
  });
  if (!row) return null;
  if (ref.type === "claim.updated") {
    return row.kind === "claim" && row.claim ? { change: { type: ref.type, highlightId: row.id, claim: toClaimSummary(row.claim) } } : null;
  }
  const color = await loadAuthorColor(row.statement.workspaceId, row.statementId, row.author.id);
  const highlight = { ...toHighlightDTO(row, color), ...(ref.clientId ? { clientId: ref.clientId } : {}) };
  // An orphan's offsets count in no shown text; a placed highlight sits on the current revision.
  return { change: { type: ref.type, highlight }, revision: row.orphaned ? undefined : row.revision.number };
}

export type RelayOptions = {
  /** First wait before reconnecting a dropped listener connection; doubles up to 30 s. */
  retryMs?: number;
};

/**
 * Relays a bus through PostgreSQL: publishing NOTIFYs on the app's own pool (in order, after the
 * write committed); one dedicated connection per process LISTENs, once a stream subscribes, and
 * hands the other processes' events to the bus. When that connection drops it reconnects, and the
 * bus tells every stream to resync, as events may have gone by meanwhile.
 */
export class PgStatementRelay implements StatementEventRelay {
  readonly #bus: StatementEventBus;
  readonly #url: string;
  readonly #retryMs: number;
  #client: pg.Client | null = null;
  #started = false;
  #stopped = false;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #wait = 0;
  #sending: Promise<void> = Promise.resolve();
  #receiving: Promise<void> = Promise.resolve();
  #waiters: Array<() => void> = [];

  constructor(bus: StatementEventBus, url: string, options: RelayOptions = {}) {
    this.#bus = bus;
    this.#url = url;
    this.#retryMs = options.retryMs ?? 500;
  }

  send(event: LiveEvent): void {
    const payload = wirePayload(this.#bus.origin, event);
    // Chained: the other processes hear one process's events in the order they were published.
    this.#sending = this.#sending
      .then(async () => {
        await db().$executeRaw`SELECT 1 FROM (SELECT pg_notify(${NOTIFY_CHANNEL}, ${payload})) AS sent`;
      })
      .catch((error: unknown) => console.warn("factdesk: could not relay a statement event:", error instanceof Error ? error.message : error));
  }

  start(): void {
    if (this.#started || this.#stopped) return;
    this.#started = true;
    void this.#connect();
  }

  /** Resolves once the relay is listening (tests; a stream does not wait for it). */
  listening(): Promise<void> {
    if (this.#client) return Promise.resolve();
    this.start();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** The backend pid of the listening connection, so a test can cut it. */
  async listenerPid(): Promise<number> {
    await this.listening();
    const { rows } = await this.#client!.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    return rows[0]!.pid;
  }

  /** Waits for the notifications sent so far (tests). */
  flushed(): Promise<void> {
    return this.#sending;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => {});
    await this.#receiving;
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#url, application_name: "factdesk-statement-events" });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (this.#client === client) this.#client = null;
      client.end().catch(() => {});
      this.#scheduleReconnect();
    };
    client.on("error", onLost);
    client.on("end", onLost);
    client.on("notification", (message) => {
      if (message.channel === NOTIFY_CHANNEL && message.payload) this.#receive(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch {
      onLost();
      return;
    }
    if (this.#stopped || lost) {
      client.end().catch(() => {});
      return;
    }
    this.#client = client;
    this.#wait = 0;
    // Whatever other processes published before this connection listened was not heard here.
    this.#bus.markGap();
    for (const resolve of this.#waiters.splice(0)) resolve();
  }

  #scheduleReconnect(): void {
    if (this.#stopped) return;
    clearTimeout(this.#retry);
    this.#wait = Math.min(30_000, this.#wait ? this.#wait * 2 : this.#retryMs);
    this.#retry = setTimeout(() => void this.#connect(), this.#wait);
  }

  #receive(payload: string): void {
    let wire: Wire;
    try {
      wire = JSON.parse(payload) as Wire;
    } catch {
      return;
    }
    // This process delivered its own events when it published them.
    if (wire.o === this.#bus.origin) return;
    // Chained, so an event re-read from the database is not overtaken by the next one.
    this.#receiving = this.#receiving
      .then(async () => {
        const resolved = "c" in wire ? { change: wire.c, revision: wire.r } : await rereadChange(wire.ref);
        if (resolved) this.#bus.deliver(wire.s, wire.a, resolved.change, resolved.revision);
      })
      .catch((error: unknown) => console.warn("factdesk: could not deliver a relayed statement event:", error instanceof Error ? error.message : error));
  }
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

/** A correction made `revision` the statement's text; everyone with the page open is told, nothing is swapped for them. */
export function publishCorrection(statementId: string, by: { id: string; name: string }, revision: number): void {
  statementEvents().publish(statementId, by.id, { type: "statement.corrected", by }, revision);
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
async function authorizeListener(actor: Actor, statementId: string): Promise<Hello> {
  const statement = await db().statement.findUnique({ where: { id: statementId }, select: { workspaceId: true, currentRevision: true } });
  // A statement that does not exist and one in another desk answer alike.
  if (!statement) throw new NotFound("statement");
  await requireRole(actor, { id: statement.workspaceId }, "viewer");
  return { revision: statement.currentRevision };
}

const encoder = new TextEncoder();

function frame(event: LiveEvent): Uint8Array {
  return encoder.encode(`id: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`);
}

/**
 * The statement's live events as a Server-Sent Events body, after checking the actor may read the
 * statement (outsiders get NotFound and no stream). It opens with the statement's current revision
 * (`hello`: a page that missed a correction learns of it), then replays what a reconnecting stream
 * missed (Last-Event-ID) or tells it to resync — also whenever the bus may have missed other
 * processes' events; a comment every `heartbeatMs` keeps it open, and each
 * heartbeat re-checks the membership, closing the stream of someone removed from the desk. Ends
 * when `signal` aborts (the browser went away).
 */
export async function openStatementStream(actor: Actor, input: OpenStreamInput): Promise<ReadableStream<Uint8Array>> {
  const { statementId, lastEventId } = parseInput(OpenStreamSchema, input);
  const bus = statementEvents();
  // What is published while the revision is read is replayed below, so the hello is never newer than the events.
  const resumeFrom = lastEventId || bus.lastEventId();
  const hello = await authorizeListener(actor, statementId);
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
      const resync = () => send(encoder.encode(`event: ${RESYNC}\ndata: {}\n\n`));
      unsubscribe = bus.subscribe(statementId, (event) => send(frame(event)), resync);
      send(encoder.encode(`retry: 2000\n: ${statementId}\n\nevent: ${HELLO}\ndata: ${JSON.stringify(hello)}\n\n`));
      const missed = bus.since(statementId, resumeFrom);
      if (missed === null) resync();
      else for (const event of missed) send(frame(event));
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
