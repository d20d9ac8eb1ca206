import { describe, expect, it } from "vitest";
import { ACCOUNTING_HOLD_BASIS } from "~/domain/erasure/invoice-archive";
import { REFUSAL_GROUND_BASIS } from "~/domain/requests/request-types";
import { citeLaw } from "./legal-citation";

describe("citeLaw", () => {
  it("writes the accounting hold's basis in French and keeps it in English", () => {
    expect(citeLaw(ACCOUNTING_HOLD_BASIS, "fr")).toBe(
      "Code de commerce L123-22 (10 ans); RGPD art. 17(3)(b)",
    );
    expect(citeLaw(ACCOUNTING_HOLD_BASIS, "en")).toBe(ACCOUNTING_HOLD_BASIS);
  });
  it("leaves no English in a French refusal ground's basis", () => {
    expect(citeLaw(REFUSAL_GROUND_BASIS.not_applicable, "fr")).toBe(
      "RGPD art. 17(1), 18(1), 20(1), 21(1) (conditions non réunies)",
    );
    expect(citeLaw("RGPD art. 7(1)", "en")).toBe("GDPR art. 7(1)");
  });
});
