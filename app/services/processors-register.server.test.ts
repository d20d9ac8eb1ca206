// The processors register on real databases: drafted once, edited with its history, confirmed only
// once its contract and safeguards are stated.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flattenForForm } from "~/domain/processing/record";
import { createTestDatabase, type TestDatabase, testDialects } from "../../tests/support/databases";
import {
  confirmProcessor,
  processorForEdit,
  processorsForShop,
  saveProcessor,
} from "./processors-register.server";

describe.each(testDialects())("processors register on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  const newShop = (name: string) =>
    t.db.shop.create({ data: { domain: `${name}-${dialect}.myshopify.com`, name: "iméra" } });
  async function form(shopId: string, key: string, changes: Record<string, string>) {
    const { entry } = await processorForEdit(t.db, shopId, key, "en");
    return Object.entries({ ...flattenForForm(entry.content), revision: String(entry.revision), ...changes });
  }

  it("lists the reference policy's recipients, Stripe's and Mailchimp's once connected, all to confirm", async () => {
    const shop = await newShop("list");
    const ids = async () => (await processorsForShop(t.db, shop.id, "en")).map((p) => p.id);
    expect(await ids()).toEqual(["shopify", "carriers", "vigie", "banks", "advertising", "social_networks"]);
    await t.db.connectorSetting.create({ data: { shopId: shop.id, connector: "stripe", secrets: "sealed" } });
    expect(await ids()).toContain("stripe");
    expect((await processorsForShop(t.db, shop.id, "fr")).every((p) => !p.confirmed)).toBe(true);
    expect(await t.db.registerEntry.count({ where: { shopId: shop.id, kind: "processor" } })).toBe(8);
  });

  it("confirms a transfer once staff state its safeguard; a later edit asks for a new confirmation", async () => {
    const shop = await newShop("confirm");
    await processorsForShop(t.db, shop.id, "en");
    await expect(confirmProcessor(t.db, shop, "dpo-1", "shopify", 1)).rejects.toMatchObject({
      code: "TRANSFER_SAFEGUARD_REQUIRED",
      fields: ["transfers.1.mechanism"],
    });
    expect(
      await saveProcessor(
        t.db,
        shop,
        "staff-1",
        "shopify",
        await form(shop.id, "shopify", { "transfers.1.mechanism": "sccs", contractDate: "2024-05-02" }),
      ),
    ).toEqual(["contractDate", "transfers"]);
    await confirmProcessor(t.db, shop, "dpo-1", "shopify", 2);
    let shopify = (await processorsForShop(t.db, shop.id, "en")).find((p) => p.id === "shopify");
    expect(shopify).toMatchObject({ confirmed: true, confirmedBy: "dpo-1", contractDate: "2024-05-02" });
    expect(shopify?.transfers[1]).toMatchObject({ mechanism: "sccs" });

    await saveProcessor(
      t.db,
      shop,
      "staff-1",
      "shopify",
      await form(shop.id, "shopify", { "location.en": "Ireland" }),
    );
    shopify = (await processorsForShop(t.db, shop.id, "en")).find((p) => p.id === "shopify");
    expect(shopify?.confirmed).toBe(false);
    const { entry } = await processorForEdit(t.db, shop.id, "shopify", "en");
    expect(entry.changes.map((c) => `${c.action}:${c.revision}:${c.fields.join("+")}`)).toEqual([
      "edited:3:location",
      "reviewed:2:",
      "edited:2:contractDate+transfers",
      "drafted:1:",
    ]);
    expect(
      await t.db.auditEvent.count({ where: { shopId: shop.id, action: "register.processor.reviewed" } }),
    ).toBe(1);
  });

  it("refuses a link that is not a web address, naming the field", async () => {
    const shop = await newShop("refuse");
    await processorsForShop(t.db, shop.id, "en");
    await expect(
      saveProcessor(
        t.db,
        shop,
        "staff-1",
        "banks",
        await form(shop.id, "banks", { contractUrl: "javascript:alert(1)" }),
      ),
    ).rejects.toMatchObject({ code: "REGISTER_ENTRY_INVALID", fields: ["contractUrl"] });
  });
});
