// The register drafted from a shop's rows, on real databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../../tests/support/databases";
import { registerCsv, registerForShop } from "./processing-register.server";

const HEADINGS = {
  controller: "Controller",
  contact: "Contact",
  activity: "Activity",
  purposes: "Purposes",
  subjects: "Subjects",
  data: "Data",
  recipients: "Recipients",
  transfers: "Transfers",
  retention: "Retention",
  automated: "Automated",
};

describe.each(testDialects())("record of processing on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  it("counts a connector once its credentials are saved and it is enabled", async () => {
    const shop = await t.db.shop.create({
      data: {
        domain: `register-${dialect}.myshopify.com`,
        name: "iméra",
        settings: JSON.stringify({
          dpoEmail: "dpo@imera-paris.com",
          retention: { customerYearsAfterLastOrder: 6 },
        }),
      },
    });
    await t.db.connectorSetting.create({ data: { shopId: shop.id, connector: "stripe", secrets: "sealed" } });
    // Saved without credentials, and disabled: neither counts.
    await t.db.connectorSetting.create({ data: { shopId: shop.id, connector: "mailchimp" } });

    const register = await registerForShop(t.db, shop.id, "en");
    expect(register.activities.map((a) => a.id)).toContain("payments");
    expect(register.activities.map((a) => a.id)).not.toContain("mailchimp");
    expect(register.controller).toEqual({ name: "iméra", contactEmail: "dpo@imera-paris.com" });
    expect(register.activities[0]?.retention).toMatch(/^6 years/);

    await t.db.connectorSetting.update({
      where: { shopId_connector: { shopId: shop.id, connector: "stripe" } },
      data: { enabled: false },
    });
    expect((await registerForShop(t.db, shop.id, "en")).activities.map((a) => a.id)).not.toContain(
      "payments",
    );
  });

  it("writes one CSV line per activity, with a BOM, and neutralises a shop name a spreadsheet would run", async () => {
    const shop = await t.db.shop.create({
      data: { domain: `csv-${dialect}.myshopify.com`, name: "=HYPERLINK(1)" },
    });
    const register = await registerForShop(t.db, shop.id, "fr");

    const csv = registerCsv(register, HEADINGS);
    expect(
      csv.startsWith(
        "\uFEFFController,Contact,Activity,Purposes,Subjects,Data,Recipients,Transfers,Retention,Automated\r\n",
      ),
    ).toBe(true);
    expect(csv.match(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/g)).toHaveLength(register.activities.length + 1);
    expect(csv).toContain("Personnel habilité de =HYPERLINK(1)");
    // The controller's cell starts every line: neutralised, or a spreadsheet would run it.
    expect(csv.split("\r\n")[1]?.startsWith("'=HYPERLINK(1),,")).toBe(true);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
