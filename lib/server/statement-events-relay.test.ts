// Several app processes on one database: on PostgreSQL each process's bus relays its events through
// LISTEN/NOTIFY; two bus instances with their own listening connections stand in for two
// processes. On SQLite there is one app process and the bus stays in it.
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { highlightQuote, makeStatement } from "../../test/annotation-factories";
import { makeDesk, unique } from "../../test/factories";
import { isSqlite } from "../db/client";
import type { LiveChange, LiveEvent } from "../live-events";
import type { HighlightDTO } from "./highlights";
import { createStatementEventBus, NOTIFY_LIMIT, PgStatementRelay, statementEvents, wirePayload, type StatementEventBus } from "./statement-events";

const url = process.env.DATABASE_URL!;

const deleted = (highlightId: string): LiveChange => ({ type: "highlight.deleted", highlightId });

function event(change: LiveChange, revision?: number): LiveEvent {
  return { ...change, id: "e-1", statementId: "s1", actorId: "u1", ...(revision !== undefined ? { revision } : {}) };
}

function dto(extra: Partial<HighlightDTO> = {}): HighlightDTO {
  return { id: "h1", start: 0, end: 3, exact: "303", prefix: "", suffix: " people", kind: "note", body: "", orphaned: false, author: { id: "u1", name: "Chris", color: "#123456" }, createdAt: new Date(0), claim: null, ...extra };
}

describe("wirePayload", () => {
  it("sends a small event whole, and a large one as ids to re-read", () => {
    const small = JSON.parse(wirePayload("origin-1", event({ type: "highlight.created", highlight: dto({ clientId: "c1" }) }, 3)));
    expect(small).toMatchObject({ o: "origin-1", s: "s1", a: "u1", r: 3, c: { type: "highlight.created", highlight: { id: "h1", clientId: "c1" } } });
    expect(small).not.toHaveProperty("ref");

    const large = wirePayload("origin-1", event({ type: "highlight.updated", highlight: dto({ body: "é".repeat(5_000), clientId: "c1" }) }, 3));
    expect(Buffer.byteLength(large)).toBeLessThan(NOTIFY_LIMIT);
    expect(JSON.parse(large)).toEqual({ o: "origin-1", s: "s1", a: "u1", r: 3, ref: { type: "highlight.updated", highlightId: "h1", clientId: "c1" } });

    const correction = JSON.parse(wirePayload("origin-1", event({ type: "statement.corrected", by: { id: "u1", name: "Eda Editor" } }, 2)));
    expect(correction.c).toEqual({ type: "statement.corrected", by: { id: "u1", name: "Eda Editor" } });
  });
});

/** Resolves once `done()` holds; the test's own timeout bounds the wait. */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
}

if (isSqlite(url)) {
  describe("the bus on SQLite", () => {
    it("stays in the process: no relay, and another bus hears nothing", () => {
      expect(statementEvents().relay).toBeNull();
      const one = createStatementEventBus(url);
      const other = createStatementEventBus(url);
      expect(one.relay).toBeNull();
      const heard: LiveEvent[] = [];
      other.subscribe("s1", (e) => heard.push(e));
      one.publish("s1", "u1", deleted("h1"));
      expect(heard).toEqual([]);
      expect(other.since("s1", other.lastEventId())).toEqual([]);
    });
  });
} else {
  describe("two processes on PostgreSQL", () => {
    const running: StatementEventBus[] = [];
    afterEach(async () => {
      for (const bus of running.splice(0)) await bus.relay?.stop();
    });

    /** A bus as another app process would have it, already listening. */
    async function appProcess(): Promise<StatementEventBus & { relay: PgStatementRelay }> {
      const bus = createStatementEventBus(url, { retryMs: 20 });
      running.push(bus);
      expect(bus.relay).toBeInstanceOf(PgStatementRelay);
      await (bus.relay as PgStatementRelay).listening();
      return bus as StatementEventBus & { relay: PgStatementRelay };
    }

    function listen(bus: StatementEventBus, statementId: string) {
      const heard: LiveEvent[] = [];
      const gaps: number[] = [];
      bus.subscribe(statementId, (e) => heard.push(e), () => gaps.push(heard.length));
      return { heard, gaps };
    }

    it("an event published in one process reaches the other's streams once, under that process's own ids; neither hears its own twice", async () => {
      const [a, b] = [await appProcess(), await appProcess()];
      const sid = unique("statement");
      const atA = listen(a, sid);
      const atB = listen(b, sid);
      const elsewhere = listen(b, unique("statement"));

      const sent = a.publish(sid, "u1", { type: "statement.corrected", by: { id: "u1", name: "Eda Editor" } }, 2);
      await until(() => atB.heard.length === 1);
      expect(atB.heard[0]).toEqual({ ...sent, id: expect.stringMatching(new RegExp(`^${b.epoch}-`)) });
      // B's answer is sent after A's notification was; by the time A hears it, A's own has come back and been dropped.
      b.publish(sid, "u2", deleted("h2"));
      await until(() => atA.heard.length === 2);
      await a.relay.flushed();
      await b.relay.flushed();
      const shown = (e: LiveEvent) => (e.type === "highlight.deleted" ? e.highlightId : e.type);
      expect(atA.heard.map(shown)).toEqual(["statement.corrected", "h2"]);
      expect(atB.heard.map(shown)).toEqual(["statement.corrected", "h2"]);
      expect(elsewhere.heard).toEqual([]);
      // B can replay to its own streams what it received.
      expect(b.since(sid, atB.heard[0]!.id)).toEqual([atB.heard[1]]);
    });

    it("an event too large for a notification is re-read from the database by the other process", async () => {
      const [a, b] = [await appProcess(), await appProcess()];
      const desk = await makeDesk();
      const statement = await makeStatement(desk.checker, desk.workspace.id, "The ministry said 303 people were hurt.");
      const body = "A long note. ".repeat(700);
      const created = await highlightQuote(desk.checker, desk.workspace.id, statement, "303 people", { kind: "note", body });
      expect(Buffer.byteLength(JSON.stringify(created))).toBeGreaterThan(NOTIFY_LIMIT);
      const atB = listen(b, statement.id);

      a.publish(statement.id, desk.checker.userId, { type: "highlight.updated", highlight: { ...created, clientId: "client-9" } }, 1);
      // The services' own bus relays the creation too: wait for the update.
      await until(() => atB.heard.some((e) => e.type === "highlight.updated"));
      const heard = atB.heard.find((e) => e.type === "highlight.updated")!;
      expect(heard).toMatchObject({ statementId: statement.id, actorId: desk.checker.userId, revision: 1 });
      expect(heard.type === "highlight.updated" && heard.highlight).toMatchObject({
        id: created.id,
        body: created.body,
        start: created.start,
        end: created.end,
        author: created.author,
        clientId: "client-9",
      });
    });

    it("reconnects when the listening connection drops, tells the streams to resync, and hears again", async () => {
      const [a, b] = [await appProcess(), await appProcess()];
      const sid = unique("statement");
      const atA = listen(a, sid);
      const before = b.publish(sid, "u2", deleted("h0"));
      await until(() => atA.heard.length === 1);
      const resumeFrom = atA.heard[0]!.id;
      expect(before.id.startsWith(b.epoch)).toBe(true);

      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query("SELECT pg_terminate_backend($1)", [await a.relay.listenerPid()]);
      } finally {
        await admin.end();
      }
      await until(() => atA.gaps.length === 1);
      await a.relay.listening();
      // A stream resuming from before the gap may have missed something: it must resync.
      expect(a.since(sid, resumeFrom)).toBeNull();
      b.publish(sid, "u2", deleted("h1"));
      await until(() => atA.heard.length === 2);
      expect(atA.heard[1]).toMatchObject({ type: "highlight.deleted", highlightId: "h1" });
    });
  });
}
