import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EXTENSION_DIR, renderBlock } from "./render";

const SCRIPT = path.join(EXTENSION_DIR, "assets", "privacy-center.js");
const STYLESHEET = path.join(EXTENSION_DIR, "assets", "privacy-center.css");

function form(): HTMLFormElement {
  const element = document.querySelector<HTMLFormElement>("form[data-vigie-privacy-form]");
  if (!element) throw new Error("no form");
  return element;
}

function visibleHints(): string[] {
  return [...document.querySelectorAll<HTMLElement>("[data-vigie-hint-for]")]
    .filter((hint) => !hint.hidden)
    .map((hint) => hint.getAttribute("data-vigie-hint-for") ?? "");
}

function choose(type: string): void {
  const select = form().querySelector<HTMLSelectElement>("[data-vigie-type]");
  if (!select) throw new Error("no select");
  select.value = type;
  select.dispatchEvent(new Event("change", { bubbles: true }));
}

/** Dispatches submit as the browser does after validation; false when the script cancelled it. */
function submit(): boolean {
  return form().dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
}

function button(): HTMLButtonElement {
  const element = form().querySelector<HTMLButtonElement>("[data-vigie-submit]");
  if (!element) throw new Error("no button");
  return element;
}

let hintsAtLoad: string[] = [];

beforeAll(() => {
  document.body.innerHTML = renderBlock({ locale: "fr" });
  // Run once, as the theme does (deferred script, document already parsed).
  new Function(readFileSync(SCRIPT, "utf8"))();
  hintsAtLoad = visibleHints();
});

beforeEach(() => {
  // A fresh block, announced the way the theme editor announces a re-rendered section.
  document.body.innerHTML = renderBlock({ locale: "fr" });
  document
    .querySelector("section")
    ?.dispatchEvent(new CustomEvent("shopify:section:load", { bubbles: true }));
});

describe("privacy-center.js", () => {
  it("hides every type-specific hint at load while no type is chosen", () => {
    expect(hintsAtLoad).toEqual([]);
    expect(visibleHints()).toEqual([]);
  });

  it("shows only the hint of the chosen type", () => {
    choose("heir_request");
    expect(visibleHints()).toEqual(["heir_request"]);
    choose("post_mortem_directive");
    expect(visibleHints()).toEqual(["post_mortem_directive"]);
    choose("access");
    expect(visibleHints()).toEqual([]);
  });

  it("shows, and posts, only the chosen type's own fields", () => {
    const open = () =>
      [...document.querySelectorAll<HTMLFieldSetElement>("[data-vigie-fields-for]")]
        .filter((fields) => !fields.hidden && !fields.disabled)
        .map((fields) => fields.getAttribute("data-vigie-fields-for"));
    expect(open()).toEqual([]);
    choose("post_mortem_directive");
    expect(open()).toEqual(["post_mortem_directive"]);
    choose("heir_request");
    expect(open()).toEqual(["heir_request"]);
    const posted = [...new FormData(form()).keys()];
    expect(posted).toContain("deceased_email");
    expect(posted).not.toContain("directive_instructions");
    choose("restriction");
    expect(open()).toEqual(["restriction", "rectification erasure restriction"]);
    const ground = document.querySelector<HTMLInputElement>("[name=restriction_ground][value=legal_claims]");
    if (ground) ground.checked = true;
    expect(new FormData(form()).get("restriction_ground")).toBe("legal_claims");
    choose("rectification");
    expect(open()).toEqual(["rectification", "rectification erasure restriction"]);
    expect([...new FormData(form()).keys()]).toContain("rect_country");
    choose("erasure");
    expect(open()).toEqual(["rectification erasure restriction"]);
    expect([...new FormData(form()).keys()]).not.toContain("restriction_ground");
    expect([...new FormData(form()).keys()]).not.toContain("rect_first_name");
    choose("access");
    expect(open()).toEqual([]);
  });

  it("lets the first submit through and cancels a second one", () => {
    expect(submit()).toBe(true);
    expect(button().disabled).toBe(true);
    expect(button().textContent).toBe("Envoi en cours…");
    expect(form().getAttribute("aria-busy")).toBe("true");
    expect(submit()).toBe(false);
  });

  it("leaves a submit another script cancelled alone", () => {
    form().addEventListener("submit", (event) => event.preventDefault(), { once: true });
    expect(submit()).toBe(false);
    expect(button().disabled).toBe(false);
    expect(submit()).toBe(true);
  });

  it("makes the form usable again when the page comes back from the back-forward cache", () => {
    submit();
    const event = new Event("pageshow");
    Object.defineProperty(event, "persisted", { value: true });
    window.dispatchEvent(event);
    expect(button().disabled).toBe(false);
    expect(button().textContent).toBe("Envoyer ma demande");
    expect(submit()).toBe(true);
  });
});

describe("assets", () => {
  it("stay small: script under 10 KB compressed and raw, stylesheet under 10 KB", () => {
    expect(gzipSync(readFileSync(SCRIPT)).length).toBeLessThan(10 * 1024);
    expect(statSync(SCRIPT).size).toBeLessThan(10 * 1024);
    expect(statSync(STYLESHEET).size).toBeLessThan(10 * 1024);
  });

  it("make the stylesheet themeable through CSS variables with visible focus", () => {
    const css = readFileSync(STYLESHEET, "utf8");
    expect(css).toMatch(/--vigie-pc-accent:/);
    expect(css).toMatch(/:focus-visible/);
  });

  it("never let the script call the network", () => {
    expect(readFileSync(SCRIPT, "utf8")).not.toMatch(/fetch|XMLHttpRequest|sendBeacon|WebSocket/);
  });
});
