import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BLOCK_PATH, blockSchema, EXTENSION_DIR, keyPaths, loadLocale, lookup } from "./render";

const liquid = readFileSync(BLOCK_PATH, "utf8");
/** Every literal key translated with `{{ 'key' | t }}` in the block. */
const usedKeys = [
  ...new Set([...liquid.matchAll(/'([a-z0-9_.]+)'\s*\|\s*t\b/g)].map((m) => m[1] ?? "")),
].sort();

describe("storefront locales", () => {
  it("finds the translated keys in the block", () => {
    expect(usedKeys).toContain("privacy_center.rights.heir_request.title");
    expect(usedKeys.length).toBeGreaterThan(30);
  });

  // The shoppers' languages (docs/decisions/061): one storefront file each, none missing.
  const storefront = readdirSync(path.join(EXTENSION_DIR, "locales"))
    .filter((file) => file.endsWith(".json") && !file.includes(".schema."))
    .sort();

  it("has a storefront file for each shopper language", () => {
    expect(storefront).toEqual(["de.json", "en.default.json", "es.json", "fr.json", "it.json"]);
  });

  it.each(storefront)("has every key the block translates (%s)", (file) => {
    const messages = loadLocale(file);
    expect(usedKeys.filter((key) => !lookup(messages, key)?.trim())).toEqual([]);
  });

  it.each(storefront)("has every key of English and no other, none empty (%s)", (file) => {
    const messages = loadLocale(file);
    const en = keyPaths(loadLocale("en.default.json"));
    expect(keyPaths(messages)).toEqual(en);
    expect(en.filter((key) => !lookup(messages, key)?.trim())).toEqual([]);
  });

  it("translates only the keys the block uses", () => {
    expect(keyPaths(loadLocale("en.default.json"))).toEqual(usedKeys);
  });

  it("addresses German shoppers with Sie, never du", () => {
    const german = keyPaths(loadLocale("de.json")).map((key) => lookup(loadLocale("de.json"), key) ?? "");
    for (const sentence of german)
      expect(sentence).not.toMatch(/(?<!\p{L})(?:du|dich|dir|dein\p{L}*)(?!\p{L})/iu);
    expect(german.join(" ")).toMatch(/\bSie\b/);
  });

  it("addresses French shoppers with vous, never tu", () => {
    const french = keyPaths(loadLocale("fr.json")).map((key) => lookup(loadLocale("fr.json"), key) ?? "");
    // Letter-aware boundaries: JavaScript's \b treats "è" as a boundary ("incomplètes" is not "tes").
    const tutoiement = /(?<!\p{L})(?:(?:tu|te|toi|ton|ta|tes)(?!\p{L})|t['’])/iu;
    for (const sentence of french) expect(sentence).not.toMatch(tutoiement);
    expect(french.join(" ")).toMatch(/\bvous\b/);
  });
});

describe("block schema", () => {
  const schema = blockSchema();

  it("is an app block for sections, with its stylesheet and script", () => {
    expect(schema.target).toBe("section");
    expect(schema.stylesheet).toBe("privacy-center.css");
    expect(schema.javascript).toBe("privacy-center.js");
    for (const asset of [schema.stylesheet, schema.javascript]) {
      expect(existsSync(path.join(EXTENSION_DIR, "assets", asset ?? "missing"))).toBe(true);
    }
  });

  it("declares each setting once, including every one the block reads", () => {
    const ids = schema.settings.flatMap((s) => (s.id ? [s.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    const read = [...new Set([...liquid.matchAll(/block\.settings\.(\w+)/g)].map((m) => m[1]))];
    expect(read.filter((id) => !ids.includes(id ?? ""))).toEqual([]);
    expect(schema.settings.find((s) => s.id === "path_prefix")?.default).toBe("/apps/privacy");
  });

  it.each(["en.default.schema.json", "fr.schema.json"])("resolves every t: string in %s", (file) => {
    const messages = loadLocale(file);
    const refs = [schema.name, ...schema.settings.flatMap((s) => [s.label, s.info, s.content])].filter(
      (v): v is string => typeof v === "string",
    );
    expect(refs.every((ref) => ref.startsWith("t:"))).toBe(true);
    expect(refs.map((ref) => ref.slice(2)).filter((key) => !lookup(messages, key)?.trim())).toEqual([]);
  });

  it("has the same editor strings in French and English", () => {
    expect(keyPaths(loadLocale("fr.schema.json"))).toEqual(keyPaths(loadLocale("en.default.schema.json")));
  });

  it("keeps the block name within the theme editor's 25 characters", () => {
    for (const file of ["en.default.schema.json", "fr.schema.json"]) {
      expect(lookup(loadLocale(file), schema.name.slice(2))?.length).toBeLessThanOrEqual(25);
    }
  });
});
