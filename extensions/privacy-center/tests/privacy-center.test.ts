import { describe, expect, it } from "vitest";
import { HEIR_SCOPES } from "../../../app/domain/requests/request-details";
import { REQUEST_TYPE_INFO, REQUEST_TYPES } from "../../../app/domain/requests/request-types";
import { renderBlock, renderDom } from "./render";

const LOGGED_IN = { email: "claire.martin@example.fr", name: "Claire Martin" };

function text(element: Element | null | undefined): string {
  return (element?.textContent ?? "").replace(/\s+/g, " ").trim();
}

function field<T extends Element>(root: HTMLElement, name: string): T {
  const element = root.querySelector<T & Element>(`form [name="${name}"]`);
  if (!element) throw new Error(`no field named ${name}`);
  return element;
}

describe("privacy-center block", () => {
  it.each(["en", "fr"] as const)("lists the ten rights with their %s names and descriptions", (locale) => {
    const root = renderDom({ locale });
    const items = [...root.querySelectorAll("[data-vigie-right]")];
    expect(items.map((li) => li.getAttribute("data-vigie-right"))).toEqual([...REQUEST_TYPES]);
    // Same names as the admin's catalogue, so shopper and staff talk about the same request.
    expect(items.map((li) => text(li.querySelector(".vigie-pc__right-title")))).toEqual(
      REQUEST_TYPES.map((type) => REQUEST_TYPE_INFO[type].label[locale]),
    );
    for (const li of items) expect(text(li.querySelector(".vigie-pc__right-text"))).not.toBe("");
  });

  it("speaks French to a French storefront, with vouvoiement", () => {
    const root = renderDom({ locale: "fr" });
    expect(text(root.querySelector("h2"))).toBe("Vos données personnelles");
    expect(text(root.querySelector("button[type=submit]"))).toBe("Envoyer ma demande");
    expect(text(root.querySelector(".vigie-pc__follow a"))).toBe("Suivre une demande");
    expect(text(root.querySelector("[data-vigie-right=object_to_marketing]"))).toContain(
      "Ne plus recevoir de prospection commerciale",
    );
    expect(text(root)).toContain("Vous disposez de droits");
    expect(text(root)).not.toMatch(/Your privacy|Send my request/);
  });

  it("speaks English to an English storefront", () => {
    const root = renderDom({ locale: "en" });
    expect(text(root.querySelector("h2"))).toBe("Your privacy");
    expect(text(root.querySelector("button[type=submit]"))).toBe("Send my request");
    expect(text(root.querySelector(".vigie-pc__follow a"))).toBe("Follow a request");
    expect(text(root)).not.toMatch(/Vos droits|Envoyer/);
  });

  it("posts the form to the default app proxy path with the request fields", () => {
    const root = renderDom({ locale: "fr" });
    const form = root.querySelector("form");
    expect(form?.getAttribute("method")).toBe("post");
    expect(form?.getAttribute("action")).toBe("/apps/privacy/requests");
    const names = [
      ...new Set([...root.querySelectorAll("form [name]")].map((el) => el.getAttribute("name"))),
    ];
    expect(names).toEqual([
      "locale",
      "type",
      "message",
      "restriction_ground",
      "rect_first_name",
      "rect_last_name",
      "rect_email",
      "rect_phone",
      "rect_address1",
      "rect_address2",
      "rect_zip",
      "rect_city",
      "rect_country",
      "recipients_asked",
      "directive_action",
      "directive_instructions",
      "executor_name",
      "executor_email",
      "specific_consent",
      "deceased_email",
      "heir_relationship",
      "heir_scope",
      "email",
      "name",
    ]);
    expect(field<HTMLInputElement>(root, "locale").value).toBe("fr");
    expect(root.querySelector(".vigie-pc__follow a")?.getAttribute("href")).toBe(
      "/apps/privacy/status?locale=fr",
    );
  });

  it.each(["en", "fr"] as const)("gives directives and heir requests their own %s fields", (locale) => {
    const root = renderDom({ locale });
    const directive = root.querySelector("[data-vigie-fields-for=post_mortem_directive]");
    const heir = root.querySelector("[data-vigie-fields-for=heir_request]");
    const names = (el: Element | null) => [
      ...new Set([...(el?.querySelectorAll("[name]") ?? [])].map((f) => f.getAttribute("name"))),
    ];
    expect(names(directive)).toEqual([
      "directive_action",
      "directive_instructions",
      "executor_name",
      "executor_email",
      "specific_consent",
    ]);
    expect(names(heir)).toEqual(["deceased_email", "heir_relationship", "heir_scope"]);
    // Each type's fields are labelled, and the heir's scope offers exactly the domain's purposes.
    for (const control of [
      ...(directive?.querySelectorAll("[id]") ?? []),
      ...(heir?.querySelectorAll("[id]") ?? []),
    ]) {
      if (control.matches("input, select, textarea"))
        expect(text(root.querySelector(`label[for="${control.id}"]`)), control.id).not.toBe("");
    }
    expect(
      [...(heir?.querySelectorAll<HTMLInputElement>("[name=heir_scope]") ?? [])].map((c) => c.value),
    ).toEqual([...HEIR_SCOPES]);
    // Not required in the markup: the other type's hidden fields must never block the submit.
    expect(root.querySelectorAll("[data-vigie-fields-for] [required]")).toHaveLength(0);
  });

  it.each([
    ["en", "The corrected values", "Postcode"],
    ["fr", "Les valeurs corrigées", "Code postal"],
  ] as const)(
    "gives a rectification its corrected values, labelled and autofilled apart (%s)",
    (locale, legend, zip) => {
      const root = renderDom({ locale });
      const fields = root.querySelector("[data-vigie-fields-for=rectification]");
      expect(text(fields?.querySelector(":scope > legend"))).toBe(legend);
      const controls = [...(fields?.querySelectorAll<HTMLInputElement>("input") ?? [])];
      // The names the server reads (app/services/requests/request-form.ts), each with its autofill token.
      expect(controls.map((c) => [c.name, c.type, c.getAttribute("autocomplete")])).toEqual([
        ["rect_first_name", "text", "section-vigie-rectification given-name"],
        ["rect_last_name", "text", "section-vigie-rectification family-name"],
        ["rect_email", "email", "section-vigie-rectification email"],
        ["rect_phone", "tel", "section-vigie-rectification tel"],
        ["rect_address1", "text", "section-vigie-rectification address-line1"],
        ["rect_address2", "text", "section-vigie-rectification address-line2"],
        ["rect_zip", "text", "section-vigie-rectification postal-code"],
        ["rect_city", "text", "section-vigie-rectification address-level2"],
        ["rect_country", "text", "section-vigie-rectification country"],
      ]);
      for (const control of controls)
        expect(text(root.querySelector(`label[for="${control.id}"]`)), control.name).not.toBe("");
      expect(text(root.querySelector(`label[for="${field(root, "rect_zip").id}"]`))).toBe(zip);
      expect(field<HTMLInputElement>(root, "rect_country").maxLength).toBe(2);
    },
  );

  it.each([
    ["/a/confidentialite", "/a/confidentialite"],
    ["tools/vie-privee/", "/tools/vie-privee"],
    ["  /community/privacy  ", "/community/privacy"],
    ["https://imera.fr/apps/vigie", "/apps/vigie"],
    ["", "/apps/privacy"],
  ])("uses the configured proxy path %j as %s", (setting, prefix) => {
    const root = renderDom({ settings: { path_prefix: setting } });
    expect(root.querySelector("form")?.getAttribute("action")).toBe(`${prefix}/requests`);
    expect(root.querySelector(".vigie-pc__follow a")?.getAttribute("href")).toBe(
      `${prefix}/status?locale=en`,
    );
  });

  it("offers the ten request types, values as the domain names them, after a required placeholder", () => {
    const root = renderDom({ locale: "fr" });
    const select = field<HTMLSelectElement>(root, "type");
    expect(select.required).toBe(true);
    const options = [...select.options];
    expect(options[0]?.value).toBe("");
    expect(options[0]?.disabled).toBe(true);
    expect(options.slice(1).map((o) => o.value)).toEqual([...REQUEST_TYPES]);
    expect(options.slice(1).map((o) => text(o))).toEqual(
      REQUEST_TYPES.map((t) => REQUEST_TYPE_INFO[t].label.fr),
    );
  });

  it("prefills the logged-in customer's e-mail as read-only, and their name", () => {
    const root = renderDom({ customer: LOGGED_IN });
    const email = field<HTMLInputElement>(root, "email");
    expect(email.value).toBe("claire.martin@example.fr");
    expect(email.readOnly).toBe(true);
    expect(email.disabled).toBe(false); // a disabled field would not be posted
    expect(text(root.querySelector(`#${email.getAttribute("aria-describedby")}`))).toContain(
      "The e-mail address of your account",
    );
    expect(field<HTMLInputElement>(root, "name").value).toBe("Claire Martin");
  });

  it("leaves e-mail and name empty and editable for a guest", () => {
    const root = renderDom({ customer: null });
    const email = field<HTMLInputElement>(root, "email");
    expect(email.value).toBe("");
    expect(email.readOnly).toBe(false);
    expect(email.required).toBe(true);
    expect(email.type).toBe("email");
    expect(field<HTMLInputElement>(root, "name").value).toBe("");
  });

  it("escapes the customer's details and the merchant's texts", () => {
    const root = renderDom({
      customer: { email: 'x"@example.fr', name: `O'Brien "><script>alert(1)</script>` },
      settings: { heading: "<img src=x onerror=alert(1)>", intro: "Line one\n<b>Line</b> two" },
    });
    expect(root.querySelector("script, img, b")).toBeNull();
    expect(field<HTMLInputElement>(root, "name").value).toBe(`O'Brien "><script>alert(1)</script>`);
    expect(field<HTMLInputElement>(root, "email").value).toBe('x"@example.fr');
    expect(text(root.querySelector("h2"))).toBe("<img src=x onerror=alert(1)>");
    expect(root.querySelector(".vigie-pc__intro")?.innerHTML).toBe(
      "Line one<br>\n&lt;b&gt;Line&lt;/b&gt; two",
    );
  });

  it("uses the merchant's heading and introduction instead of the translated defaults", () => {
    const root = renderDom({
      locale: "fr",
      settings: { heading: "Confidentialité", intro: "Écrivez-nous." },
    });
    expect(text(root.querySelector("h2"))).toBe("Confidentialité");
    expect(text(root.querySelector(".vigie-pc__intro"))).toBe("Écrivez-nous.");
  });

  it("hides unticked rights from both the list and the form", () => {
    const root = renderDom({ settings: { show_post_mortem_directive: false, show_heir_request: false } });
    const expected = REQUEST_TYPES.filter((t) => t !== "post_mortem_directive" && t !== "heir_request");
    expect(
      [...root.querySelectorAll("[data-vigie-right]")].map((li) => li.getAttribute("data-vigie-right")),
    ).toEqual(expected);
    expect([...field<HTMLSelectElement>(root, "type").options].slice(1).map((o) => o.value)).toEqual(
      expected,
    );
    expect(root.querySelector("[data-vigie-hint-for=heir_request]")).toBeNull();
    expect(root.querySelector("[data-vigie-fields-for=heir_request]")).toBeNull();
    expect(root.querySelector("[data-vigie-fields-for=post_mortem_directive]")).toBeNull();
    // Without rectification, erasure and restriction, nobody is asked about recipients (art. 19).
    const withoutArt19 = renderDom({
      settings: {
        show_rectification: false,
        show_erasure: false,
        show_restriction: false,
        show_access: true,
      },
    });
    expect(withoutArt19.querySelector("[name=recipients_asked]")).toBeNull();
    expect(withoutArt19.querySelector("[name=restriction_ground]")).toBeNull();
  });

  it("shows every right when none is ticked", () => {
    const none = Object.fromEntries(REQUEST_TYPES.map((t) => [`show_${t}`, false]));
    const root = renderDom({ settings: none });
    expect(root.querySelectorAll("[data-vigie-right]")).toHaveLength(10);
    expect(field<HTMLSelectElement>(root, "type").options).toHaveLength(11);
  });

  it.each([
    [
      "en",
      /Documents will be asked: the death certificate/,
      /Documents will be asked: we will need a proof of identity/,
    ],
    [
      "fr",
      /Des justificatifs vous seront demandés : l'acte de décès/,
      /Des justificatifs vous seront demandés : une pièce/,
    ],
  ] as const)(
    "tells an heir and a post-mortem directive that documents will be asked (%s)",
    (locale, heir, pm) => {
      const root = renderDom({ locale });
      expect(text(root.querySelector("[data-vigie-hint-for=heir_request]"))).toMatch(heir);
      expect(text(root.querySelector("[data-vigie-hint-for=post_mortem_directive]"))).toMatch(pm);
      // Without JavaScript every hint is visible; the select points at them.
      expect(root.querySelector("[data-vigie-hint-for][hidden]")).toBeNull();
      const select = field<HTMLSelectElement>(root, "type");
      expect(
        root.querySelector(`#${select.getAttribute("aria-describedby")} [data-vigie-hint-for]`),
      ).not.toBeNull();
    },
  );

  it("labels every control and groups them in fieldsets with legends", () => {
    const root = renderDom({ customer: LOGGED_IN });
    const controls = [...root.querySelectorAll("input:not([type=hidden]), select, textarea")];
    // Type, message, e-mail, name; four grounds of a restriction and the recipients box (art. 18,
    // 19); nine corrected values (art. 16); five for a directive; two fields and three purposes for an heir.
    expect(controls).toHaveLength(28);
    for (const control of controls) {
      expect(text(root.querySelector(`label[for="${control.id}"]`))).not.toBe("");
    }
    const fieldsets = [...root.querySelectorAll("fieldset")];
    expect(fieldsets).toHaveLength(10);
    for (const fieldset of fieldsets) expect(text(fieldset.querySelector(":scope > legend"))).not.toBe("");
    for (const id of ["aria-describedby", "aria-labelledby"].flatMap((a) =>
      [...root.querySelectorAll(`[${a}]`)].map((el) => el.getAttribute(a)),
    )) {
      expect(root.querySelector(`#${id}`)).not.toBeNull();
    }
  });

  it("gives two blocks on one page distinct ids", () => {
    const html = renderBlock({ blockId: "one" }) + renderBlock({ blockId: "two" });
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(8);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("links the store's privacy policy when it has one", () => {
    expect(renderDom().querySelector(".vigie-pc__notice a")?.getAttribute("href")).toBe(
      "/policies/privacy-policy",
    );
    expect(renderDom({ shop: { privacy_policy: null } }).querySelector(".vigie-pc__notice a")).toBeNull();
  });

  it("never calls Vigie from the block: no script, no fetch, no absolute Vigie URL", () => {
    const html = renderBlock({ customer: LOGGED_IN });
    expect(html).not.toMatch(/<script|fetch\(|vigie\.example\.com/);
  });
});
