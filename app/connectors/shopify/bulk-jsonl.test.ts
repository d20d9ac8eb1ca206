import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { interpretBackfillLine } from "./bulk-customers";
import { GUEST_ORDERS_QUERY, interpretGuestOrderLine } from "./bulk-guest-orders";
import { gidNumber, JsonlError, readJsonl } from "./bulk-jsonl";

const encoder = new TextEncoder();

/** The text cut into chunks at the given byte positions, as a network stream delivers it. */
async function* chunked(text: string, cuts: number[]): AsyncIterable<Uint8Array> {
  const bytes = encoder.encode(text);
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= start || cut >= bytes.length) continue;
    yield bytes.slice(start, cut);
    start = cut;
  }
  yield bytes.slice(start);
}

async function collect(
  iterable: AsyncIterable<{ line: number; value: Record<string, unknown>; endByte: number }>,
) {
  const out = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const FILE = [
  '{"id":"gid://shopify/Customer/1","numberOfOrders":"2","defaultEmailAddress":{"emailAddress":"Zoé@Example.fr"}}',
  '{"id":"gid://shopify/Order/10","createdAt":"2016-01-02T03:04:05Z","__parentId":"gid://shopify/Customer/1"}',
  '{"id":"gid://shopify/Customer/2","note":"caf\u00e9 \u{1F600}"}',
].join("\n");

describe("readJsonl", () => {
  it("reads every line whatever the chunk boundaries, multi-byte characters included", async () => {
    const bytes = encoder.encode(FILE).length;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: bytes - 1 }), { maxLength: 12 }), async (cuts) => {
        const lines = await collect(readJsonl(chunked(FILE, cuts)));
        expect(lines.map((l) => l.line)).toEqual([1, 2, 3]);
        expect(lines[2]?.value).toEqual({ id: "gid://shopify/Customer/2", note: "café 😀" });
        expect(lines[2]?.endByte).toBe(bytes);
      }),
    );
  });

  it("gives each line's end offset, so that a ranged read resumes exactly after it", async () => {
    const text = `${FILE}\n`;
    const all = await collect(readJsonl(chunked(text, [7, 100])));
    const first = all[0];
    if (!first) throw new Error("no line");
    const rest = encoder.encode(text).slice(first.endByte);
    const resumed = await collect(
      readJsonl(
        (async function* () {
          yield rest;
        })(),
        { startByte: first.endByte, startLine: first.line },
      ),
    );
    expect(resumed).toEqual(all.slice(1));
  });

  it("keeps ids beyond 2^53 exact, as numbers or inside GIDs", async () => {
    const text =
      '{"id":"gid://shopify/Customer/820982911946154508","legacyResourceId":820982911946154508}\n' +
      '{"id":"gid://shopify/Order/9223372036854775807","createdAt":"2020-01-01T00:00:00Z","__parentId":"gid://shopify/Customer/820982911946154508"}\n';
    const [customer, order] = await collect(readJsonl(chunked(text, [30])));
    expect(customer?.value.legacyResourceId).toBe("820982911946154508");
    expect(interpretBackfillLine(customer?.value ?? {})).toMatchObject({
      customer: { customerId: "820982911946154508" },
    });
    expect(interpretBackfillLine(order?.value ?? {})).toEqual({
      order: {
        orderId: "9223372036854775807",
        customerId: "820982911946154508",
        createdAt: new Date("2020-01-01T00:00:00Z"),
      },
    });
  });

  it("skips blank lines, reads a last line without its newline, refuses a line that is not an object", async () => {
    expect((await collect(readJsonl(chunked('{"a":1}\n\n{"b":2}', [])))).map((l) => l.value)).toEqual([
      { a: 1 },
      { b: 2 },
    ]);
    await expect(collect(readJsonl(chunked('{"a":1}\n[1,2]\n', [])))).rejects.toThrow(JsonlError);
    await expect(collect(readJsonl(chunked('{"a":1}\n{"b":\n', [])))).rejects.toThrow(/line 2: not JSON/);
  });
});

describe("interpretBackfillLine", () => {
  it("reads a customer's e-mail (normalised), marketing state, order count; a withheld field is absent", () => {
    expect(
      interpretBackfillLine({
        id: "gid://shopify/Customer/7",
        createdAt: "2015-05-05T10:00:00Z",
        locale: "fr",
        numberOfOrders: "3",
        defaultEmailAddress: { emailAddress: " Zoé@Example.FR " },
        emailMarketingConsent: {
          marketingState: "SUBSCRIBED",
          marketingOptInLevel: "SINGLE_OPT_IN",
          consentUpdatedAt: "2016-06-06T00:00:00Z",
        },
      }),
    ).toEqual({
      customer: {
        customerId: "7",
        email: "zoé@example.fr",
        locale: "fr",
        createdAt: new Date("2015-05-05T10:00:00Z"),
        numberOfOrders: 3,
        marketing: {
          state: "SUBSCRIBED",
          optInLevel: "SINGLE_OPT_IN",
          updatedAt: new Date("2016-06-06T00:00:00Z"),
        },
      },
    });
    // Protected customer data not granted: Shopify answers null; the customer is still read.
    expect(
      interpretBackfillLine({
        id: "gid://shopify/Customer/8",
        defaultEmailAddress: null,
        numberOfOrders: "0",
      }),
    ).toMatchObject({ customer: { customerId: "8", email: null, marketing: null } });
    expect(interpretBackfillLine({ id: "gid://shopify/Product/8" })).toBeNull();
  });

  it("gidNumber reads only the resource asked for", () => {
    expect(gidNumber("Order", "gid://shopify/Order/42")).toBe("42");
    expect(gidNumber("Customer", "gid://shopify/Order/42")).toBeNull();
    expect(gidNumber("Customer", 42)).toBeNull();
  });
});

describe("interpretGuestOrderLine", () => {
  it("reads an order placed without an account: exact id beyond 2^53, date, the buyer's e-mail normalised", async () => {
    const text =
      '{"id":"gid://shopify/Order/9223372036854775807","createdAt":"2014-06-01T10:00:00Z","email":" Invite@Example.FR ","customer":null}\n';
    const [line] = await collect(readJsonl(chunked(text, [])));
    expect(interpretGuestOrderLine(line?.value ?? {})).toEqual({
      guestOrder: {
        orderId: "9223372036854775807",
        email: "invite@example.fr",
        createdAt: new Date("2014-06-01T10:00:00Z"),
      },
    });
  });

  it("skips an order of a customer account (the customers' phase read it), whatever its e-mail", () => {
    expect(
      interpretGuestOrderLine({
        id: "gid://shopify/Order/5",
        createdAt: "2020-01-01T00:00:00Z",
        email: "checkout@example.fr",
        customer: { id: "gid://shopify/Customer/1", defaultEmailAddress: { emailAddress: "a@example.fr" } },
      }),
    ).toBeNull();
  });

  it("an e-mail Shopify withholds (null) or that is missing leaves nobody to identify: skipped", () => {
    const base = { id: "gid://shopify/Order/6", createdAt: "2020-01-01T00:00:00Z", customer: null };
    expect(interpretGuestOrderLine({ ...base, email: null })).toBeNull();
    expect(interpretGuestOrderLine(base)).toBeNull();
    expect(interpretGuestOrderLine({ ...base, email: "not an address" })).toBeNull();
  });

  it("skips what the query does not produce: no order id, no date, a nested line", () => {
    const order = { id: "gid://shopify/Order/7", createdAt: "2020-01-01T00:00:00Z", email: "a@example.fr" };
    expect(interpretGuestOrderLine({ ...order, id: "gid://shopify/Customer/7" })).toBeNull();
    expect(interpretGuestOrderLine({ ...order, createdAt: "yesterday" })).toBeNull();
    expect(interpretGuestOrderLine({ ...order, __parentId: "gid://shopify/Customer/1" })).toBeNull();
    expect(interpretGuestOrderLine(order)).toMatchObject({ guestOrder: { orderId: "7" } });
  });

  it("asks Shopify for the orders without a customer, with the customer selected to check", () => {
    expect(GUEST_ORDERS_QUERY).toContain('orders(query: "-customer_id:*")');
    expect(GUEST_ORDERS_QUERY).toMatch(/email customer \{ id defaultEmailAddress \{ emailAddress \} \}/);
  });
});
