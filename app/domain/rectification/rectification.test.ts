import { describe, expect, it } from "vitest";
import {
  changesFor,
  RequestedChangesSchema,
  rectificationComplete,
  rectificationPlan,
  systemDiff,
} from "./rectification";

const requested = RequestedChangesSchema.parse({
  name: { first: "Léa", last: "Martin" },
  email: " Lea.Martin@Example.fr ",
  phone: "+33 6 98 76 54 31",
  address: { line1: "12 rue Oberkampf", city: "Paris", zip: "75011", country: "fr" },
});

describe("rectification (GDPR art. 16)", () => {
  it("normalises what the person asks for and refuses an empty or malformed request", () => {
    expect(requested).toMatchObject({
      email: "lea.martin@example.fr",
      phone: "+33698765431",
      address: { line2: "", country: "FR" },
    });
    expect(RequestedChangesSchema.safeParse({}).success).toBe(false);
    expect(RequestedChangesSchema.safeParse({ phone: "06 12 34 56 78" }).success).toBe(false);
    expect(RequestedChangesSchema.safeParse({ name: { first: "Léa", last: "" } }).success).toBe(false);
  });

  it("diffs only what differs, ignoring case and spacing, for the fields the system keeps", () => {
    const diff = systemDiff(
      "shopify",
      {
        name: { first: "Léa", last: "Durand" },
        email: "LEA.MARTIN@example.fr",
        phone: "+33 698 765 431",
        address: null,
      },
      requested,
    );
    expect(diff.changes).toEqual([
      { field: "name", from: "Léa Durand", to: "Léa Martin" },
      { field: "address", from: null, to: "12 rue Oberkampf, 75011 Paris, FR" },
    ]);
    // Vigie keeps only how it finds the person: e-mail and phone.
    expect(
      systemDiff("vigie", { email: "lea@example.fr", phone: null }, requested).changes.map((c) => c.field),
    ).toEqual(["email", "phone"]);
    // Stripe's one name is compared whole.
    expect(
      systemDiff("stripe", { name: { first: "Léa Martin", last: null } }, { name: requested.name }).skipped,
    ).toBe("no_change");
  });

  it("plans every system in order, skipping those not connected or without the person", () => {
    const plan = rectificationPlan([
      systemDiff("vigie", { email: "lea@example.fr" }, requested),
      systemDiff("mailchimp", null, requested),
    ]);
    expect(plan.map((d) => [d.system, d.skipped ?? d.changes.length])).toEqual([
      ["shopify", "not_connected"],
      ["stripe", "not_connected"],
      ["mailchimp", "not_found"],
      ["vigie", 2],
    ]);
    expect(changesFor(plan[3] as never, requested)).toEqual({
      email: requested.email,
      phone: requested.phone,
    });
  });

  it("is complete once every system with changes is settled; a failure keeps it open", () => {
    const plan = rectificationPlan([
      systemDiff("shopify", { email: "old@example.fr" }, requested),
      systemDiff("vigie", { email: "old@example.fr" }, requested),
    ]);
    expect(rectificationComplete(plan, new Map([["shopify", "done"]]))).toBe(false);
    expect(
      rectificationComplete(
        plan,
        new Map([
          ["shopify", "failed"],
          ["vigie", "done"],
        ]),
      ),
    ).toBe(false);
    expect(
      rectificationComplete(
        plan,
        new Map([
          ["shopify", "not_found"],
          ["vigie", "already"],
        ]),
      ),
    ).toBe(true);
  });
});
