/// <reference types="@shopify/ui-extensions/purchase.thank-you.block.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { checkbox, click, defineCheckboxStandIn, noteText, translator } from "./helpers";

const extension = getExtension("purchase.thank-you.block.render");

const ENDPOINT = "https://vigie.example.com/api/checkout/consent";
const EN_WORDING = "I'd like to receive news from Mock Shop by e-mail";

function useLocale(locale: "fr" | "en") {
  extension.shopify.localization.extensionLanguage.value = { isoCode: locale };
  extension.shopify.i18n.translate = translator(locale) as typeof extension.shopify.i18n.translate;
}

let fetchMock: ReturnType<typeof vi.fn>;

function sentBodies(): unknown[] {
  return fetchMock.mock.calls.map(([, init]) => JSON.parse(String((init as RequestInit).body)));
}

beforeEach(() => {
  defineCheckboxStandIn();
  extension.setUp();
  useLocale("en");
  extension.shopify.orderConfirmation.value = { order: { id: "gid://shopify/Order/42" }, isFirstOrder: true };
  extension.shopify.checkoutToken.value = "checkout-token-1";
  fetchMock = vi.fn().mockResolvedValue(new Response(null, { status: 204 }));
  extension.fetch = fetchMock as typeof fetch;
});

afterEach(() => {
  extension.tearDown();
  vi.restoreAllMocks();
});

describe("thank-you fallback block", () => {
  test("renders an unticked box with the default wording and sends nothing", async () => {
    await extension.render();

    expect(checkbox().checked).toBe(false);
    expect(checkbox().getAttribute("label")).toBe(EN_WORDING);
    expect(document.body.querySelector("s-link")?.textContent).toBe("Privacy notice");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  test("ticking POSTs the grant to the backend with the session token as Bearer", async () => {
    await extension.render();
    click(checkbox());

    await waitFor(() => expect(noteText()).toBe("Thank you, your choice has been saved."));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(ENDPOINT);
    expect(init.method).toBe("POST");
    expect(init.headers).toEqual({
      Authorization: "Bearer mock-session-token",
      "Content-Type": "application/json",
    });
    expect(sentBodies()).toEqual([
      {
        consent: "granted",
        orderId: "gid://shopify/Order/42",
        checkoutToken: "checkout-token-1",
        noticeVersion: "2022-10-31",
        wordingKey: "newsletter_checkbox.default",
        wordingLocale: "en",
        wording: EN_WORDING,
      },
    ]);
    expect(checkbox().checked).toBe(true);
  });

  test("unticking after a saved grant POSTs a withdrawal", async () => {
    await extension.render();
    click(checkbox());
    await waitFor(() => expect(noteText()).toBe("Thank you, your choice has been saved."));
    click(checkbox());

    await waitFor(() => expect(noteText()).toBe("Noted: you will not receive our news by e-mail."));
    expect(sentBodies().map((body) => (body as { consent: string }).consent)).toEqual([
      "granted",
      "withdrawn",
    ]);
    expect(checkbox().checked).toBe(false);
  });

  test.each([
    ["a network error", () => Promise.reject(new TypeError("Failed to fetch"))],
    ["an HTTP 500", () => Promise.resolve(new Response("oops", { status: 500 }))],
  ])("survives %s: box back to unticked, note shown, nothing thrown", async (_, failure) => {
    fetchMock.mockImplementation(failure);
    await extension.render();
    click(checkbox());

    await waitFor(() => expect(noteText()).toBe("Your choice could not be saved. Please try again later."));
    expect(checkbox().checked).toBe(false);
    expect(checkbox().hasAttribute("disabled")).toBe(false);
  });

  test("the box is disabled while the request is in flight", async () => {
    let respond = (_: Response) => {};
    fetchMock.mockReturnValueOnce(new Promise((resolve) => (respond = resolve)));
    await extension.render();
    click(checkbox());

    await waitFor(() => expect(checkbox().hasAttribute("disabled")).toBe(true));
    respond(new Response(null, { status: 204 }));
    await waitFor(() => expect(checkbox().hasAttribute("disabled")).toBe(false));
    expect(noteText()).toBe("Thank you, your choice has been saved.");
  });

  test("survives a session token failure without calling the backend", async () => {
    extension.shopify.sessionToken.get = () => Promise.reject(new Error("no token"));
    await extension.render();
    click(checkbox());

    await waitFor(() => expect(noteText()).toBe("Your choice could not be saved. Please try again later."));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  test("is not shown when consent was already given in checkout", async () => {
    extension.shopify.attributes.value = [{ key: "_vigie_consent", value: "granted" }];
    await extension.render();

    expect(document.body.querySelector("s-checkbox")).toBeNull();
  });

  test("French buyer: French wording, labels and payload", async () => {
    useLocale("fr");
    await extension.render();

    const wording = "Je souhaite recevoir les actualités de Mock Shop par e-mail";
    expect(checkbox().getAttribute("label")).toBe(wording);
    expect(document.body.querySelector("s-link")?.textContent).toBe("Politique de confidentialité");
    click(checkbox());
    await waitFor(() => expect(noteText()).toBe("Merci, votre choix est enregistré."));
    expect(sentBodies()[0]).toMatchObject({
      wordingLocale: "fr",
      wording,
      wordingKey: "newsletter_checkbox.default",
    });
  });
});
