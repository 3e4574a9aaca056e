import { afterEach, describe, expect, it } from "vitest";

// The bench's bare route handler must not exist outside a bench run.
describe("POST /api/bench-baseline", () => {
  const saved = process.env.FACTDESK_BENCH;
  afterEach(() => {
    if (saved === undefined) delete process.env.FACTDESK_BENCH;
    else process.env.FACTDESK_BENCH = saved;
  });

  it("is a plain 404 unless the server runs with FACTDESK_BENCH=1", async () => {
    const { GET, POST } = await import("../../app/api/bench-baseline/route");
    const request = () => new Request("http://localhost/api/bench-baseline", { method: "POST", body: JSON.stringify({ workspaceId: "w" }), headers: { "content-type": "application/json" } });
    delete process.env.FACTDESK_BENCH;
    expect((await POST(request())).status).toBe(404);
    process.env.FACTDESK_BENCH = "0";
    expect((await POST(request())).status).toBe(404);
    expect(GET().status).toBe(404);
  });
});
