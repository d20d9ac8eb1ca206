/// <reference types="@shopify/ui-extensions/purchase.checkout.contact.render-after" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { createResult } from "@shopify/ui-extensions-tester/checkout";
import { waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { checkbox, click, defineCheckboxStandIn, noteText, translator } from "./helpers";

const extension = getExtension("purchase.checkout.contact.render-after");

const EN_WORDING = "I'd like to receive news from Mock Shop by e-mail";
const FR_WORDING = "Je souhaite recevoir les actualités de Mock Shop par e-mail";

function grantCalls(values: { locale: string; wording: string; key?: string; notice?: string }) {
  return [
    [{ type: "updateAttribute", key: "_vigie_notice_version", value: values.notice ?? "2022-10-31" }],
    [
      {
        type: "updateAttribute",
        key: "_vigie_wording_key",
        value: values.key ?? "newsletter_checkbox.default",
      },
    ],
    [{ type: "updateAttribute", key: "_vigie_wording_locale", value: values.locale }],
    [{ type: "updateAttribute", key: "_vigie_wording", value: values.wording }],
    [{ type: "updateAttribute", key: "_vigie_consent", value: "granted" }],
  ];
}

const REMOVE_CALLS = [
  "_vigie_consent",
  "_vigie_notice_version",
  "_vigie_wording_key",
  "_vigie_wording_locale",
  "_vigie_wording",
].map((key) => [{ type: "removeAttribute", key }]);

function useLocale(locale: "fr" | "en") {
  extension.shopify.localization.language.value = { isoCode: locale === "fr" ? "fr-FR" : "en-GB" };
  extension.shopify.localization.extensionLanguage.value = { isoCode: locale };
  extension.shopify.i18n.translate = translator(locale) as typeof extension.shopify.i18n.translate;
}

let applyAttributeChange: ReturnType<typeof vi.fn>;

beforeEach(() => {
  defineCheckboxStandIn();
  extension.setUp();
  useLocale("en");
  applyAttributeChange = vi.fn().mockResolvedValue(createResult("applyAttributeChange"));
  extension.shopify.applyAttributeChange = applyAttributeChange;
});

afterEach(() => {
  extension.tearDown();
  vi.restoreAllMocks();
});

describe("checkout contact target", () => {
  test("renders an unticked box with the default wording and a privacy link, and writes nothing", async () => {
    await extension.render();

    expect(checkbox().checked).toBe(false);
    expect(checkbox().getAttribute("label")).toBe(EN_WORDING);
    const link = document.body.querySelector("s-link");
    expect(link?.getAttribute("href")).toBe("https://mock-shop.myshopify.com/policies/privacy-policy");
    expect(link?.textContent).toBe("Privacy notice");
    expect(noteText()).toBeUndefined();
    expect(applyAttributeChange).not.toHaveBeenCalled();
  });

  test.each([
    ["en", "You can choose to receive our news by e-mail on the order confirmation page."],
    [
      "fr",
      "Vous pourrez choisir de recevoir nos actualités par e-mail sur la page de confirmation de commande.",
    ],
  ] as const)(
    "where attributes cannot change (%s), shows no box and sends the buyer to the thank-you page",
    async (locale, note) => {
      useLocale(locale);
      extension.shopify.instructions.value = {
        ...extension.shopify.instructions.value,
        attributes: { canUpdateAttributes: false },
      };
      await extension.render();

      expect(document.body.querySelector("s-checkbox")).toBeNull();
      expect(noteText()).toBe(note);
      expect(applyAttributeChange).not.toHaveBeenCalled();
    },
  );

  test("ticking writes the five attributes, consent marker last", async () => {
    await extension.render();
    click(checkbox());

    await waitFor(() => expect(applyAttributeChange).toHaveBeenCalledTimes(5));
    expect(applyAttributeChange.mock.calls).toEqual(grantCalls({ locale: "en", wording: EN_WORDING }));
    await waitFor(() => expect(checkbox().hasAttribute("disabled")).toBe(false));
    expect(checkbox().checked).toBe(true);
    expect(noteText()).toBeUndefined();
  });

  test("unticking again removes the attributes, consent marker first", async () => {
    await extension.render();
    click(checkbox());
    await waitFor(() => expect(applyAttributeChange).toHaveBeenCalledTimes(5));
    await waitFor(() => expect(checkbox().hasAttribute("disabled")).toBe(false));
    expect(checkbox().checked).toBe(true);
    click(checkbox());

    await waitFor(() => expect(applyAttributeChange).toHaveBeenCalledTimes(10));
    expect(applyAttributeChange.mock.calls.slice(5)).toEqual(REMOVE_CALLS);
    await waitFor(() => expect(checkbox().hasAttribute("disabled")).toBe(false));
    expect(checkbox().checked).toBe(false);
  });

  test("shows the buyer's own earlier tick (same wording) as ticked", async () => {
    extension.shopify.attributes.value = grantCalls({ locale: "en", wording: EN_WORDING }).map(
      ([change]) => ({
        key: change.key,
        value: change.value,
      }),
    );
    await extension.render();

    expect(checkbox().checked).toBe(true);
    expect(applyAttributeChange).not.toHaveBeenCalled();
  });

  test("removes leftover _vigie_ attributes it did not write for this wording, and stays unticked", async () => {
    extension.shopify.attributes.value = [
      { key: "_vigie_consent", value: "granted" },
      { key: "gift_wrap", value: "yes" },
    ];
    await extension.render();

    expect(checkbox().checked).toBe(false);
    await waitFor(() => expect(applyAttributeChange).toHaveBeenCalledWith(REMOVE_CALLS[0]?.[0]));
    expect(applyAttributeChange.mock.calls.flat().map((change) => change.key)).not.toContain("gift_wrap");
  });

  test.each([
    [
      "an error result",
      () => Promise.resolve(createResult("applyAttributeChange", { type: "error", message: "x" })),
    ],
    ["a rejected promise", () => Promise.reject(new Error("accelerated checkout"))],
  ])(
    "when applyAttributeChange fails with %s: box back to unticked, discreet note, checkout not blocked",
    async (_, failure) => {
      applyAttributeChange.mockImplementation(failure);
      const intercept = vi.spyOn(extension.shopify.buyerJourney, "intercept");
      const logs = ["log", "info", "warn", "error", "debug"].map((method) =>
        vi.spyOn(console, method as "log").mockImplementation(() => {}),
      );
      await extension.render();
      click(checkbox());

      await waitFor(() =>
        expect(noteText()).toBe("Your choice could not be saved here. You can still complete your order."),
      );
      expect(checkbox().checked).toBe(false);
      expect(checkbox().hasAttribute("disabled")).toBe(false);
      expect(document.body.querySelector("s-text")?.getAttribute("color")).toBe("subdued");
      expect(intercept).not.toHaveBeenCalled();
      for (const log of logs) expect(log).not.toHaveBeenCalled();
      // No grant marker was ever attempted after the first failing write.
      expect(applyAttributeChange).not.toHaveBeenCalledWith(
        expect.objectContaining({ key: "_vigie_consent", value: "granted" }),
      );
    },
  );

  test("a tick that fails half-way removes the details already written", async () => {
    const error = createResult("applyAttributeChange", { type: "error", message: "x" });
    applyAttributeChange.mockResolvedValueOnce(createResult("applyAttributeChange"));
    applyAttributeChange.mockResolvedValueOnce(createResult("applyAttributeChange"));
    applyAttributeChange.mockResolvedValueOnce(error);
    await extension.render();
    click(checkbox());

    await waitFor(() => expect(applyAttributeChange).toHaveBeenCalledTimes(8));
    expect(applyAttributeChange.mock.calls.slice(3)).toEqual(REMOVE_CALLS);
    await waitFor(() => expect(noteText()).toBeDefined());
    expect(checkbox().checked).toBe(false);
  });

  test("the box is disabled while the attributes are being written", async () => {
    let finish = (_: unknown) => {};
    applyAttributeChange.mockReturnValueOnce(new Promise((resolve) => (finish = resolve)));
    await extension.render();
    click(checkbox());

    await waitFor(() => expect(checkbox().hasAttribute("disabled")).toBe(true));
    finish(createResult("applyAttributeChange"));
    await waitFor(() => expect(checkbox().hasAttribute("disabled")).toBe(false));
    expect(applyAttributeChange).toHaveBeenCalledTimes(5);
  });

  test("French buyer: French wording, labels and attributes", async () => {
    useLocale("fr");
    applyAttributeChange.mockResolvedValueOnce(
      createResult("applyAttributeChange", { type: "error", message: "x" }),
    );
    await extension.render();

    expect(checkbox().getAttribute("label")).toBe(FR_WORDING);
    expect(document.body.querySelector("s-link")?.textContent).toBe("Politique de confidentialité");
    click(checkbox());
    await waitFor(() =>
      expect(noteText()).toBe(
        "Votre choix n’a pas pu être enregistré ici. Vous pouvez finaliser votre commande normalement.",
      ),
    );

    applyAttributeChange.mockClear();
    click(checkbox());
    await waitFor(() => expect(applyAttributeChange).toHaveBeenCalledTimes(5));
    expect(applyAttributeChange.mock.calls).toEqual(grantCalls({ locale: "fr", wording: FR_WORDING }));
    await waitFor(() => expect(noteText()).toBeUndefined());
  });

  test("merchant settings: custom wording ({shop} replaced) is recorded as newsletter_checkbox.custom", async () => {
    useLocale("fr");
    extension.shopify.settings.value = {
      wording_fr: "  J'accepte de recevoir les offres de {shop} par e-mail ",
      wording_en: "Send me {shop} offers",
      notice_version: "2026-11-01",
      privacy_url: "https://example.com/confidentialite",
    };
    await extension.render();

    const shown = "J'accepte de recevoir les offres de Mock Shop par e-mail";
    expect(checkbox().getAttribute("label")).toBe(shown);
    expect(document.body.querySelector("s-link")?.getAttribute("href")).toBe(
      "https://example.com/confidentialite",
    );
    click(checkbox());
    await waitFor(() => expect(applyAttributeChange).toHaveBeenCalledTimes(5));
    expect(applyAttributeChange.mock.calls).toEqual(
      grantCalls({ locale: "fr", wording: shown, key: "newsletter_checkbox.custom", notice: "2026-11-01" }),
    );
  });

  test("an English buyer gets the English override, not the French one", async () => {
    extension.shopify.settings.value = {
      wording_fr: "Texte personnalisé",
      wording_en: "Send me {shop} offers",
    };
    await extension.render();

    expect(checkbox().getAttribute("label")).toBe("Send me Mock Shop offers");
  });
});
