// The banner's settings from the Cookies page on SQLite and PostgreSQL (docs/decisions/063): texts
// per language over the defaults, colours, position and Consent Mode reach what the storefront loads;
// each language's version covers its texts (docs/decisions/082), so a change asks that language's
// visitors again when the shop says so, and a processor change asks every language again; a colour
// pair below WCAG AA is refused and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_BANNER_COLOURS } from "~/domain/consent/banner-look";
import { flattenForForm } from "~/domain/processing/record";
import { createShopperTranslator, createTranslator } from "~/i18n/translate";
import { bannerConfig, bannerContent, saveBannerSettings } from "~/services/cookie-banner.server";
import { activityForEdit, saveActivity } from "~/services/processing-register.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

describe.each(testDialects())("the banner's settings, on %s", (dialect) => {
  let t: TestDatabase;
  let shopId: string;
  const base = {
    askAgainOnChange: true,
    consentMode: false,
    position: "bottom" as const,
    colours: DEFAULT_BANNER_COLOURS,
    texts: { fr: {}, en: {} },
  };
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    shopId = (await t.db.shop.create({ data: { domain: `look-${dialect}.myshopify.com`, name: "iméra" } }))
      .id;
  });
  afterAll(() => t.drop());

  it("serves the shop's texts and look, and a text change is a new version that asks again", async () => {
    const before = await bannerConfig(t.db, shopId, "fr", null);
    expect(before.texts.title).toBe(createTranslator("fr")("banner.title"));
    expect(before.look).toEqual({ position: "bottom", colours: DEFAULT_BANNER_COLOURS });
    expect(before.consentMode).toBe(false);

    const saved = await saveBannerSettings(t.db, shopId, "staff-1", {
      ...base,
      consentMode: true,
      position: "center",
      colours: { background: "#fdf6e3", text: "#1b1b1b", button: "#003366", buttonText: "#ffffff" },
      texts: { fr: { title: "Les cookies d'iméra", refuseAll: "" }, en: { acceptAll: "Accept everything" } },
    });
    expect(saved).toMatchObject({ ok: true });
    const fr = await bannerConfig(t.db, shopId, "fr", { version: before.version, decidedAt: new Date() });
    expect(fr.texts.title).toBe("Les cookies d'iméra");
    // Empty is the default.
    expect(fr.texts.refuseAll).toBe(before.texts.refuseAll);
    expect(fr.version).not.toBe(before.version);
    expect(fr).toMatchObject({ askAgain: true, askAgainReason: "purposes_changed", consentMode: true });
    expect(fr.look).toEqual({
      position: "center",
      colours: { background: "#fdf6e3", text: "#1b1b1b", button: "#003366", buttonText: "#ffffff" },
    });
    const en = await bannerConfig(t.db, shopId, "en", null);
    expect(en.texts.acceptAll).toBe("Accept everything");
    expect(en.version).not.toBe(fr.version);
    expect(await t.db.auditEvent.count({ where: { shopId, action: "settings.banner.updated" } })).toBe(1);

    // With re-asking off, a further text change keeps earlier choices standing.
    await saveBannerSettings(t.db, shopId, "staff-1", {
      ...base,
      askAgainOnChange: false,
      texts: { fr: { title: "Cookies" }, en: {} },
    });
    const later = await bannerConfig(t.db, shopId, "fr", { version: fr.version, decidedAt: new Date() });
    expect(later.version).not.toBe(fr.version);
    expect(later.askAgain).toBe(false);
  });

  it("versions each language apart: an English edit asks only English visitors again, a processor change everyone", async () => {
    await saveBannerSettings(t.db, shopId, "staff-1", base);
    const before = await bannerContent(t.db, shopId);
    // German, Spanish and Italian speak the catalogue's formal wording.
    expect(before.texts.de.refuseAll).toBe(createShopperTranslator("de")("banner.refuseAll"));
    expect(before.texts.de.intro).toContain("Ihrer Einwilligung");
    expect(before.texts.es.intro).toContain("Con su consentimiento");
    expect(before.texts.it.intro).toContain("Con il Suo consenso");
    expect(new Set(Object.values(before.versions)).size).toBe(5);

    // The shop rewords English only: a German visitor's stored choice still stands, an English one's not.
    await saveBannerSettings(t.db, shopId, "staff-1", { ...base, texts: { fr: {}, en: { save: "Save" } } });
    const edited = await bannerContent(t.db, shopId);
    expect(edited.versions.en).not.toBe(before.versions.en);
    expect({ ...edited.versions, en: "" }).toEqual({ ...before.versions, en: "" });
    const now = new Date();
    const de = await bannerConfig(t.db, shopId, "de", { version: before.versions.de, decidedAt: now });
    expect(de).toMatchObject({ locale: "de", version: before.versions.de, askAgain: false });
    const en = await bannerConfig(t.db, shopId, "en", { version: before.versions.en, decidedAt: now });
    expect(en).toMatchObject({ askAgain: true, askAgainReason: "purposes_changed" });
    // A choice made in German, read again in English: its German text did not change.
    const switched = await bannerConfig(t.db, shopId, "en", {
      version: before.versions.de,
      decidedAt: now,
      locale: "de",
    });
    expect(switched).toMatchObject({ version: edited.versions.en, askAgain: false });

    // A new recipient of audience measurement in the record of processing: every language changes.
    const { entry } = await activityForEdit(t.db, shopId, "site_analytics", "en");
    const form = flattenForForm(entry.content);
    await saveActivity(
      t.db,
      { id: shopId },
      "staff-1",
      "site_analytics",
      Object.entries({
        ...form,
        revision: String(entry.revision),
        "recipients.fr": `${form["recipients.fr"]} ; Pinterest`,
        "recipients.en": `${form["recipients.en"]}; Pinterest`,
      }),
    );
    const changed = await bannerContent(t.db, shopId);
    for (const locale of ["fr", "en", "de", "es", "it"] as const) {
      expect(changed.versions[locale], locale).not.toBe(edited.versions[locale]);
      const analytics = changed.texts[locale].purposes.find((p) => p.key === "analytics");
      expect(analytics?.processors.join(" "), locale).toContain("Pinterest");
    }
  });

  it("refuses a colour pair below WCAG AA and keeps what was saved", async () => {
    const before = await bannerConfig(t.db, shopId, "en", null);
    const refused = await saveBannerSettings(t.db, shopId, "staff-1", {
      ...base,
      colours: { ...DEFAULT_BANNER_COLOURS, button: "#9ca3af", buttonText: "#ffffff" },
      texts: { fr: { title: "Autre" }, en: {} },
    });
    expect(refused).toEqual({
      ok: false,
      invalid: false,
      contrast: [
        { pair: "button_text_on_button", ratio: 2.53, minimum: 4.5 },
        { pair: "button_on_background", ratio: 2.53, minimum: 3 },
      ],
    });
    expect(
      await saveBannerSettings(t.db, shopId, "staff-1", { ...base, position: "top" as "bottom" }),
    ).toEqual({
      ok: false,
      invalid: true,
      contrast: [],
    });
    const after = await bannerConfig(t.db, shopId, "en", null);
    expect(after.version).toBe(before.version);
    expect(after.look).toEqual(before.look);
  });
});
