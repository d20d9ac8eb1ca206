import { describe, expect, it } from "vitest";
import { resolveLocale } from "./locale";
import { en } from "./messages/en";
import { fr } from "./messages/fr";
import { createTranslator, translateDynamic } from "./translate";

function leaves(node: unknown, prefix = ""): [string, string][] {
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );
}

describe("message catalogues", () => {
  it("have the same keys in French and English, none empty", () => {
    const enLeaves = leaves(en);
    const frLeaves = new Map(leaves(fr));
    expect([...frLeaves.keys()].sort()).toEqual(enLeaves.map(([key]) => key).sort());
    for (const [key, text] of enLeaves) {
      expect(text.trim(), key).not.toBe("");
      expect(frLeaves.get(key)?.trim(), key).not.toBe("");
    }
  });

  it("use the same placeholders in both languages", () => {
    const frLeaves = new Map(leaves(fr));
    for (const [key, text] of leaves(en)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(frLeaves.get(key) ?? ""), key).toEqual(names(text));
    }
  });
});

describe("createTranslator", () => {
  it("translates and fills placeholders", () => {
    expect(createTranslator("fr")("nav.audit")).toBe("Journal d'audit");
    expect(createTranslator("en")("sandbox.body", { shop: "iméra" })).toContain("Demo store iméra");
  });
  it("returns the key for an unknown one so it shows in review", () => {
    expect(createTranslator("en")("nav.nope" as never)).toBe("nav.nope");
  });
});

describe("translateDynamic", () => {
  it("labels audit actions in each language and falls back to the code", () => {
    expect(translateDynamic("fr", "auditAction", "app.uninstalled")).toBe("Application désinstallée");
    expect(translateDynamic("en", "auditAction", "unknown.action")).toBe("unknown.action");
  });
});

describe("resolveLocale", () => {
  it("chooses French for fr… and English otherwise", () => {
    expect(resolveLocale("fr-FR")).toBe("fr");
    expect(resolveLocale("fr")).toBe("fr");
    expect(resolveLocale("de")).toBe("en");
    expect(resolveLocale(null, "fr-CA,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(resolveLocale(undefined, undefined)).toBe("en");
  });
});
