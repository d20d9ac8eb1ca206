// The register drafted from a shop's rows, on real databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "~/domain/errors";
import { flattenForForm } from "~/domain/processing/record";
import { ACTIVITY_DRAFTS } from "~/domain/processing/register";
import { createTestDatabase, type TestDatabase, testDialects } from "../../tests/support/databases";
import {
  activityForEdit,
  registerCsv,
  registerForShop,
  reviewActivity,
  saveActivity,
} from "./processing-register.server";

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
  security: "Security",
  reviewed: "Reviewed",
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
    expect(register.activities[0]?.retention).toMatch(/^6 years after the last order/);

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
        "\uFEFFController,Contact,Activity,Purposes,Subjects,Data,Recipients,Transfers,Retention,Automated,Security,Reviewed\r\n",
      ),
    ).toBe(true);
    expect(csv.match(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/g)).toHaveLength(register.activities.length + 1);
    expect(csv).toContain("Personnel habilité de =HYPERLINK(1)");
    // The controller's cell starts every line: neutralised, or a spreadsheet would run it.
    expect(csv.split("\r\n")[1]?.startsWith("'=HYPERLINK(1),,")).toBe(true);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  async function demoShop(name: string) {
    const shop = await t.db.shop.create({
      data: {
        domain: `${name}-${dialect}.myshopify.com`,
        name: "iméra",
        settings: JSON.stringify({ retention: { customerYearsAfterLastOrder: 10, prospectYears: 3 } }),
      },
    });
    return shop;
  }

  /** The edit form as staff post it: the stored values, with `changes` on top. */
  async function form(shopId: string, key: string, changes: Record<string, string>) {
    const { entry } = await activityForEdit(t.db, shopId, key, "en");
    return Object.entries({ ...flattenForForm(entry.content), revision: String(entry.revision), ...changes });
  }

  it("drafts each activity once, even when two first visits race", async () => {
    const shop = await demoShop("race");
    await Promise.all([registerForShop(t.db, shop.id, "fr"), registerForShop(t.db, shop.id, "en")]);
    expect(await t.db.registerEntry.count({ where: { shopId: shop.id, kind: "activity" } })).toBe(
      ACTIVITY_DRAFTS.length,
    );
    expect(await t.db.registerChange.count({ where: { shopId: shop.id, action: "drafted" } })).toBe(
      ACTIVITY_DRAFTS.length,
    );
  });

  it("keeps every edit in the history with who made it and what changed, and audits it", async () => {
    const shop = await demoShop("edit");
    await registerForShop(t.db, shop.id, "en");
    const changed = await saveActivity(
      t.db,
      shop,
      "staff-1",
      "marketing",
      await form(shop.id, "marketing", { "retention.1.months": "36", "retention.1.clock": "last_contact" }),
    );
    expect(changed).toEqual(["retention"]);
    // The same values again change nothing and write nothing.
    expect(
      await saveActivity(t.db, shop, "staff-1", "marketing", await form(shop.id, "marketing", {})),
    ).toEqual([]);

    const { entry, reading } = await activityForEdit(t.db, shop.id, "marketing", "en");
    expect(entry.revision).toBe(2);
    expect(reading.retentionPeriods[1]).toMatchObject({
      text: "3 years after the last contact (customers)",
      longerThanReference: false,
    });
    expect(
      entry.changes.map(({ action, revision, actorId, fields }) => ({ action, revision, actorId, fields })),
    ).toEqual([
      { action: "edited", revision: 2, actorId: "staff-1", fields: ["retention"] },
      { action: "drafted", revision: 1, actorId: null, fields: [] },
    ]);
    // The history keeps each version's content: the draft's 10 years are still readable.
    const drafted = await t.db.registerChange.findFirstOrThrow({
      where: { entryId: entry.id, action: "drafted" },
    });
    expect(JSON.parse(drafted.content).retention[1].months).toBe(120);
    expect(
      await t.db.auditEvent.count({
        where: { shopId: shop.id, action: "register.activity.edited", targetId: entry.id },
      }),
    ).toBe(1);
  });

  it("refuses an incomplete activity naming the fields, and an edit of a version someone else changed", async () => {
    const shop = await demoShop("refuse");
    await registerForShop(t.db, shop.id, "en");
    const invalid = await saveActivity(
      t.db,
      shop,
      "staff-1",
      "statistics",
      await form(shop.id, "statistics", { "purposes.0.legitimateInterest.en": "", "subjects.fr": "" }),
    ).catch((error) => error);
    expect(invalid).toBeInstanceOf(AppError);
    expect(invalid).toMatchObject({
      code: "REGISTER_ENTRY_INVALID",
      fields: ["subjects", "purposes.0.legitimateInterest"],
    });

    const stale = await form(shop.id, "statistics", { "data.en": "Orders" });
    await saveActivity(
      t.db,
      shop,
      "staff-2",
      "statistics",
      await form(shop.id, "statistics", { "data.en": "Orders only" }),
    );
    await expect(saveActivity(t.db, shop, "staff-1", "statistics", stale)).rejects.toMatchObject({
      code: "REGISTER_ENTRY_STALE",
    });
    const { entry } = await activityForEdit(t.db, shop.id, "statistics", "en");
    expect(entry.content.data.en).toBe("Orders only");
  });

  it("signs off the version staff read; an edit after it asks for a new one", async () => {
    const shop = await demoShop("review");
    await registerForShop(t.db, shop.id, "en");
    const at = new Date("2026-12-01T09:30:00Z");
    await expect(reviewActivity(t.db, shop, "dpo-1", "orders", 2, at)).rejects.toMatchObject({
      code: "REGISTER_ENTRY_STALE",
    });
    await reviewActivity(t.db, shop, "dpo-1", "orders", 1, at);
    let orders = (await registerForShop(t.db, shop.id, "en")).activities.find((a) => a.id === "orders");
    expect(orders?.review).toEqual({ state: "reviewed", at: at.toISOString(), by: "dpo-1" });

    await saveActivity(
      t.db,
      shop,
      "staff-1",
      "orders",
      await form(shop.id, "orders", { "data.en": "Identity, address" }),
    );
    orders = (await registerForShop(t.db, shop.id, "en")).activities.find((a) => a.id === "orders");
    expect(orders?.review.state).toBe("changed_since_review");
    const { entry } = await activityForEdit(t.db, shop.id, "orders", "en");
    expect(entry.changes.map((c) => `${c.action}:${c.revision}:${c.actorId ?? "vigie"}`)).toEqual([
      "edited:2:staff-1",
      "reviewed:1:dpo-1",
      "drafted:1:vigie",
    ]);
    expect(
      await t.db.auditEvent.count({ where: { shopId: shop.id, action: "register.activity.reviewed" } }),
    ).toBe(1);
  });

  it("answers NOT_FOUND for another shop's or an unknown activity", async () => {
    const shop = await demoShop("other");
    await expect(activityForEdit(t.db, shop.id, "nope", "en")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(reviewActivity(t.db, { id: "another-shop" }, "s", "orders", 1)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
