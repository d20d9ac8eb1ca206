import { afterEach, describe, expect, it } from "vitest";
import type { ConsentChange } from "~/connectors/connector";
import { startTestbed, subject, type Testbed } from "../../../tests/fixtures/mailchimp";

const beds: Testbed[] = [];
afterEach(async () => {
  await Promise.all(beds.splice(0).map((b) => b.sim.stop()));
});
async function bed(...args: Parameters<typeof startTestbed>) {
  const b = await startTestbed(...args);
  beds.push(b);
  return b;
}

const change = (status: ConsentChange["status"]): ConsentChange => ({
  purpose: "newsletter",
  status,
  occurredAt: new Date("2026-11-26T09:00:00Z"),
  optInLevel: "SINGLE_OPT_IN",
  idempotencyKey: `k-${status}`,
});
const SUBSCRIBE = change("subscribed");
const UNSUBSCRIBE = change("unsubscribed");

describe("applyConsent (subscribed)", () => {
  it("adds a new shopper as subscribed with an upsert", async () => {
    const { connector, sim, callsTo } = await bed();
    const result = await connector.applyConsent(subject("New.Shopper@example.fr"), SUBSCRIBE);
    expect(result).toMatchObject({ outcome: "applied" });
    expect(sim.state.member("new.shopper@example.fr")).toMatchObject({
      status: "subscribed",
      email_address: "New.Shopper@example.fr",
    });
    expect(callsTo("", "PUT")).toHaveLength(1);
  });

  it("turns on the audience's GDPR fields, learnt once per audience", async () => {
    const { connector, sim, callsTo } = await bed({
      gdpr: true,
      members: [{ email: "first@example.fr", status: "subscribed" }],
    });
    await connector.applyConsent(subject("a@example.fr"), SUBSCRIBE);
    await connector.applyConsent(subject("b@example.fr"), SUBSCRIBE);
    for (const email of ["a@example.fr", "b@example.fr"]) {
      expect(Object.values(sim.state.member(email)?.permissions ?? {})).toEqual([true, true, true]);
    }
    expect(callsTo(`/lists/${sim.audienceId}`)).toHaveLength(1);
    expect(callsTo(`/lists/${sim.audienceId}/members`)).toHaveLength(1);
    expect(callsTo("", "PATCH")).toHaveLength(0);
  });

  it("turns the GDPR fields on from the upsert's answer when the audience has no member to learn from", async () => {
    const { connector, sim, callsTo } = await bed({ gdpr: true });
    await expect(connector.applyConsent(subject("first@example.fr"), SUBSCRIBE)).resolves.toMatchObject({
      outcome: "applied",
    });
    expect(Object.values(sim.state.member("first@example.fr")?.permissions ?? {})).toEqual([
      true,
      true,
      true,
    ]);
    expect(callsTo("", "PATCH")).toHaveLength(1);
  });

  it("sends no GDPR fields to an audience without them", async () => {
    const { connector, sim } = await bed({ gdpr: false });
    await connector.applyConsent(subject("a@example.fr"), SUBSCRIBE);
    expect(sim.state.member("a@example.fr")?.permissions).toEqual({});
  });

  it("answers already for a member already subscribed, without writing", async () => {
    const { connector, callsTo } = await bed({
      members: [{ email: "sub@example.fr", status: "subscribed" }],
    });
    await expect(connector.applyConsent(subject("sub@example.fr"), SUBSCRIBE)).resolves.toMatchObject({
      outcome: "already",
    });
    expect(callsTo("", "PUT")).toHaveLength(0);
  });

  it("re-subscribes a shopper Vigie itself unsubscribed through the API", async () => {
    const { connector, sim } = await bed({
      members: [{ email: "back@example.fr", status: "unsubscribed", unsubscribedBy: "api" }],
    });
    await expect(connector.applyConsent(subject("back@example.fr"), SUBSCRIBE)).resolves.toMatchObject({
      outcome: "applied",
    });
    expect(sim.state.member("back@example.fr")?.status).toBe("subscribed");
  });

  it("moves a member in compliance state (unsubscribed through Mailchimp) to pending: double opt-in", async () => {
    const { connector, sim, callsTo } = await bed({
      members: [{ email: "self@example.fr", status: "unsubscribed" }],
    });
    const result = await connector.applyConsent(subject("self@example.fr"), SUBSCRIBE);
    expect(result.outcome).toBe("pending_confirmation");
    expect(result.detail).toContain("confirmation e-mail");
    expect(sim.state.member("self@example.fr")).toMatchObject({ status: "pending", confirmationEmails: 1 });
    expect(callsTo("", "PUT").map((c) => c.status)).toEqual([400, 200]);
  });

  it("moves a cleaned (bounced) member to pending", async () => {
    const { connector, sim } = await bed({ members: [{ email: "bounce@example.fr", status: "cleaned" }] });
    await expect(connector.applyConsent(subject("bounce@example.fr"), SUBSCRIBE)).resolves.toMatchObject({
      outcome: "pending_confirmation",
    });
    expect(sim.state.member("bounce@example.fr")?.status).toBe("pending");
  });

  it("does not send a second confirmation e-mail to a member already pending", async () => {
    const { connector, sim, callsTo } = await bed({
      members: [{ email: "wait@example.fr", status: "pending" }],
    });
    await expect(connector.applyConsent(subject("wait@example.fr"), SUBSCRIBE)).resolves.toMatchObject({
      outcome: "pending_confirmation",
    });
    expect(callsTo("", "PUT")).toHaveLength(0);
    expect(sim.state.member("wait@example.fr")?.confirmationEmails).toBe(0);
  });

  it("answers refused, with the reason, for an address Mailchimp deleted permanently", async () => {
    const { connector, sim } = await bed({ members: [{ email: "gone@example.fr", status: "subscribed" }] });
    sim.state.deletePermanently(sim.state.member("gone@example.fr")?.id ?? "");
    const result = await connector.applyConsent(subject("gone@example.fr"), SUBSCRIBE);
    expect(result.outcome).toBe("refused");
    expect(result.detail).toContain("permanently deleted");
    expect(result.detail).not.toContain("gone@");
    expect(sim.state.member("gone@example.fr")).toBeUndefined();
  });

  it("answers not_found for a subject without an e-mail", async () => {
    const { connector, sim } = await bed();
    await expect(connector.applyConsent(subject(null), SUBSCRIBE)).resolves.toMatchObject({
      outcome: "not_found",
    });
    expect(sim.stats.requests).toBe(0);
  });

  it("logs outcomes with ids only, never the address", async () => {
    const { connector, log } = await bed({ members: [{ email: "self@example.fr", status: "unsubscribed" }] });
    await connector.applyConsent(subject("self@example.fr", "subj_42"), SUBSCRIBE);
    expect(log.lines.join("\n")).toContain("subj_42");
    expect(log.lines.join("\n")).not.toContain("self@");
  });
});

describe("applyConsent (unsubscribed)", () => {
  it("unsubscribes a subscribed member and turns its GDPR fields off", async () => {
    const { connector, sim, callsTo } = await bed({
      gdpr: true,
      members: [{ email: "leaving@example.fr", status: "subscribed" }],
    });
    await expect(connector.applyConsent(subject("leaving@example.fr"), UNSUBSCRIBE)).resolves.toMatchObject({
      outcome: "applied",
    });
    const member = sim.state.member("leaving@example.fr");
    expect(member?.status).toBe("unsubscribed");
    expect(Object.values(member?.permissions ?? {})).toEqual([false, false, false]);
    expect(callsTo("", "PATCH")).toHaveLength(1);
    // Unsubscribed by the API, not by the shopper in Mailchimp: a later consent is not blocked.
    await expect(connector.applyConsent(subject("leaving@example.fr"), SUBSCRIBE)).resolves.toMatchObject({
      outcome: "applied",
    });
  });

  it("answers not_found for an address the audience does not hold, without creating it", async () => {
    const { connector, sim } = await bed();
    await expect(connector.applyConsent(subject("nobody@example.fr"), UNSUBSCRIBE)).resolves.toEqual({
      outcome: "not_found",
    });
    expect(sim.state.member("nobody@example.fr")).toBeUndefined();
  });

  it("answers already for a member already unsubscribed", async () => {
    const { connector, callsTo } = await bed({
      members: [{ email: "out@example.fr", status: "unsubscribed" }],
    });
    await expect(connector.applyConsent(subject("out@example.fr"), UNSUBSCRIBE)).resolves.toMatchObject({
      outcome: "already",
    });
    expect(callsTo("", "PATCH")).toHaveLength(0);
  });

  it("leaves an archived member archived (no marketing e-mail goes to it)", async () => {
    const { connector, sim } = await bed({ members: [{ email: "arch@example.fr", status: "archived" }] });
    await expect(connector.applyConsent(subject("arch@example.fr"), UNSUBSCRIBE)).resolves.toMatchObject({
      outcome: "already",
    });
    expect(sim.state.member("arch@example.fr")?.status).toBe("archived");
  });
});
