import { afterEach, describe, expect, it } from "vitest";
import type { ExportRecord } from "~/domain/systems";
import { startTestbed, subject, type Testbed } from "../../../tests/fixtures/mailchimp";

const beds: Testbed[] = [];
afterEach(async () => {
  await Promise.all(beds.splice(0).map((b) => b.sim.stop()));
});
async function bed(...args: Parameters<typeof startTestbed>) {
  const b = await startTestbed(...args);
  beds.push(b);
  return b;
}

async function collect(records: AsyncIterable<ExportRecord>) {
  const out: ExportRecord[] = [];
  for await (const record of records) out.push(record);
  return out;
}

const EMAIL = "camille.martin@example.fr";

describe("exportSubject", () => {
  it("pages through 500 events with count/offset, never asking for more than one page", async () => {
    const events = Array.from({ length: 500 }, (_, i) => ({ name: `viewed_product_${i}` }));
    const { connector, callsTo } = await bed(
      { members: [{ email: EMAIL, status: "subscribed", events }] },
      { pageSize: 120 },
    );
    const records = await collect(connector.exportSubject(subject(EMAIL)));
    const exported = records.filter((r) => r.section === "events").map((r) => r.data.name);
    expect(exported).toEqual(events.map((e) => e.name));
    expect(callsTo("/events").map((c) => [c.query.count, c.query.offset])).toEqual([
      ["120", "0"],
      ["120", "120"],
      ["120", "240"],
      ["120", "360"],
      ["120", "480"],
    ]);
  });

  it("yields records while paging, before the last page is read", async () => {
    const events = Array.from({ length: 50 }, (_, i) => ({ name: `e${i}` }));
    const { connector, callsTo } = await bed(
      { members: [{ email: EMAIL, status: "subscribed", events }] },
      { pageSize: 10 },
    );
    const iterator = connector.exportSubject(subject(EMAIL))[Symbol.asyncIterator]();
    let record = await iterator.next();
    while (!record.done && record.value.section !== "events") record = await iterator.next();
    expect(record.value).toMatchObject({ section: "events", data: { name: "e0" } });
    expect(callsTo("/events")).toHaveLength(1);
    await iterator.return?.(undefined);
  });

  it("marks what the shopper provided: address, merge fields, GDPR choices", async () => {
    const { connector } = await bed({
      gdpr: true,
      members: [
        {
          email: EMAIL,
          status: "subscribed",
          mergeFields: { PHONE: "+33 6 00 00 00 00" },
          tags: ["vip", "paris"],
          notes: ["Asked about sizes"],
          activity: [
            { activity_type: "open", campaign_id: "c1", created_at_timestamp: "2026-11-01T10:00:00+00:00" },
          ],
        },
      ],
    });
    const records = await collect(connector.exportSubject(subject(EMAIL)));
    const provided = records.filter((r) => r.provided);
    expect(provided[0]).toEqual({
      section: "member",
      provided: true,
      data: {
        email_address: EMAIL,
        merge_fields: expect.objectContaining({
          FNAME: "Camille",
          LNAME: "Martin",
          PHONE: "+33 6 00 00 00 00",
        }),
        interests: {},
      },
    });
    expect(provided.filter((r) => r.section === "marketing_permissions").map((r) => r.data.enabled)).toEqual([
      true,
      true,
      true,
    ]);
    const observed = records.find((r) => r.section === "member" && !r.provided);
    expect(observed?.data).toMatchObject({ status: "subscribed", ip_opt: expect.any(String) });
    expect(observed?.data).not.toHaveProperty("email_address");
    expect(observed?.data).not.toHaveProperty("_links");
    const bySection = (section: string) => records.filter((r) => r.section === section && !r.provided);
    expect(bySection("tags").map((r) => r.data.name)).toEqual(["vip", "paris"]);
    expect(bySection("notes").map((r) => r.data.note)).toEqual(["Asked about sizes"]);
    expect(bySection("activity").map((r) => r.data.activity_type)).toEqual(["open"]);
  });

  it("yields nothing for an address the audience does not hold", async () => {
    const { connector, sim } = await bed();
    await expect(collect(connector.exportSubject(subject("nobody@example.fr")))).resolves.toEqual([]);
    expect(sim.stats.requests).toBe(1);
  });

  it("yields nothing, asking nothing, for a subject without an e-mail", async () => {
    const { connector, sim } = await bed();
    await expect(collect(connector.exportSubject(subject(null)))).resolves.toEqual([]);
    expect(sim.stats.requests).toBe(0);
  });
});
