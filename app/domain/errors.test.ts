import { describe, expect, it } from "vitest";
import { en } from "~/i18n/messages/en";
import { fr } from "~/i18n/messages/fr";
import { APP_ERROR_CODES, AppError, httpStatusOf, isAppError } from "./errors";

describe("the error model", () => {
  it("has a text in French and in English for every code, and none for a code that does not exist", () => {
    for (const catalogue of [en.appErrors, fr.appErrors]) {
      expect(Object.keys(catalogue).sort()).toEqual([...APP_ERROR_CODES].sort());
      for (const code of APP_ERROR_CODES) expect(catalogue[code].length).toBeGreaterThan(5);
    }
    const untranslated = APP_ERROR_CODES.filter((code) => en.appErrors[code] === fr.appErrors[code]);
    expect(untranslated).toEqual([]);
  });

  it("answers each kind of refusal with its status", () => {
    expect(httpStatusOf("REFUSAL_REASON_REQUIRED")).toBe(400);
    expect(httpStatusOf("NOT_FOUND")).toBe(404);
    expect(httpStatusOf("ILLEGAL_TRANSITION")).toBe(409);
    expect(httpStatusOf("DOCUMENT_TOO_LARGE")).toBe(413);
    expect(httpStatusOf("DOCUMENT_TYPE")).toBe(415);
  });

  it("is narrowed by code, and keeps the fields at fault", () => {
    const error = new AppError("MAILCHIMP_CREDENTIALS_INVALID", "bad key", ["apiKey"]);
    expect(isAppError(error)).toBe(true);
    expect(isAppError(error, "NOT_FOUND", "MAILCHIMP_CREDENTIALS_INVALID")).toBe(true);
    expect(isAppError(error, "NOT_FOUND")).toBe(false);
    expect(isAppError(new Error("MAILCHIMP_CREDENTIALS_INVALID"))).toBe(false);
    expect(error.fields).toEqual(["apiKey"]);
  });
});
