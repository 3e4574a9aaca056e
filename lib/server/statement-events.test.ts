import { describe, expect, it } from "vitest";
import { highlightQuote, makeStatement } from "../../test/annotation-factories";
import { makeDesk } from "../../test/factories";
import type { LiveEvent } from "../live-events";
import { updateClaim } from "./claims";
import { db } from "./db";
import { Conflict, Forbidden, NotFound } from "./errors";
import { createHighlight, deleteHighlight, updateHighlight } from "./highlights";
import { correctStatementText } from "./statement-corrections";
import { openStatementStream, StatementEventBus, statementEvents } from "./statement-events";

const note = (id: string) => ({ type: "highlight.deleted" as const, highlightId: id });

describe("StatementEventBus", () => {
  it("delivers a statement's events to that statement's listeners only, until they unsubscribe", () => {
    const bus = new StatementEventBus();
    const heard: string[] = [];
    const other: string[] = [];
    const stop = bus.subscribe("s1", (e) => heard.push(e.type === "highlight.deleted" ? e.highlightId : "?"));
    bus.subscribe("s2", (e) => other.push(e.statementId));
    bus.publish("s1", "u1", note("a"));
    stop();
    bus.publish("s1", "u1", note("b"));
    expect(heard).toEqual(["a"]);
    expect(other).toEqual([]);
    expect(bus.listenerCount("s1")).toBe(0);
  });

  it("drops a listener that throws and still delivers to the others", () => {
    const bus = new StatementEventBus();
    const heard: string[] = [];
    bus.subscribe("s1", () => {
      throw new Error("stream gone");
    });
    bus.subscribe("s1", (e) => heard.push(e.id));
    const event = bus.publish("s1", "u1", note("a"));
    expect(heard).toEqual([event.id]);
    expect(bus.listenerCount("s1")).toBe(1);
  });

  it("replays what came after a known id, and cannot for an id of another process or a dropped one", () => {
    const bus = new StatementEventBus();
    const first = bus.publish("s1", "u1", note("a"));
    bus.publish("s2", "u1", note("x"));
    const third = bus.publish("s1", "u1", note("b"));
    expect(bus.since("s1", first.id)).toEqual([third]);
    expect(bus.since("s1", third.id)).toEqual([]);
    expect(bus.since("quiet", third.id)).toEqual([]);
    expect(bus.since("s1", `${new StatementEventBus().epoch}-1`)).toBeNull();
    expect(bus.since("s1", "garbage")).toBeNull();
    expect(bus.since("s1", `${bus.epoch}-99`)).toBeNull();
    // Past the replay buffer, the early events are gone: a stream that last saw one must resync.
    for (let i = 0; i < 250; i++) bus.publish("s1", "u1", note(`n${i}`));
    expect(bus.since("s1", third.id)).toBeNull();
  });

  it("after a gap (the relay reconnected) tells every stream to resync and replays nothing from before it", () => {
    const bus = new StatementEventBus();
    const before = bus.publish("s1", "u1", note("a"));
    const gaps: string[] = [];
    const heard: string[] = [];
    bus.subscribe("s1", (e) => heard.push(e.id), () => gaps.push("s1"));
    bus.subscribe("s2", () => {}, () => gaps.push("s2"));
    bus.subscribe("s3", () => {});
    bus.markGap();
    expect(gaps.sort()).toEqual(["s1", "s2"]);
    expect(bus.since("s1", before.id)).toBeNull();
    // A stream that began listening after the gap resumes as usual.
    const mark = bus.lastEventId();
    const after = bus.publish("s1", "u1", note("b"));
    expect(bus.since("s1", mark)).toEqual([after]);
    expect(heard).toEqual([after.id]);
  });
});

// ---------------------------------------------------------------------------------------------
// The stream: who may open it, what it carries, when it ends

const decoder = new TextDecoder();

/** Reads SSE frames until `count` data events arrived (or the stream ended). */
async function readEvents(stream: ReadableStream<Uint8Array>, count: number): Promise<{ events: LiveEvent[]; named: string[]; hello: unknown; ended: boolean; reader: ReadableStreamDefaultReader<Uint8Array> }> {
  const reader = stream.getReader();
  const events: LiveEvent[] = [];
  const named: string[] = [];
  let hello: unknown = null;
  let buffer = "";
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) return { events, named, hello, ended: true, reader };
    buffer += decoder.decode(value);
    let cut: number;
    while ((cut = buffer.indexOf("\n\n")) !== -1) {
      const frame = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const data = frame.split("\n").find((l) => l.startsWith("data: "));
      const name = frame.split("\n").find((l) => l.startsWith("event: "));
      if (name) named.push(name.slice(7));
      if (name === "event: hello" && data) hello = JSON.parse(data.slice(6));
      else if (!name && data) events.push(JSON.parse(data.slice(6)) as LiveEvent);
    }
  }
  return { events, named, hello, ended: false, reader };
}

/** The stream's text up to and including `marker`. */
async function readUntil(stream: ReadableStream<Uint8Array>, marker: string): Promise<string> {
  const reader = stream.getReader();
  let text = "";
  while (!text.includes(marker)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  reader.releaseLock();
  return text;
}

async function setup() {
  const desk = await makeDesk();
  const ws = desk.workspace.id;
  const statement = await makeStatement(desk.checker, ws, "The ministry said 303 people were hurt.\n\nOfficials added that four resolutions of 1993 were ignored.");
  return { desk, ws, statement };
}

describe("openStatementStream", () => {
  it("lets any member of the desk listen, and carries the services' committed changes", async () => {
    const { desk, ws, statement } = await setup();
    const abort = new AbortController();
    const stream = await openStatementStream(desk.viewer, { statementId: statement.id, signal: abort.signal });
    expect(statementEvents().listenerCount(statement.id)).toBe(1);

    const created = await highlightQuote(desk.checker, ws, statement, "303 people", { clientId: "client-1" });
    const updated = await updateHighlight(desk.checker, { workspaceId: ws, highlightId: created.id, kind: "note" });
    const note = await highlightQuote(desk.editor, ws, statement, "four resolutions", { kind: "claim" });
    const claim = await updateClaim(desk.checker, { workspaceId: ws, claimId: note.claim!.id, status: "researching" });
    await deleteHighlight(desk.checker, { workspaceId: ws, highlightId: created.id });

    const { events, reader } = await readEvents(stream, 5);
    expect(events.map((e) => [e.type, e.statementId, e.actorId])).toEqual([
      ["highlight.created", statement.id, desk.checker.userId],
      ["highlight.updated", statement.id, desk.checker.userId],
      ["highlight.created", statement.id, desk.editor.userId],
      ["claim.updated", statement.id, desk.checker.userId],
      ["highlight.deleted", statement.id, desk.checker.userId],
    ]);
    // The payloads are what the services answered (dates as JSON strings).
    expect(events[0]).toMatchObject({ highlight: { ...created, createdAt: created.createdAt.toISOString() }, revision: 1 });
    expect(events[1]).toMatchObject({ highlight: { id: updated.id, kind: "note", claim: null } });
    expect(events[3]).toMatchObject({ highlightId: note.id, claim });
    expect(events[4]).toMatchObject({ highlightId: created.id });

    abort.abort();
    expect(await reader.read()).toEqual({ done: true, value: undefined });
    expect(statementEvents().listenerCount(statement.id)).toBe(0);
  });

  it("refuses an outsider like a statement that does not exist: NotFound, no listener, nothing heard", async () => {
    const { desk, ws, statement } = await setup();
    const signal = new AbortController().signal;
    await expect(openStatementStream(desk.outsider, { statementId: statement.id, signal })).rejects.toBeInstanceOf(NotFound);
    await expect(openStatementStream(desk.viewer, { statementId: "no-such-statement", signal })).rejects.toBeInstanceOf(NotFound);
    expect(statementEvents().listenerCount(statement.id)).toBe(0);
    // Publishing goes on for members; the outsider had no stream to hear it on.
    await highlightQuote(desk.checker, ws, statement, "303 people");
    expect(statementEvents().listenerCount(statement.id)).toBe(0);
  });

  it("a refused change publishes nothing", async () => {
    const { desk, ws, statement } = await setup();
    const created = await highlightQuote(desk.checker, ws, statement, "303 people");
    const abort = new AbortController();
    const stream = await openStatementStream(desk.checker, { statementId: statement.id, signal: abort.signal });
    await expect(deleteHighlight(desk.viewer, { workspaceId: ws, highlightId: created.id })).rejects.toBeInstanceOf(Forbidden);
    await expect(updateHighlight(desk.outsider, { workspaceId: ws, highlightId: created.id, body: "x" })).rejects.toBeInstanceOf(NotFound);
    // The next event heard is the one made after the refusals.
    await deleteHighlight(desk.checker, { workspaceId: ws, highlightId: created.id });
    const { events } = await readEvents(stream, 1);
    expect(events.map((e) => e.type)).toEqual(["highlight.deleted"]);
    abort.abort();
  });

  it("replays what a reconnecting stream missed, and asks one it cannot tell to resync", async () => {
    const { desk, ws, statement } = await setup();
    const first = statementEvents().publish(statement.id, desk.checker.userId, { type: "highlight.deleted", highlightId: "h0" });
    const later = await highlightQuote(desk.checker, ws, statement, "303 people");
    const abort = new AbortController();
    const resumed = await readEvents(await openStatementStream(desk.viewer, { statementId: statement.id, lastEventId: first.id, signal: abort.signal }), 1);
    expect(resumed.events.map((e) => e.type === "highlight.created" && e.highlight.id)).toEqual([later.id]);
    const stale = await openStatementStream(desk.viewer, { statementId: statement.id, lastEventId: "0000dead-1", signal: abort.signal });
    const reader = stale.getReader();
    let text = "";
    while (!text.includes("event: resync")) text += decoder.decode((await reader.read()).value);
    abort.abort();
  });

  it("closes the stream of someone removed from the desk at the next heartbeat", async () => {
    const { desk, statement } = await setup();
    const stream = await openStatementStream(desk.viewer, { statementId: statement.id, signal: new AbortController().signal, heartbeatMs: 30 });
    await db().membership.deleteMany({ where: { workspaceId: desk.workspace.id, userId: desk.viewer.userId } });
    const { ended } = await readEvents(stream, 1);
    expect(ended).toBe(true);
    expect(statementEvents().listenerCount(statement.id)).toBe(0);
  });
});

describe("corrections, live", () => {
  it("a correction is heard after it committed (who, which revision); a highlight then made on the old text is refused, not misplaced", async () => {
    const { desk, ws, statement } = await setup();
    const abort = new AbortController();
    const stream = await openStatementStream(desk.checker, { statementId: statement.id, signal: abort.signal });
    const corrected = statement.text.replace("303", "330");
    await correctStatementText(desk.editor, { workspaceId: ws, statementId: statement.id, baseRevision: 1, text: corrected });

    // The checker's page still shows revision 1 and highlights a passage of it.
    const start = statement.text.indexOf("four resolutions");
    const before = await db().highlight.count({ where: { statementId: statement.id } });
    const stale = await createHighlight(desk.checker, { workspaceId: ws, statementId: statement.id, revisionNumber: 1, start, end: start + 16, kind: "claim" }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(Conflict);
    // The field the workbench reads to say "the text was corrected meanwhile".
    expect((stale as Conflict).fieldErrors?.revisionNumber).toBeDefined();
    expect(await db().highlight.count({ where: { statementId: statement.id } })).toBe(before);
    // The next thing the stream carries after the correction is a highlight made on revision 2.
    await highlightQuote(desk.checker, ws, { id: statement.id, text: corrected }, "four resolutions");

    const { events, hello } = await readEvents(stream, 2);
    expect(hello).toEqual({ revision: 1 });
    expect(events.map((e) => [e.type, e.revision])).toEqual([
      ["statement.corrected", 2],
      ["highlight.created", 2],
    ]);
    expect(events[0]).toMatchObject({ statementId: statement.id, actorId: desk.editor.userId, by: { id: desk.editor.userId, name: expect.any(String) } });
    abort.abort();
  });

  it("a refused correction publishes nothing, and a stream opened later says which revision is current", async () => {
    const { desk, ws, statement } = await setup();
    const abort = new AbortController();
    const stream = await openStatementStream(desk.viewer, { statementId: statement.id, signal: abort.signal });
    await expect(correctStatementText(desk.checker, { workspaceId: ws, statementId: statement.id, baseRevision: 1, text: "Changed." })).rejects.toBeInstanceOf(Forbidden);
    await expect(correctStatementText(desk.outsider, { workspaceId: ws, statementId: statement.id, baseRevision: 1, text: "Changed." })).rejects.toBeInstanceOf(NotFound);
    await expect(correctStatementText(desk.editor, { workspaceId: ws, statementId: statement.id, baseRevision: 1, text: statement.text })).rejects.toThrow(/No change/);
    await correctStatementText(desk.editor, { workspaceId: ws, statementId: statement.id, baseRevision: 1, text: statement.text.replace("303", "330") });
    const { events } = await readEvents(stream, 1);
    expect(events.map((e) => [e.type, e.revision])).toEqual([["statement.corrected", 2]]);

    const later = await readUntil(await openStatementStream(desk.viewer, { statementId: statement.id, signal: abort.signal }), "event: hello");
    expect(later).toMatch(/event: hello\ndata: \{"revision":2\}/);
    abort.abort();
  });

  it("tells an open stream to resync when the bus may have missed events", async () => {
    const { desk, statement } = await setup();
    const abort = new AbortController();
    const stream = await openStatementStream(desk.viewer, { statementId: statement.id, signal: abort.signal });
    statementEvents().markGap();
    expect(await readUntil(stream, "event: resync")).toContain("event: resync");
    abort.abort();
  });
});
