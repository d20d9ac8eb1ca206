// The notice round trip on real databases: record → notice → published version → an edit → a new
// version, with the difference between the two readable, and the earlier version still served.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lineText, noticeFor } from "~/domain/notice/notice";
import { flattenForForm } from "~/domain/processing/record";
import { createTestDatabase, type TestDatabase, testDialects } from "../../tests/support/databases";
import {
  compareNoticeVersions,
  draftNotice,
  noticeVersions,
  publishedNotice,
  publishNotice,
} from "./privacy-notice.server";
import { activityForEdit, saveActivity } from "./processing-register.server";
import { confirmProcessor } from "./processors-register.server";

describe.each(testDialects())("privacy notice on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  it("publishes the record as numbered versions, each kept, and shows what changed between two", async () => {
    const shop = await t.db.shop.create({
      data: {
        domain: `notice-${dialect}.myshopify.com`,
        name: "iméra",
        settings: JSON.stringify({ dpoEmail: "contact@imera-paris.com" }),
      },
    });
    expect(await publishedNotice(t.db, shop.id)).toBeNull();
    const staff = { type: "staff" as const, id: "dpo-1" };
    expect(await publishNotice(t.db, shop, staff, new Date("2026-12-01T10:00:00Z"))).toEqual({
      version: 1,
      created: true,
    });
    // Nothing changed: no new version.
    expect(await publishNotice(t.db, shop, staff)).toEqual({ version: 1, created: false });
    // Stored in every shopper language (docs/decisions/083).
    const stored = await t.db.noticeVersion.findFirstOrThrow({ where: { shopId: shop.id, version: 1 } });
    expect(Object.keys(JSON.parse(stored.content))).toEqual(["fr", "en", "de", "es", "it"]);
    const first = await publishedNotice(t.db, shop.id, 1);
    expect([first?.content.de?.title, first?.content.es?.title, first?.content.it?.title]).toEqual([
      "Datenschutzerklärung",
      "Política de privacidad",
      "Informativa sulla privacy",
    ]);

    const { entry } = await activityForEdit(t.db, shop.id, "marketing", "fr");
    await saveActivity(
      t.db,
      shop,
      "dpo-1",
      "marketing",
      Object.entries({
        ...flattenForForm(entry.content),
        revision: String(entry.revision),
        "retention.1.months": "36",
        "retention.1.clock": "last_contact",
      }),
    );
    await confirmProcessor(t.db, shop, "dpo-1", "banks", 1);
    expect(
      (await draftNotice(t.db, shop.id)).fr.sections
        .find((s) => s.id === "retention")
        ?.items.map(lineText)
        .find((item) => item.startsWith("Prospection")),
    ).toContain("3 ans après le dernier contact (clients)");
    expect(await publishNotice(t.db, shop, staff, new Date("2026-12-02T10:00:00Z"))).toEqual({
      version: 2,
      created: true,
    });

    expect((await noticeVersions(t.db, shop.id)).map((v) => [v.version, v.publishedBy])).toEqual([
      [2, "dpo-1"],
      [1, "dpo-1"],
    ]);
    const v1 = await publishedNotice(t.db, shop.id, 1);
    expect(v1?.publishedAt.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(JSON.stringify(v1?.content.fr)).toContain("10 ans après la dernière commande (clients)");
    expect((await publishedNotice(t.db, shop.id))?.version).toBe(2);

    const diff = await compareNoticeVersions(t.db, shop.id, 1, 2, "fr");
    expect(diff?.filter((line) => line.op !== "same")).toEqual([
      {
        op: "removed",
        text: expect.stringMatching(
          /^- Prospection commerciale par e-mail.*10 ans après la dernière commande \(clients\)/,
        ),
      },
      {
        op: "added",
        text: expect.stringMatching(
          /^- Prospection commerciale par e-mail.*3 ans après le dernier contact \(clients\)/,
        ),
      },
    ]);
    expect(await compareNoticeVersions(t.db, shop.id, 1, 3, "fr")).toBeNull();
    expect(await t.db.auditEvent.count({ where: { shopId: shop.id, action: "notice.published" } })).toBe(2);
  });

  it("reads a version published in French and English only in French for a German shopper; publishing again adds the five languages", async () => {
    const shop = await t.db.shop.create({
      data: { domain: `notice-old-${dialect}.myshopify.com`, name: "iméra" },
    });
    const { fr, en } = await draftNotice(t.db, shop.id);
    await t.db.noticeVersion.create({
      data: {
        shopId: shop.id,
        version: 1,
        content: JSON.stringify({ fr, en }),
        publishedAt: new Date(),
        publishedBy: "dpo-1",
      },
    });
    const old = await publishedNotice(t.db, shop.id);
    if (!old) throw new Error("no version");
    expect(noticeFor(old.content, "de")).toEqual({ notice: fr, locale: "fr" });
    expect(noticeFor(old.content, "en").locale).toBe("en");
    // Staff still compare it with a five-language version, in French and English.
    expect(await publishNotice(t.db, shop, { type: "staff", id: "dpo-1" })).toEqual({
      version: 2,
      created: true,
    });
    expect(noticeFor((await publishedNotice(t.db, shop.id))?.content ?? old.content, "de").locale).toBe("de");
    for (const locale of ["fr", "en"] as const) {
      const diff = await compareNoticeVersions(t.db, shop.id, 1, 2, locale);
      expect(diff?.every((line) => line.op === "same")).toBe(true);
    }
  });
});
