import { describe, expect, it } from "vitest";
import { parseRequestForm } from "./request-form";

describe("parseRequestForm", () => {
  it("reads a directive with its text, executor and specific consent", () => {
    const parsed = parseRequestForm({
      type: "post_mortem_directive",
      email: "Camille@Example.fr",
      directive_action: "record",
      directive_instructions: "Effacer mon compte.",
      executor_name: "Jean Martin",
      executor_email: "jean@example.fr",
      specific_consent: "on",
    });
    expect(parsed).toMatchObject({
      ok: true,
      form: { email: "camille@example.fr" },
      details: {
        type: "post_mortem_directive",
        action: "record",
        instructions: "Effacer mon compte.",
        executor: { name: "Jean Martin", email: "jean@example.fr" },
        specificConsent: true,
      },
    });
  });

  it("reads an heir request with the deceased's address, the relationship and the scope", () => {
    const parsed = parseRequestForm({
      type: "heir_request",
      email: "heir@example.fr",
      deceased_email: "Jean@Example.fr",
      heir_relationship: "fille",
      heir_scope: ["close_account", "stop_marketing"],
    });
    expect(parsed).toMatchObject({
      ok: true,
      details: {
        type: "heir_request",
        deceasedEmail: "jean@example.fr",
        relationship: "fille",
        scope: ["close_account", "stop_marketing"],
        deathProof: "missing",
        heirProof: "missing",
      },
    });
  });

  it("names the field of each mistake, the type's own rules included", () => {
    expect(parseRequestForm({ type: "access", email: "nope" })).toEqual({
      ok: false,
      errors: { email: "requestForm.errors.email" },
    });
    expect(
      parseRequestForm({ type: "post_mortem_directive", email: "a@example.fr", directive_instructions: "x" }),
    ).toEqual({ ok: false, errors: { specific_consent: "requestForm.errors.specific_consent" } });
    expect(
      parseRequestForm({
        type: "post_mortem_directive",
        email: "a@example.fr",
        directive_instructions: "x",
        specific_consent: "on",
        executor_email: "jean@example.fr",
      }),
    ).toEqual({ ok: false, errors: { executor_name: "requestForm.errors.executor_name" } });
    expect(
      parseRequestForm({ type: "heir_request", email: "a@example.fr", heir_scope: ["close_account"] }),
    ).toEqual({ ok: false, errors: { deceased_email: "requestForm.errors.deceased_email" } });
    expect(
      parseRequestForm({
        type: "heir_request",
        email: "a@example.fr",
        deceased_email: "jean@example.fr",
        heir_scope: ["close_account"],
      }),
    ).toEqual({ ok: false, errors: { heir_relationship: "requestForm.errors.heir_relationship" } });
  });

  it("ignores the fields of other types, which a form without script posts too", () => {
    const parsed = parseRequestForm({
      type: "access",
      email: "a@example.fr",
      executor_email: "not an address",
      heir_scope: ["close_account"],
      directive_action: "record",
    });
    expect(parsed).toMatchObject({ ok: true, details: { type: "access" } });
  });
});
