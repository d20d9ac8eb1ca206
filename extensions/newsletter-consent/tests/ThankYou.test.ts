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

const posts = () => fetchMock.mock.calls.filter(([, init]) => (init as RequestInit).method === "POST");
const gets = () => fetchMock.mock.calls.filter(([, init]) => (init as RequestInit).method === "GET");

function sentBodies(): unknown[] {
  return posts().map(([, init]) => JSON.parse(String((init as RequestInit).body)));
}

/** The backend: answers the GET with the buyer's state, each POST with `post()`. */
function backend(state: string | null, post = () => new Response(null, { status: 204 })) {
  return vi.fn((_url: string, init: RequestInit) =>
    Promise.resolve(
      init.method === "GET"
        ? state
          ? Response.json({ newsletter: state })
          : new Response("unavailable", { status: 503 })
        : post(),
    ),
  );
}

beforeEach(() => {
  defineCheckboxStandIn();
  extension.setUp();
  useLocale("en");
  extension.shopify.orderConfirmation.value = { order: { id: "gid://shopify/Order/42" }, isFirstOrder: true };
  extension.shopify.checkoutToken.value = "checkout-token-1";
  fetchMock = backend("not_subscribed");
  extension.fetch = fetchMock as unknown as typeof fetch;
});

afterEach(() => {
  extension.tearDown();
  vi.restoreAllMocks();
});

describe("thank-you fallback block", () => {
  test("renders an unticked box with the default wording for a buyer not subscribed, and posts nothing", async () => {
    await extension.render();

    await waitFor(() => expect(gets()).toHaveLength(1));
    expect(checkbox().checked).toBe(false);
    expect(checkbox().getAttribute("label")).toBe(EN_WORDING);
    expect(document.body.querySelector("s-link")?.textContent).toBe("Privacy notice");
    expect(noteText()).toBeUndefined();
    expect(posts()).toHaveLength(0);
  });

  test("asks for the buyer's state on load (order in headers) and shows a subscribed buyer's box ticked", async () => {
    fetchMock = backend("subscribed");
    extension.fetch = fetchMock as unknown as typeof fetch;
    await extension.render();

    await waitFor(() => expect(checkbox().checked).toBe(true));
    const [url, init] = gets()[0] as [string, RequestInit];
    expect(url).toBe(ENDPOINT);
    expect(init).toEqual({
      method: "GET",
      headers: {
        Authorization: "Bearer mock-session-token",
        "Vigie-Order-Id": "gid://shopify/Order/42",
        "Vigie-Checkout-Token": "checkout-token-1",
      },
    });
    expect(noteText()).toBeUndefined();
    expect(posts()).toHaveLength(0);
  });

  test("shows a subscription awaiting its e-mail confirmation ticked, with a note saying so", async () => {
    fetchMock = backend("pending");
    extension.fetch = fetchMock as unknown as typeof fetch;
    await extension.render();

    await waitFor(() => expect(checkbox().checked).toBe(true));
    expect(noteText()).toBe("Check your inbox: confirm your subscription with the link we e-mailed you.");
  });

  test("unticking a box shown ticked on load POSTs a withdrawal", async () => {
    fetchMock = backend("subscribed");
    extension.fetch = fetchMock as unknown as typeof fetch;
    await extension.render();
    await waitFor(() => expect(checkbox().checked).toBe(true));
    click(checkbox());

    await waitFor(() => expect(noteText()).toBe("Noted: you will not receive our news by e-mail."));
    expect(sentBodies()).toMatchObject([{ consent: "withdrawn", orderId: "gid://shopify/Order/42" }]);
    expect(checkbox().checked).toBe(false);
  });

  test("a state answer arriving after the buyer's click does not undo it", async () => {
    let answer = (_: Response) => {};
    fetchMock = vi.fn((_url: string, init: RequestInit) =>
      init.method === "GET"
        ? new Promise<Response>((resolve) => (answer = resolve))
        : Promise.resolve(new Response(null, { status: 204 })),
    );
    extension.fetch = fetchMock as unknown as typeof fetch;
    await extension.render();
    await waitFor(() => expect(gets()).toHaveLength(1));
    click(checkbox());
    await waitFor(() => expect(noteText()).toBe("Thank you, your choice has been saved."));
    click(checkbox());
    await waitFor(() => expect(noteText()).toBe("Noted: you will not receive our news by e-mail."));
    answer(Response.json({ newsletter: "subscribed" }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(checkbox().checked).toBe(false);
  });

  test("starts unticked and usable when the state cannot be had", async () => {
    fetchMock = backend(null);
    extension.fetch = fetchMock as unknown as typeof fetch;
    await extension.render();

    await waitFor(() => expect(gets()).toHaveLength(1));
    expect(checkbox().checked).toBe(false);
    expect(checkbox().hasAttribute("disabled")).toBe(false);
    expect(noteText()).toBeUndefined();
  });

  test("under double opt-in, tells the buyer who ticks to confirm from the e-mail", async () => {
    fetchMock = backend("not_subscribed", () =>
      Response.json({ status: "accepted", confirmation: "email" }, { status: 202 }),
    );
    extension.fetch = fetchMock as unknown as typeof fetch;
    await extension.render();
    click(checkbox());

    await waitFor(() =>
      expect(noteText()).toBe("Check your inbox: confirm your subscription with the link we e-mailed you."),
    );
    expect(checkbox().checked).toBe(true);
  });

  test("ticking POSTs the grant to the backend with the session token as Bearer", async () => {
    await extension.render();
    click(checkbox());

    await waitFor(() => expect(noteText()).toBe("Thank you, your choice has been saved."));
    expect(posts()).toHaveLength(1);
    const [url, init] = posts()[0] as [string, RequestInit];
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
    fetchMock = vi.fn(failure);
    extension.fetch = fetchMock as unknown as typeof fetch;
    await extension.render();
    click(checkbox());

    await waitFor(() => expect(noteText()).toBe("Your choice could not be saved. Please try again later."));
    expect(checkbox().checked).toBe(false);
    expect(checkbox().hasAttribute("disabled")).toBe(false);
  });

  test("the box is disabled while the request is in flight", async () => {
    let respond = (_: Response) => {};
    fetchMock = vi.fn((_url: string, init: RequestInit) =>
      init.method === "GET"
        ? Promise.resolve(Response.json({ newsletter: "not_subscribed" }))
        : new Promise<Response>((resolve) => (respond = resolve)),
    );
    extension.fetch = fetchMock as unknown as typeof fetch;
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
    expect(fetchMock).not.toHaveBeenCalled();
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
