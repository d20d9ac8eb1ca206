import { afterEach, describe, expect, it } from "vitest";
import type { ErasureStep } from "~/domain/systems";
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

const EMAIL = "lucas.bernard@example.fr";
const SUBSCRIBE = {
  purpose: "newsletter" as const,
  status: "subscribed" as const,
  occurredAt: new Date(),
  optInLevel: "UNKNOWN" as const,
  idempotencyKey: "k",
};

async function onlyStep(b: Testbed, email = EMAIL): Promise<ErasureStep> {
  const steps = await b.connector.planErasure(subject(email));
  expect(steps).toHaveLength(1);
  return steps[0] as ErasureStep;
}

describe("planErasure", () => {
  it("plans one permanent deletion, saying why, without calling Mailchimp", async () => {
    const b = await bed();
    const step = await onlyStep(b);
    expect(step).toMatchObject({
      id: `mailchimp:${b.sim.audienceId}:delete-permanent`,
      action: "delete",
      target: expect.stringContaining("permanent deletion"),
      reason: expect.stringContaining("cannot be undone"),
    });
    expect(b.sim.stats.requests).toBe(0);
  });

  it("plans an archive, saying Mailchimp keeps the data, when the shop chose archiving", async () => {
    const b = await bed({}, { archiveInsteadOfDelete: true });
    const step = await onlyStep(b);
    expect(step.id).toBe(`mailchimp:${b.sim.audienceId}:archive`);
    expect(step.action).toBe("archive");
    expect(step.reason).toContain("Mailchimp keeps its data");
  });

  it("plans nothing for a subject without an e-mail", async () => {
    const b = await bed();
    await expect(b.connector.planErasure(subject(null))).resolves.toEqual([]);
  });
});

describe("executeErasureStep", () => {
  it("deletes the member permanently; Mailchimp then refuses the address", async () => {
    const b = await bed({ members: [{ email: EMAIL, status: "subscribed", events: [{ name: "x" }] }] });
    const step = await onlyStep(b);
    await expect(b.connector.executeErasureStep(subject(EMAIL), step)).resolves.toMatchObject({
      stepId: step.id,
      outcome: "done",
      at: expect.any(Date),
    });
    expect(b.sim.state.member(EMAIL)).toBeUndefined();
    expect(b.sim.state.isForgotten(EMAIL)).toBe(true);
    expect(b.callsTo("/actions/delete-permanent", "POST")).toHaveLength(1);
    await expect(b.connector.applyConsent(subject(EMAIL), SUBSCRIBE)).resolves.toMatchObject({
      outcome: "refused",
    });
  });

  it("counts a member already gone as not_found (a rerun is harmless)", async () => {
    const b = await bed({ members: [{ email: EMAIL, status: "subscribed" }] });
    const step = await onlyStep(b);
    await b.connector.executeErasureStep(subject(EMAIL), step);
    await expect(b.connector.executeErasureStep(subject(EMAIL), step)).resolves.toMatchObject({
      outcome: "not_found",
    });
  });

  it("archives the member when the plan says archive", async () => {
    const b = await bed(
      { members: [{ email: EMAIL, status: "subscribed" }] },
      { archiveInsteadOfDelete: true },
    );
    const step = await onlyStep(b);
    await expect(b.connector.executeErasureStep(subject(EMAIL), step)).resolves.toMatchObject({
      outcome: "done",
    });
    expect(b.sim.state.member(EMAIL)?.status).toBe("archived");
    expect(b.sim.state.isForgotten(EMAIL)).toBe(false);
    expect(b.callsTo("", "DELETE")).toHaveLength(1);
  });

  it("reports a failed archive when Mailchimp answers 405", async () => {
    const b = await bed(
      { members: [{ email: EMAIL, status: "subscribed", undeletable: true }] },
      { archiveInsteadOfDelete: true },
    );
    const step = await onlyStep(b);
    const receipt = await b.connector.executeErasureStep(subject(EMAIL), step);
    expect(receipt).toMatchObject({ outcome: "failed", detail: expect.stringContaining("405") });
    expect(b.sim.state.member(EMAIL)?.status).toBe("subscribed");
  });

  it("throws a retryable ConnectorError when Mailchimp keeps failing", async () => {
    const b = await bed({ members: [{ email: EMAIL, status: "subscribed" }] });
    const step = await onlyStep(b);
    b.sim.faults.next(500, 3);
    await expect(b.connector.executeErasureStep(subject(EMAIL), step)).rejects.toMatchObject({
      name: "MailchimpApiError",
      retryable: true,
    });
    expect(b.sim.state.member(EMAIL)?.status).toBe("subscribed");
  });

  it("refuses a step that is not from this audience's plan", async () => {
    const b = await bed({ members: [{ email: EMAIL, status: "subscribed" }] });
    const receipt = await b.connector.executeErasureStep(subject(EMAIL), {
      id: "mailchimp:otherlist:delete-permanent",
      action: "delete",
      target: "x",
    });
    expect(receipt.outcome).toBe("failed");
    expect(b.sim.stats.requests).toBe(0);
  });
});

describe("executeErasureStep then a Mailchimp signup", () => {
  it("lets a shopper who signs up again through Mailchimp's form be seen as subscribed", async () => {
    const b = await bed({ members: [{ email: EMAIL, status: "subscribed" }] });
    await b.connector.executeErasureStep(subject(EMAIL), await onlyStep(b));
    await b.sim.simulateSignup(EMAIL);
    await expect(b.connector.readConsent(subject(EMAIL))).resolves.toMatchObject({ status: "subscribed" });
    await expect(b.connector.applyConsent(subject(EMAIL), SUBSCRIBE)).resolves.toMatchObject({
      outcome: "already",
    });
  });
});
