// The register of post-mortem directives on real databases (LIL art. 84–86): written when a
// directive request is carried out, replaced, revoked by the person or by staff; found by an heir
// request through the deceased's address or Shopify account, and carried out once the death is
// proven. (That no erasure touches it is proven with the worker in erasure.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileStorefrontRequest } from "~/services/privacy-centre/storefront-requests.server";
import {
  carryOutDirective,
  directiveForHeirRequest,
  revokeDirectiveByStaff,
} from "~/services/requests/post-mortem-directives.server";
import {
  answerRequest,
  confirmEmailCode,
  recordHeirProofs,
  verifyIdentityByStaff,
} from "~/services/requests/request-actions.server";
import { requestDetail } from "~/services/requests/request-queue.server";
import { fileStaffRequest } from "~/services/requests/staff-intake.server";
import { createShop, SECRET, type TestShop } from "../fixtures/vigie-store";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

const staff = { type: "staff" as const, id: "dpo" };

describe.each(testDialects())("post-mortem directives on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  /** A directive request entered by staff, identity confirmed and answered: carried out. */
  async function directiveRequest(
    shop: TestShop,
    email: string,
    fields: { action?: "record" | "update" | "revoke"; instructions?: string; executor?: boolean } = {},
  ) {
    const request = await fileStaffRequest({
      db: t.db,
      links: shop.links,
      shop: shop.shop,
      staffId: "dpo",
      form: {
        type: "post_mortem_directive",
        email,
        name: "Jean Martin",
        message: "",
        directive_action: fields.action ?? "record",
        ...(fields.action !== "revoke" && {
          directive_instructions: fields.instructions ?? "Effacer mon compte ; mes factures à ma fille.",
          specific_consent: "on" as const,
        }),
        ...(fields.executor && { executor_name: "Claire Martin", executor_email: "claire@example.fr" }),
      },
      locale: "fr",
      receivedAt: new Date(),
    });
    await verifyIdentityByStaff(t.db, shop.shop, staff, request.id);
    await answerRequest(t.db, shop.links, shop.shop, staff, request.id, "Vos directives sont enregistrées.");
    return request;
  }

  /** An heir's request from the privacy centre, naming the deceased by address. */
  function heirRequest(shop: TestShop, deceasedEmail: string) {
    return fileStorefrontRequest({
      db: t.db,
      links: shop.links,
      proxy: shop.proxy,
      form: {
        type: "heir_request",
        email: "claire@example.fr",
        name: "Claire Martin",
        message: "",
        deceased_email: deceasedEmail,
        heir_relationship: "fille",
        heir_scope: ["close_account", "estate_access"],
      },
    });
  }

  it("writes a directive when its request is carried out, replaces it with a newer one, and a revoking request ends it", async () => {
    const shop = await createShop(t.db, `pmd-register-${dialect}`);
    const first = await directiveRequest(shop, "jean.martin@example.fr", { executor: true });
    const [recorded] = await t.db.postMortemDirective.findMany({ where: { shopId: shop.shop.id } });
    expect(recorded).toMatchObject({
      status: "in_force",
      email: "jean.martin@example.fr",
      instructions: "Effacer mon compte ; mes factures à ma fille.",
      executor: JSON.stringify({ name: "Claire Martin", email: "claire@example.fr" }),
      requestId: first.id,
    });
    expect(recorded?.consentedAt).not.toBeNull();
    expect(
      await t.db.requestTask.findFirst({ where: { requestId: first.id, system: "vigie", kind: "record" } }),
    ).toMatchObject({ status: "done", detail: "directive.recorded" });

    const second = await directiveRequest(shop, "jean.martin@example.fr", {
      action: "update",
      instructions: "Tout effacer.",
    });
    const rows = await t.db.postMortemDirective.findMany({ where: { shopId: shop.shop.id } });
    // One directive per person: the latest replaces the one in force (LIL art. 85-I: modifiable at any time).
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: recorded?.id,
      status: "in_force",
      instructions: "Tout effacer.",
      executor: null,
      requestId: second.id,
    });

    const revoking = await directiveRequest(shop, "jean.martin@example.fr", { action: "revoke" });
    const revoked = await t.db.postMortemDirective.findUniqueOrThrow({ where: { id: recorded?.id ?? "" } });
    // Only that it existed and when it ended: not its text, its executor, or whose it was.
    expect(revoked).toMatchObject({
      status: "revoked",
      revokedBy: "person",
      email: null,
      shopifyCustomerId: null,
      instructions: null,
      executor: null,
    });
    expect(revoked.revokedAt).not.toBeNull();
    const actions = (id: string) =>
      t.db.auditEvent
        .findMany({ where: { targetType: "request", targetId: id }, select: { action: true } })
        .then((rows) => rows.map((r) => r.action));
    expect(await actions(first.id)).toContain("directive.recorded");
    expect(await actions(second.id)).toContain("directive.replaced");
    expect(await actions(revoking.id)).toContain("directive.revoked");
    // Revoking again finds nothing in force.
    const again = await directiveRequest(shop, "jean.martin@example.fr", { action: "revoke" });
    expect(await actions(again.id)).toContain("directive.none_to_revoke");
  });

  it("an heir request shows the deceased's directive, found by their address or their account, and staff carry it out once the death is proven", async () => {
    const shop = await createShop(t.db, `pmd-heir-${dialect}`);
    // The person recorded it signed in, under their account; later they changed their e-mail address.
    const person = await t.db.subject.create({
      data: { shopId: shop.shop.id, email: "jean.old@example.fr", shopifyCustomerId: "7101" },
    });
    const recording = await fileStorefrontRequest({
      db: t.db,
      links: shop.links,
      proxy: { ...shop.proxy, loggedInCustomerId: "7101" },
      form: {
        type: "post_mortem_directive",
        email: "jean.old@example.fr",
        name: "",
        message: "",
        directive_action: "record",
        directive_instructions: "Transmettre mes factures à ma fille, effacer le reste.",
        specific_consent: "on",
      },
    });
    expect(recording.state).toBe("in_progress");
    await answerRequest(t.db, shop.links, shop.shop, staff, recording.id, "Enregistrées.");
    await t.db.subject.update({ where: { id: person.id }, data: { email: "jean.new@example.fr" } });

    const heir = await heirRequest(shop, "Jean.New@example.fr");
    expect(heir).toMatchObject({ type: "heir_request", subjectId: person.id, state: "identity_check" });
    const shown = await directiveForHeirRequest(t.db, shop.shop.id, heir);
    expect(shown).toMatchObject({
      status: "in_force",
      instructions: "Transmettre mes factures à ma fille, effacer le reste.",
    });
    const detail = await requestDetail(t.db, shop.shop.id, heir.id);
    expect(detail?.timeline.map((e) => e.action)).toEqual(["request.received", "directive.found"]);

    // The heir confirms their address: the request still waits for the proofs.
    const email = await t.db.outboxEmail.findFirstOrThrow({
      where: { requestId: heir.id, template: "request.identity_code" },
    });
    const code = email.text.match(/^\s+(\d{6})$/m)?.[1] ?? "";
    const check = await t.db.identityCheck.findFirstOrThrow({
      where: { requestId: heir.id, method: "email_code", status: "pending" },
    });
    const confirmed = await confirmEmailCode(t.db, SECRET, shop.shop.id, check.id, code);
    expect(confirmed).toMatchObject({ outcome: "accepted", request: { state: "identity_check" } });

    // A directive applies after death only: not before the proof of death is accepted.
    await expect(carryOutDirective(t.db, shop.shop, staff, heir.id)).rejects.toMatchObject({
      code: "DEATH_PROOF_REQUIRED",
    });
    await expect(verifyIdentityByStaff(t.db, shop.shop, staff, heir.id)).rejects.toMatchObject({
      code: "HEIR_PROOFS_REQUIRED",
    });
    await recordHeirProofs(t.db, shop.shop, staff, heir.id, { death: "accepted", heir: "accepted" });
    expect(await verifyIdentityByStaff(t.db, shop.shop, staff, heir.id)).toMatchObject({
      state: "in_progress",
    });
    await carryOutDirective(t.db, shop.shop, staff, heir.id);
    const carried = await t.db.postMortemDirective.findFirstOrThrow({ where: { shopId: shop.shop.id } });
    expect(carried).toMatchObject({
      status: "carried_out",
      carriedOutBy: "dpo",
      carriedOutRequestId: heir.id,
      instructions: "Transmettre mes factures à ma fille, effacer le reste.",
    });
    // The heir request keeps showing what was followed; a later one finds no directive in force.
    expect(await directiveForHeirRequest(t.db, shop.shop.id, heir)).toMatchObject({ status: "carried_out" });
    const later = await heirRequest(shop, "jean.new@example.fr");
    expect(await directiveForHeirRequest(t.db, shop.shop.id, later)).toBeNull();
    await expect(carryOutDirective(t.db, shop.shop, staff, later.id)).rejects.toMatchObject({
      code: "DIRECTIVE_NOT_IN_FORCE",
    });
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { targetId: heir.id, action: "directive.carried_out" },
    });
    expect(audit).toMatchObject({ actorType: "staff", actorId: "dpo" });
    expect(JSON.parse(audit.data)).toEqual({ directiveId: carried.id });
  });

  it("staff revoke a directive the person withdrew by letter; another shop's heir never sees it", async () => {
    const shop = await createShop(t.db, `pmd-staff-${dialect}`);
    const other = await createShop(t.db, `pmd-other-${dialect}`);
    await directiveRequest(shop, "louise@example.fr");
    const directive = await t.db.postMortemDirective.findFirstOrThrow({ where: { shopId: shop.shop.id } });
    const elsewhere = await heirRequest(other, "louise@example.fr");
    expect(await directiveForHeirRequest(t.db, other.shop.id, elsewhere)).toBeNull();
    await expect(revokeDirectiveByStaff(t.db, other.shop, staff, directive.id)).rejects.toMatchObject({
      code: "DIRECTIVE_NOT_IN_FORCE",
    });

    await revokeDirectiveByStaff(t.db, shop.shop, staff, directive.id);
    expect(await t.db.postMortemDirective.findUniqueOrThrow({ where: { id: directive.id } })).toMatchObject({
      status: "revoked",
      revokedBy: "dpo",
      instructions: null,
      email: null,
    });
    await expect(revokeDirectiveByStaff(t.db, shop.shop, staff, directive.id)).rejects.toMatchObject({
      code: "DIRECTIVE_NOT_IN_FORCE",
    });
    const heir = await heirRequest(shop, "louise@example.fr");
    expect(await directiveForHeirRequest(t.db, shop.shop.id, heir)).toBeNull();
  });
});
