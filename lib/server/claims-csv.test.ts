import { describe, expect, it } from "vitest";
import { corpusText } from "../../test/annotation-factories";
import { makeDesk, makeWorkspace } from "../../test/factories";
import { CORPUS_REPORT_META, CORPUS_REPORT_PLAN, seedAnnotatedStatement } from "../../test/report-factories";
import { makeScale } from "../../test/verdict-factories";
import { CLAIM_CSV_HEAD, claimCsvLinesAsync, type ClaimCsvRecord } from "../export/csv";
import { isoDay, isoInstant } from "../export/types";
import { db } from "./db";
import { Invalid, NotFound } from "./errors";
import { claimsCsvFilename, exportClaimsCsv } from "./claims-csv";

async function setup() {
  const desk = await makeDesk();
  const ws = desk.workspace.id;
  await makeScale(ws);
  const { claimIds } = await seedAnnotatedStatement({ checker: desk.checker, editor: desk.editor, admin: desk.admin }, ws, corpusText("002"), CORPUS_REPORT_META, CORPUS_REPORT_PLAN);
  return { desk, ws, claimIds };
}

async function collect(records: AsyncIterable<ClaimCsvRecord>): Promise<ClaimCsvRecord[]> {
  const out: ClaimCsvRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

describe("exportClaimsCsv", () => {
  it("gives every claim of the workspace to a viewer, unapproved verdicts without their rating or summary", async () => {
    const { desk, ws, claimIds } = await setup();
    const exported = await exportClaimsCsv(desk.viewer, { workspaceId: ws });
    const records = await collect(exported.records);
    expect(records.map((r) => r.claimId).sort()).toEqual([...claimIds].sort());
    for (const r of records) {
      expect(r.statementTitle).toBe(CORPUS_REPORT_META.title);
      if (r.verdictStatus === "approved" || r.verdictStatus === "published") expect(r.rating).not.toBeNull();
      else expect([r.rating, r.summary, r.reviewer]).toEqual([null, "", null]);
    }
    // Dates read back as the instants stored, whatever form the driver returns them in.
    const stored = await db().claim.findMany({ where: { id: { in: claimIds } }, select: { id: true, createdAt: true, updatedAt: true } });
    for (const c of stored) {
      const r = records.find((x) => x.claimId === c.id)!;
      expect([isoInstant(r.createdAt), isoInstant(r.updatedAt)]).toEqual([c.createdAt.toISOString(), c.updatedAt.toISOString()]);
      expect(isoDay(r.statementPublishedAt)).toBe("2023-07-29");
    }
    const published = records.filter((r) => r.verdictStatus === "published");
    expect(published.length).toBeGreaterThan(0);
    for (const r of published) expect(r.publishedAt).not.toBeNull();
  });

  it("shows drafts when asked, and filters like the reports page", async () => {
    const { desk, ws } = await setup();
    const all = await collect((await exportClaimsCsv(desk.viewer, { workspaceId: ws, includeDrafts: true })).records);
    const drafts = all.filter((r) => r.verdictStatus && r.verdictStatus !== "approved" && r.verdictStatus !== "published" && r.summary !== "");
    expect(drafts.length).toBeGreaterThan(0);
    const checked = await collect((await exportClaimsCsv(desk.viewer, { workspaceId: ws, status: "checked" })).records);
    expect(checked.map((r) => r.claimId).sort()).toEqual(all.filter((r) => r.status === "checked").map((r) => r.claimId).sort());
    const none = await collect((await exportClaimsCsv(desk.viewer, { workspaceId: ws, speaker: "nobody-like-this" })).records);
    expect(none).toEqual([]);
    const later = await collect((await exportClaimsCsv(desk.viewer, { workspaceId: ws, from: "2030-01-01" })).records);
    expect(later).toEqual([]);
  });

  it("streams a header and one line per claim", async () => {
    const { desk, ws, claimIds } = await setup();
    let text = "";
    for await (const line of claimCsvLinesAsync((await exportClaimsCsv(desk.viewer, { workspaceId: ws })).records)) text += line;
    expect(text.startsWith(CLAIM_CSV_HEAD)).toBe(true);
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(claimIds.length + 1);
    expect(claimsCsvFilename(desk.workspace.slug, new Date("2024-05-01T10:00:00Z"))).toBe(`factdesk-claims-${desk.workspace.slug}-2024-05-01.csv`);
  });

  it("does not exist for an outsider and refuses bad filters with a message", async () => {
    const { desk, ws } = await setup();
    await expect(exportClaimsCsv(desk.outsider, { workspaceId: ws })).rejects.toBeInstanceOf(NotFound);
    const other = await makeWorkspace();
    await expect(exportClaimsCsv(desk.viewer, { workspaceId: other.workspace.id })).rejects.toBeInstanceOf(NotFound);
    await expect(exportClaimsCsv(desk.viewer, { workspaceId: ws, from: "2024-13-01" })).rejects.toMatchObject({ fieldErrors: { from: [expect.stringMatching(/real date/)] } });
    await expect(exportClaimsCsv(desk.viewer, { workspaceId: ws, tag: "no-such-tag" })).rejects.toBeInstanceOf(Invalid);
  });
});
