import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { ConsentChange, SubjectRef } from "~/connectors/connector";
import {
  CAMILLE,
  type Harness,
  REFERENCE_TIMESTAMP,
  SHOP,
  startHarness,
} from "../../../tests/fixtures/shopify-admin";
import { createShopifyConnector } from "./connector.server";

let harness: Harness;
afterEach(async () => {
  await harness?.sim.stop();
});

function subject(overrides: Partial<SubjectRef> = {}): SubjectRef {
  return {
    shopDomain: SHOP,
    subjectId: "subj_1",
    email: "camille.martin@example.fr",
    shopifyCustomerId: "7001",
    ...overrides,
  };
}

function change(overrides: Partial<ConsentChange> = {}): ConsentChange {
  return {
    purpose: "newsletter",
    status: "unsubscribed",
    occurredAt: new Date("2026-11-19T18:30:00.000Z"),
    optInLevel: "SINGLE_OPT_IN",
    idempotencyKey: "k1",
    ...overrides,
  };
}

async function setup() {
  harness = await startHarness({
    seed: {
      shops: [
        {
          domain: SHOP,
          name: "Test shop",
          customers: [
            CAMILLE,
            { id: 7002, email: "lucas.bernard@example.fr" },
            { id: 7003, email: "emma@example.com", emailMarketing: { state: "PENDING" } },
            { id: 7004, phone: "+33600000004" },
            { id: 7005, email: "gone@example.com", emailMarketing: { state: "REDACTED" } },
            { id: 7006, email: "bounced@example.com", emailMarketing: { state: "INVALID" } },
          ],
        },
      ],
    },
  });
  const connector = createShopifyConnector({
    client: harness.client().client,
    now: () => new Date(REFERENCE_TIMESTAMP),
  });
  return { connector, sim: harness.sim };
}

describe("createShopifyConnector", () => {
  describe("testConnection", () => {
    it("names the shop when the token works", async () => {
      const { connector } = await setup();
      expect(await connector.testConnection()).toEqual({ ok: true, detail: "connected to Test shop" });
    });

    it("reports a refused token without throwing", async () => {
      await setup();
      const connector = createShopifyConnector({
        client: harness.client({ accessToken: "shpat_revoked" }).client,
      });
      const result = await connector.testConnection();
      expect(result.ok).toBe(false);
      expect(result.detail).toContain("401");
    });
  });

  describe("locate", () => {
    it("finds the customer by numeric id as a GID", async () => {
      const { connector } = await setup();
      expect(await connector.locate(subject({ email: null }))).toEqual({
        found: true,
        refs: ["gid://shopify/Customer/7001"],
      });
    });

    it("finds the customer by e-mail, ignoring case, when there is no id", async () => {
      const { connector } = await setup();
      const result = await connector.locate(
        subject({ shopifyCustomerId: null, email: "Lucas.Bernard@Example.fr" }),
      );
      expect(result).toEqual({ found: true, refs: ["gid://shopify/Customer/7002"] });
    });

    it("falls back to the e-mail when the id no longer exists", async () => {
      const { connector } = await setup();
      const result = await connector.locate(subject({ shopifyCustomerId: "999999" }));
      expect(result).toEqual({ found: true, refs: ["gid://shopify/Customer/7001"] });
    });

    it("reports a shopper Shopify does not know", async () => {
      const { connector } = await setup();
      const result = await connector.locate(subject({ shopifyCustomerId: null, email: "nobody@example.fr" }));
      expect(result).toEqual({ found: false, refs: [] });
    });
  });

  describe("readConsent", () => {
    it("reads SUBSCRIBED as subscribed, with Shopify's time of the change", async () => {
      const { connector } = await setup();
      expect(await connector.readConsent(subject())).toEqual({
        status: "subscribed",
        changedAt: new Date("2026-10-01T08:00:00.000Z"),
      });
    });

    it("maps NOT_SUBSCRIBED, PENDING, REDACTED and INVALID", async () => {
      const { connector } = await setup();
      const read = (id: string) => connector.readConsent(subject({ shopifyCustomerId: id, email: null }));
      expect((await read("7002")).status).toBe("unsubscribed");
      expect((await read("7003")).status).toBe("pending");
      expect((await read("7005")).status).toBe("not_found");
      expect((await read("7006")).status).toBe("not_supported");
    });

    it("answers not_found for a customer without e-mail and for an unknown one", async () => {
      const { connector } = await setup();
      expect(await connector.readConsent(subject({ shopifyCustomerId: "7004", email: null }))).toEqual({
        status: "not_found",
      });
      expect(await connector.readConsent(subject({ shopifyCustomerId: "424242", email: null }))).toEqual({
        status: "not_found",
      });
    });
  });

  describe("applyConsent", () => {
    it("sets the state in Shopify with the shopper's time and opt-in level", async () => {
      const { connector, sim } = await setup();
      const result = await connector.applyConsent(subject(), change());
      expect(result).toEqual({ outcome: "applied", vendorRef: "gid://shopify/Customer/7001" });
      expect(sim.state.customer(SHOP, 7001)?.emailMarketing).toEqual({
        state: "UNSUBSCRIBED",
        optInLevel: "SINGLE_OPT_IN",
        consentUpdatedAt: "2026-11-19T18:30:00.000Z",
      });
    });

    it("echoes back as Shopify's consent webhook, carrying the shopper's time for deduplication", async () => {
      const { connector, sim } = await setup();
      const bodies: string[] = [];
      const receiver = createServer(async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        bodies.push(Buffer.concat(chunks).toString());
        res.writeHead(200).end();
      });
      await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
      try {
        sim.onWebhook({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`, secret: "s" });
        await connector.applyConsent(subject(), change());
        await sim.webhooksIdle();
      } finally {
        await new Promise<void>((resolve) => receiver.close(() => resolve()));
      }
      expect(bodies.map((body) => JSON.parse(body))).toEqual([
        {
          customer_id: 7001,
          email_address: "camille.martin@example.fr",
          email_marketing_consent: {
            state: "unsubscribed",
            opt_in_level: "single_opt_in",
            consent_updated_at: "2026-11-19T18:30:00.000Z",
          },
        },
      ]);
    });

    it("answers already, without a mutation, when Shopify has the state", async () => {
      const { connector, sim } = await setup();
      const result = await connector.applyConsent(subject(), change({ status: "subscribed" }));
      expect(result).toEqual({ outcome: "already", vendorRef: "gid://shopify/Customer/7001" });
      expect(sim.stats.operations.VigieEmailMarketingConsentUpdate).toBeUndefined();
    });

    it("subscribes a never-subscribed customer with confirmed opt-in", async () => {
      const { connector, sim } = await setup();
      const result = await connector.applyConsent(
        subject({ shopifyCustomerId: "7002", email: null }),
        change({ status: "subscribed", optInLevel: "CONFIRMED_OPT_IN" }),
      );
      expect(result.outcome).toBe("applied");
      expect(sim.state.customer(SHOP, 7002)?.emailMarketing?.state).toBe("SUBSCRIBED");
      expect(sim.state.customer(SHOP, 7002)?.emailMarketing?.optInLevel).toBe("CONFIRMED_OPT_IN");
    });

    it("refuses to overwrite a more recent change made in Shopify", async () => {
      const { connector, sim } = await setup();
      const result = await connector.applyConsent(
        subject(),
        change({ occurredAt: new Date("2026-09-01T00:00:00Z") }),
      );
      expect(result.outcome).toBe("refused");
      expect(sim.state.customer(SHOP, 7001)?.emailMarketing?.state).toBe("SUBSCRIBED");
    });

    it("answers not_found for a customer without e-mail or unknown to Shopify", async () => {
      const { connector } = await setup();
      expect(
        await connector.applyConsent(subject({ shopifyCustomerId: "7004", email: null }), change()),
      ).toEqual({
        outcome: "not_found",
      });
      const unknown = subject({ shopifyCustomerId: null, email: "nobody@example.fr" });
      expect(await connector.applyConsent(unknown, change())).toEqual({ outcome: "not_found" });
    });
  });

  describe("planErasure", () => {
    it("plans one Shopify data erasure request, saying Shopify keeps recent orders", async () => {
      const { connector } = await setup();
      const [step, ...rest] = await connector.planErasure(subject());
      expect(rest).toEqual([]);
      expect(step).toMatchObject({ id: "shopify:customer-data-erasure:7001", action: "delete" });
      expect(step?.reason).toContain("180 days");
      expect(step?.reason).toContain("order facts");
      expect(JSON.stringify(step)).not.toContain("camille");
    });

    it("plans nothing for a shopper Shopify does not know, and keeps named guest orders", async () => {
      const { connector } = await setup();
      const stranger = subject({ shopifyCustomerId: null, email: "nobody@example.fr" });
      expect(await connector.planErasure(stranger)).toEqual([]);
      const steps = await connector.planErasure({ ...stranger, orderIds: ["5001"] });
      expect(steps).toEqual([expect.objectContaining({ id: "shopify:guest-orders", action: "keep" })]);
    });
  });

  describe("executeErasureStep", () => {
    it("requests the erasure from Shopify and returns the customer as vendorRef", async () => {
      const { connector, sim } = await setup();
      const [step] = await connector.planErasure(subject());
      if (!step) throw new Error("no step planned");
      const receipt = await connector.executeErasureStep(subject(), step);
      expect(receipt).toEqual({
        stepId: "shopify:customer-data-erasure:7001",
        outcome: "done",
        vendorRef: "gid://shopify/Customer/7001",
        at: new Date(REFERENCE_TIMESTAMP),
      });
      expect(sim.state.customer(SHOP, 7001)?.erasureRequestedAt).toBe(
        new Date(REFERENCE_TIMESTAMP).toISOString(),
      );
    });

    it("counts a repeated request (a retried job) as done", async () => {
      const { connector } = await setup();
      const [step] = await connector.planErasure(subject());
      if (!step) throw new Error("no step planned");
      await connector.executeErasureStep(subject(), step);
      const again = await connector.executeErasureStep(subject(), step);
      expect(again).toMatchObject({ outcome: "done", detail: "already requested" });
    });

    it("answers not_found when the customer no longer exists", async () => {
      const { connector, sim } = await setup();
      const [step] = await connector.planErasure(subject());
      if (!step) throw new Error("no step planned");
      sim.state.shop(SHOP).customers.delete(7001);
      const receipt = await connector.executeErasureStep(subject(), step);
      expect(receipt).toMatchObject({ outcome: "not_found", vendorRef: "gid://shopify/Customer/7001" });
    });

    it("holds a keep step without calling Shopify", async () => {
      const { connector, sim } = await setup();
      const before = sim.stats.requests;
      const receipt = await connector.executeErasureStep(subject(), {
        id: "shopify:guest-orders",
        action: "keep",
        target: "guest orders",
        reason: "no API",
      });
      expect(receipt).toMatchObject({ outcome: "held", detail: "no API" });
      expect(sim.stats.requests).toBe(before);
    });
  });
});
